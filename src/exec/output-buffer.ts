// Bounded capture of a command's output: a command that prints 1 GB must not take 1 GB of memory.
// We keep the first half of the budget (where the error usually is) and a rolling tail (where the
// summary usually is), and count what fell in between.
import { StringDecoder } from 'node:string_decoder';

/** Head + rolling tail of one output stream, with a count of the bytes dropped between them. */
export class BoundedOutput {
  private readonly headLimit: number;
  private readonly tailLimit: number;
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  /** Bytes that were neither kept in the head nor survive in the tail. */
  droppedBytes = 0;

  constructor(maxBytes: number) {
    const budget = Math.max(0, Math.floor(maxBytes));
    this.headLimit = Math.ceil(budget / 2);
    this.tailLimit = budget - this.headLimit;
  }

  /** Takes one chunk of output. */
  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.headBytes < this.headLimit) {
      const take = Math.min(this.headLimit - this.headBytes, rest.length);
      this.head.push(rest.subarray(0, take));
      this.headBytes += take;
      rest = rest.subarray(take);
    }
    if (rest.length === 0) return;
    if (rest.length >= this.tailLimit) {
      // The chunk alone fills the tail: everything kept so far in the tail is dropped.
      this.droppedBytes += this.tailBytes + rest.length - this.tailLimit;
      // Copy so the (possibly huge) source chunk can be freed.
      this.tail = this.tailLimit > 0 ? [Buffer.from(rest.subarray(rest.length - this.tailLimit))] : [];
      this.tailBytes = this.tailLimit;
      return;
    }
    this.tail.push(rest);
    this.tailBytes += rest.length;
    while (this.tailBytes > this.tailLimit) {
      const first = this.tail[0]!;
      const excess = this.tailBytes - this.tailLimit;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
        this.droppedBytes += first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
        this.droppedBytes += excess;
      }
    }
  }

  /** The kept text; a marker line stands where bytes were dropped. */
  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail).toString('utf8');
    if (this.droppedBytes === 0) return head + tail;
    return `${head}\n[… ${this.droppedBytes} bytes dropped …]\n${tail}`;
  }
}

/** Longest partial line held back while waiting for its newline; longer lines are cut here. */
export const MAX_LINE_BYTES = 64 * 1024;

/** Splits a byte stream into lines, holding a partial last line until its newline arrives. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly emit: (line: string) => void) {}

  /** Takes one chunk; emits every line it completes. */
  push(chunk: Buffer): void {
    const text = this.partial + this.decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.emitLine(text.slice(start, nl));
      start = nl + 1;
    }
    this.partial = start === 0 ? text : text.slice(start);
    // A line with no newline in sight would grow without bound (`yes | tr -d '\n'`).
    while (this.partial.length > MAX_LINE_BYTES) {
      this.emit(this.partial.slice(0, MAX_LINE_BYTES));
      this.partial = this.partial.slice(MAX_LINE_BYTES);
    }
  }

  /** Emits the last line if the output did not end with a newline. */
  flush(): void {
    const text = this.partial + this.decoder.end();
    this.partial = '';
    if (text.length > 0) this.emitLine(text);
  }

  private emitLine(line: string): void {
    this.emit(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}
