// Per-source counts per level, in total and over the last minute. The minute window is 60
// one-second buckets per source, so counting is O(1) per line and memory is fixed per source.
import { LEVEL_COUNT, Level } from './level.js';

const WINDOW_SECONDS = 60;

interface SourceCounts {
  total: Float64Array;
  buckets: Uint32Array;
  stamps: Float64Array;
}

/** Counts of one source, as the pane and the store show them. */
export interface LevelTally {
  /** Per level (index = Level value), since the source was added. */
  total: number[];
  /** Per level over the last 60 s. */
  lastMinute: number[];
}

/** Counts lines per source and level. */
export class LevelCounts {
  private readonly sources: SourceCounts[] = [];

  /** Makes room for a source id (ids are small consecutive integers). */
  ensure(source: number): void {
    while (this.sources.length <= source) {
      this.sources.push({
        total: new Float64Array(LEVEL_COUNT),
        buckets: new Uint32Array(WINDOW_SECONDS * LEVEL_COUNT),
        stamps: new Float64Array(WINDOW_SECONDS).fill(-1),
      });
    }
  }

  /** Counts one line arriving at `time` (epoch ms). */
  add(source: number, level: Level, time: number): void {
    const counts = this.sources[source];
    counts.total[level]++;
    const second = Math.floor(time / 1000);
    const slot = second % WINDOW_SECONDS;
    if (counts.stamps[slot] !== second) {
      counts.stamps[slot] = second;
      counts.buckets.fill(0, slot * LEVEL_COUNT, slot * LEVEL_COUNT + LEVEL_COUNT);
    }
    counts.buckets[slot * LEVEL_COUNT + level]++;
  }

  /** Lines of `source` at exactly `level` in the 60 s before `now`. */
  lastMinute(source: number, level: Level, now: number): number {
    const counts = this.sources[source];
    if (!counts) return 0;
    const second = Math.floor(now / 1000);
    let sum = 0;
    for (let slot = 0; slot < WINDOW_SECONDS; slot++) {
      const stamp = counts.stamps[slot];
      if (stamp > second - WINDOW_SECONDS && stamp <= second) sum += counts.buckets[slot * LEVEL_COUNT + level];
    }
    return sum;
  }

  /** Error-or-worse lines of `source` in the last minute. */
  errorsLastMinute(source: number, now: number): number {
    return this.lastMinute(source, Level.error, now) + this.lastMinute(source, Level.critical, now) + this.lastMinute(source, Level.fatal, now);
  }

  /** A snapshot of one source's counts. */
  tally(source: number, now: number): LevelTally {
    const counts = this.sources[source];
    const total: number[] = [];
    const lastMinute: number[] = [];
    for (let level = 0; level < LEVEL_COUNT; level++) {
      total.push(counts ? counts.total[level] : 0);
      lastMinute.push(this.lastMinute(source, level as Level, now));
    }
    return { total, lastMinute };
  }
}
