// Bounded capture of a command's output: a command that prints 1 GB must not take 1 GB of memory.
// We keep the first half of the budget (where the error usually is) and a rolling tail (where the
// summary usually is), and count what fell in between. Lines for live views are split by the
// text kit's one splitter.
import { LineSplitter } from '../text/line-splitter.js';

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

/** Longest line handed on, in characters; the rest of a line that never ends is only counted. */
export const MAX_LINE_CHARS = 64 * 1024;

/** Splits a command's byte stream into raw lines for `onLine` (the text kit's splitter, see there). */
export function commandLineSplitter(emit: (line: string) => void): LineSplitter {
  return new LineSplitter((line) => emit(line), MAX_LINE_CHARS, undefined, { raw: true });
}
