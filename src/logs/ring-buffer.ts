// The merged stream's memory: a fixed-size ring of the last N lines in preallocated parallel
// arrays, so memory stays flat however long warroom runs (B7) and appending allocates nothing
// besides the line's own string.
import type { Level } from './level.js';

/** Flag bits stored with a line. */
export const LineFlag = {
  /** The line came from the source's stderr (a source error, shown marked). */
  stderr: 1,
  /** warroom's own note in the stream (a gap while the source was away), not a line of the source. */
  marker: 2,
} as const;

/** One line read back out of the ring. */
export interface LogLine {
  /** Sequence number: lines ever appended before this one. */
  seq: number;
  source: number;
  level: Level;
  /** Arrival time, epoch ms. */
  time: number;
  flags: number;
  text: string;
}

/** Ring buffer of the last `capacity` lines; lines are addressed by their sequence number. */
export class LogRingBuffer {
  /** Lines kept. */
  readonly capacity: number;
  private readonly texts: string[];
  private readonly levels: Uint8Array;
  private readonly flagBits: Uint8Array;
  private readonly sources: Uint16Array;
  private readonly times: Float64Array;
  /** Lines ever appended; the next line's sequence number. */
  total = 0;

  constructor(capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`ring capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
    this.texts = new Array<string>(capacity).fill('');
    this.levels = new Uint8Array(capacity);
    this.flagBits = new Uint8Array(capacity);
    this.sources = new Uint16Array(capacity);
    this.times = new Float64Array(capacity);
  }

  /** Appends one line, overwriting the oldest when full; returns its sequence number. */
  push(source: number, level: Level, time: number, text: string, flags = 0): number {
    const seq = this.total;
    const i = seq % this.capacity;
    this.texts[i] = text;
    this.levels[i] = level;
    this.flagBits[i] = flags;
    this.sources[i] = source;
    this.times[i] = time;
    this.total = seq + 1;
    return seq;
  }

  /** Sequence number of the oldest line still held. */
  get oldest(): number {
    return this.total > this.capacity ? this.total - this.capacity : 0;
  }

  /** Sequence number of the newest line, or -1 when empty. */
  get newest(): number {
    return this.total - 1;
  }

  /** Lines currently held. */
  get size(): number {
    return this.total - this.oldest;
  }

  /** True while `seq` is still in the ring. */
  has(seq: number): boolean {
    return seq >= this.oldest && seq < this.total;
  }

  /** Text of a held line. */
  text(seq: number): string {
    return this.texts[seq % this.capacity];
  }

  /** Level of a held line. */
  level(seq: number): Level {
    return this.levels[seq % this.capacity] as Level;
  }

  /** Source id of a held line. */
  source(seq: number): number {
    return this.sources[seq % this.capacity];
  }

  /** Arrival time of a held line. */
  time(seq: number): number {
    return this.times[seq % this.capacity];
  }

  /** Flags of a held line. */
  flags(seq: number): number {
    return this.flagBits[seq % this.capacity];
  }

  /** A held line as an object (for views and tests; the hot path uses the accessors). */
  line(seq: number): LogLine {
    const i = seq % this.capacity;
    return {
      seq,
      source: this.sources[i],
      level: this.levels[i] as Level,
      time: this.times[i],
      flags: this.flagBits[i],
      text: this.texts[i],
    };
  }
}
