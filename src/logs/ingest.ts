// The ingest hot path every source feeds: cut, neutralise, classify, append to the ring, count.
// Kept free of allocation beyond the line string itself; B2 measures exactly this.
import { classifyLevel, Level } from './level.js';
import { LevelCounts } from './level-counts.js';
import { DEFAULT_MAX_LINE, LineSplitter } from '../text/line-splitter.js';
import { neutraliseLine } from '../text/neutralise.js';
import { LineFlag, LogRingBuffer } from './ring-buffer.js';

const STDERR = LineFlag.stderr;

/** Marker appended to a cut line; says how much was left out. */
export function cutMarker(bytes: number): string {
  return ` … [cut ${bytes} bytes]`;
}

/** Ring, counts and the per-line pipeline, shared by every source of one console. */
export class LogIngest {
  /** The merged stream. */
  readonly ring: LogRingBuffer;
  /** Per-source counts per level. */
  readonly counts = new LevelCounts();
  /** Clock; tests replace it. */
  now: () => number = Date.now;

  constructor(
    capacity = 10_000,
    /** Characters kept of one line. */
    readonly maxLine = DEFAULT_MAX_LINE,
  ) {
    this.ring = new LogRingBuffer(capacity);
  }

  /** Registers a source id before lines arrive for it. */
  addSource(source: number): void {
    this.counts.ensure(source);
  }

  /** Takes one raw line (not yet neutralised) of `source`, as streams deliver them; returns its level. */
  acceptLine(source: number, raw: string, time = this.now(), flags = 0): Level {
    let text = raw;
    let cut = 0;
    if (text.length > this.maxLine) {
      cut = Buffer.byteLength(text.slice(this.maxLine));
      text = text.slice(0, this.maxLine);
    }
    return this.acceptSafeLine(source, neutraliseLine(text), cut, time, flags);
  }

  /** Takes one line already neutralised and bounded (from a LineSplitter); returns its level. */
  acceptSafeLine(source: number, safe: string, cutBytes: number, time: number, flags = 0): Level {
    // Secrets are redacted when lines are shown or recorded (the console's one redactor), not
    // here: nine patterns per line would cost more than the rest of the pipeline together.
    const text = cutBytes > 0 ? safe + cutMarker(cutBytes) : safe;
    // Source errors (stderr) are not classified: their own words are not the service's level.
    const level = (flags & STDERR) !== 0 ? Level.unknown : classifyLevel(text);
    this.ring.push(source, level, time, text, flags);
    this.counts.add(source, level, time);
    return level;
  }

  /** Puts warroom's own note into the stream (a gap marker): shown at every level, never counted. */
  acceptMarker(source: number, text: string, time = this.now()): void {
    this.ring.push(source, Level.unknown, time, text, LineFlag.marker);
  }

  /** A line splitter for a byte stream of `source` (one per open file or stream). */
  splitterFor(source: number): LineSplitter {
    // One clock read per chunk, not per line: the lines of one read arrived together.
    let time = this.now();
    return new LineSplitter(
      (line, cut) => this.acceptSafeLine(source, line, cut, time),
      this.maxLine,
      () => (time = this.now()),
    );
  }
}
