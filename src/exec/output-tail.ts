// The one output tail: what a run of a command (an action on a target, a runbook step) keeps of
// its output for the views, the timeline and search. Lines arrive raw (from the executor's
// `onLine`, split by the text kit's one splitter) or as bytes (`write`), are made safe by the
// text kit's command-output rule (escapes stripped, `\r` progress bars keep their last state),
// have secrets masked and are cut to a bounded length; the tail keeps at most `maxLines` lines
// and `maxBytes` bytes of them, counting the earlier lines it let go.
import { LineSplitter } from '../text/line-splitter.js';
import { COMMAND_OUTPUT, cut, neutralise } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';

/** Characters kept of one line by default; the rest is replaced by an ellipsis. */
export const OUTPUT_LINE_CHARS = 2000;
/** Lines a tail keeps by default. */
export const OUTPUT_TAIL_LINES = 2000;
/** Bytes (UTF-8) of kept lines a tail holds at most by default. */
export const OUTPUT_TAIL_BYTES = 1024 * 1024;

/** How each raw line is made safe before it is kept. */
export interface OutputCleaning {
  /** The console's redactor, applied to every line. */
  redactor?: Redactor;
  /** Values replaced by `***` wherever they appear (secret placeholder values of this run). */
  secrets?: readonly string[];
  /** @default OUTPUT_LINE_CHARS */
  maxChars?: number;
}

/**
 * One raw line of command output made safe to draw (COMMAND_OUTPUT), its secrets masked, then
 * cut: cutting before redacting could leave the first half of a secret on screen.
 */
export function cleanOutputLine(line: string, cleaning: OutputCleaning = {}): string {
  const maxChars = cleaning.maxChars ?? OUTPUT_LINE_CHARS;
  let clean = neutralise(line, { ...COMMAND_OUTPUT, maxChars: 8 * maxChars });
  for (const secret of cleaning.secrets ?? []) if (secret !== '') clean = clean.split(secret).join('***');
  if (cleaning.redactor) clean = cleaning.redactor(clean);
  return cut(clean, maxChars);
}

/** Bounds of a tail and how its lines are cleaned. */
export interface OutputTailOptions {
  /** @default OUTPUT_TAIL_LINES */
  maxLines?: number;
  /** @default OUTPUT_TAIL_BYTES */
  maxBytes?: number;
  /** How raw lines are cleaned; 'already-clean' for lines that were (a second tail of the same run). */
  clean: OutputCleaning | 'already-clean';
}

/** The newest lines of one run's output, bounded in lines and bytes, with a count of those let go. */
export class OutputTail {
  private readonly kept: string[] = [];
  private readonly sizes: number[] = [];
  private bytes = 0;
  private splitter: LineSplitter | null = null;
  private readonly maxLines: number;
  private readonly maxBytes: number;
  /** Earlier lines let go to stay within the bounds. */
  dropped = 0;
  /** Lines pushed in all (kept + dropped). */
  total = 0;

  constructor(private readonly options: OutputTailOptions) {
    this.maxLines = Math.max(1, options.maxLines ?? OUTPUT_TAIL_LINES);
    this.maxBytes = Math.max(1, options.maxBytes ?? OUTPUT_TAIL_BYTES);
  }

  /** Keeps one raw line (cleaned first); returns the line as kept. */
  push(line: string): string {
    const clean = this.options.clean === 'already-clean' ? line : cleanOutputLine(line, this.options.clean);
    const size = Buffer.byteLength(clean) + 1;
    this.kept.push(clean);
    this.sizes.push(size);
    this.bytes += size;
    this.total++;
    while (this.kept.length > 1 && (this.kept.length > this.maxLines || this.bytes > this.maxBytes)) {
      this.kept.shift();
      this.bytes -= this.sizes.shift()!;
      this.dropped++;
    }
    return clean;
  }

  /** Takes output as bytes: split into lines (CRLF, invalid UTF-8, a partial last line) by the one splitter. */
  write(chunk: Uint8Array): void {
    this.splitter ??= new LineSplitter((line) => this.push(line), 8 * (this.options.clean === 'already-clean' ? OUTPUT_LINE_CHARS : this.options.clean.maxChars ?? OUTPUT_LINE_CHARS), undefined, { raw: true });
    this.splitter.push(chunk);
  }

  /** The output ended: a last line without its newline is kept too. */
  end(): void {
    this.splitter?.flush();
  }

  /** The newest `n` kept lines (all by default), oldest first, as a new array. */
  last(n = this.kept.length): string[] {
    return n <= 0 ? [] : this.kept.slice(-n);
  }

  /** Lines kept now. */
  get length(): number {
    return this.kept.length;
  }
}
