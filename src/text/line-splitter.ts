// Turns a byte stream into safe lines: streaming UTF-8 decode (a character split across two
// reads stays whole; invalid bytes become U+FFFD; node's StringDecoder, because TextDecoder
// with {stream: true} measured 3x slower here on Node 20), neutralised controls (the text kit's rule, src/text/neutralise.ts),
// CRLF handled, and a line that never ends cannot grow without bound: past `maxLine` characters
// the rest is only counted, and reported with the line. The one splitter of the console: log
// sources use it as it is (whole lines of plain ASCII, colour aside, take a fast path on their
// bytes: src/text/ascii-block.ts); command output (src/exec/) takes its lines `raw`, because the output
// tail neutralises them with the command-output rule (escapes stripped, `\r` overwrites).
import { StringDecoder } from 'node:string_decoder';
import { neutraliseAsciiBlock } from './ascii-block.js';
import { neutraliseBlock, neutraliseLine } from './neutralise.js';

/** Characters kept of one line; the rest is counted and reported with a cut marker. @default 4096 */
export const DEFAULT_MAX_LINE = 4096;

/**
 * Bytes taken at a time. V8 keeps a string of more than ~128 KB in its large-object space:
 * measured here, decoding a 256 KB read as one string cost ~6x as much per byte as 32 KB pieces
 * (and every later copy of it, the colour strip, as much again). 32 KB of bytes is at most 64 KB
 * of string even when every character needs two bytes, and fits the ASCII kernel's memory.
 */
const PIECE = 32 * 1024;

/** Receives each complete, neutralised line and how many bytes were cut off its end. */
export type LineCallback = (line: string, cutBytes: number) => void;

/** How a splitter hands its lines on. */
export interface LineSplitterOptions {
  /**
   * Hand lines on as decoded (CRLF and invalid UTF-8 still handled, the length still bounded),
   * for a consumer that neutralises them under its own rule. @default false
   */
  raw?: boolean;
  /**
   * Whole lines of plain ASCII (colour aside) skip the decoder and the regex pass
   * (src/text/ascii-block.ts); false sends every byte the general way, which tests compare it
   * with. @default true
   */
  asciiFastPath?: boolean;
}

/** Splits chunks of bytes into complete lines; a trailing partial line waits for its newline. */
export class LineSplitter {
  private readonly raw: boolean;
  private readonly fast: boolean;
  private decoder = new StringDecoder('utf8');
  /** The decoder holds no part of a character, so bytes may bypass it. */
  private decoderIdle = true;
  /** Raw (not yet neutralised) start of the line waiting for its newline. */
  private partial = '';
  private cutBytes = 0;

  constructor(
    private readonly onLine: LineCallback,
    private readonly maxLine = DEFAULT_MAX_LINE,
    /** Called before the lines of each chunk are emitted (the ingest reads the clock there, once per chunk). */
    private readonly onChunk?: () => void,
    options: LineSplitterOptions = {},
  ) {
    this.raw = options.raw ?? false;
    this.fast = !this.raw && (options.asciiFastPath ?? true);
  }

  /** Feeds a chunk of bytes. */
  push(chunk: Uint8Array): void {
    this.onChunk?.();
    for (let at = 0; at < chunk.length; at += PIECE) this.pushPiece(chunk.subarray(at, at + PIECE));
  }

  /** One piece: its whole lines on the ASCII fast path when they allow it, the rest decoded. */
  private pushPiece(bytes: Uint8Array): void {
    // The fast path never shows the decoder its bytes: it must not be holding half a character.
    if (!this.fast || !this.decoderIdle) return this.decode(bytes);
    let start = 0;
    if (this.pending) {
      // The held start of a line is finished by this piece's first line, the general way.
      start = bytes.indexOf(10) + 1;
      if (start === 0) return this.decode(bytes);
      this.decode(bytes.subarray(0, start));
    }
    const end = bytes.lastIndexOf(10) + 1;
    if (end > start) {
      const block = neutraliseAsciiBlock(bytes.subarray(start, end));
      if (block === null) return this.decode(bytes.subarray(start));
      this.emitBlock(block);
      start = end;
    }
    if (start < bytes.length) this.decode(bytes.subarray(start));
  }

  /** Bytes the general way: the streaming decoder, then pushText. */
  private decode(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pushText(this.decoder.write(bytes as Buffer));
    // A last byte below 0x80 ends any character, so the decoder keeps nothing back.
    this.decoderIdle = bytes[bytes.length - 1]! < 0x80;
  }

  /** Feeds already decoded text. */
  pushText(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      this.hold(text, 0, text.length);
      return;
    }
    let pos = 0;
    if (this.pending) {
      // The held start of a line is finished by this chunk's first line.
      const nl = text.indexOf('\n');
      this.hold(text, 0, nl);
      const line = this.partial;
      const cut = this.cutBytes;
      this.partial = '';
      this.cutBytes = 0;
      const whole = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
      this.emit(this.raw ? whole : neutraliseLine(whole), cut);
      pos = nl + 1;
    }
    if (pos <= last) {
      const whole = pos === 0 && last === text.length - 1 ? text : text.slice(pos, last + 1);
      if (this.raw) this.emitRaw(whole);
      else {
        // One regex pass over every complete line, then split on the newlines it kept.
        this.emitBlock(neutraliseBlock(whole));
      }
    }
    if (last + 1 < text.length) this.hold(text, last + 1, text.length);
  }

  /** True when a partial line is waiting for its newline. */
  get pending(): boolean {
    return this.partial.length > 0 || this.cutBytes > 0;
  }

  /** Emits whatever partial line is held (the stream ended or the file was replaced). */
  flush(): void {
    this.onChunk?.();
    const rest = this.decoder.end();
    if (rest.length > 0) this.hold(rest, 0, rest.length);
    if (this.pending) {
      const line = this.partial;
      const cut = this.cutBytes;
      this.partial = '';
      this.cutBytes = 0;
      this.emit(this.raw ? line : neutraliseLine(line), cut);
    }
  }

  /** Emits every line of a neutralised block of whole lines. */
  private emitBlock(block: string): void {
    let from = 0;
    for (;;) {
      const nl = block.indexOf('\n', from);
      if (nl === -1) break;
      this.emit(block.slice(from, nl), 0);
      from = nl + 1;
    }
  }

  /** Emits every line of a block of whole lines as it is, less the CR of a CRLF. */
  private emitRaw(block: string): void {
    let from = 0;
    for (;;) {
      const nl = block.indexOf('\n', from);
      if (nl === -1) break;
      this.emit(nl > from && block.charCodeAt(nl - 1) === 13 ? block.slice(from, nl - 1) : block.slice(from, nl), 0);
      from = nl + 1;
    }
  }

  private emit(line: string, cutBytes: number): void {
    if (line.length <= this.maxLine) {
      this.onLine(line, cutBytes);
      return;
    }
    let keep = this.maxLine;
    const c = line.charCodeAt(keep - 1);
    if (c >= 0xd800 && c <= 0xdbff) keep--; // never split a surrogate pair
    this.onLine(line.slice(0, keep), cutBytes + Buffer.byteLength(line.slice(keep)));
  }

  private hold(text: string, from: number, to: number): void {
    const room = this.maxLine - this.partial.length;
    if (to - from <= room) {
      this.partial += text.slice(from, to);
      return;
    }
    if (room > 0) this.partial += text.slice(from, from + room);
    this.cutBytes += Buffer.byteLength(text.slice(from + Math.max(room, 0), to));
  }
}
