// Notes on the timeline when a source starts logging errors fast: once per episode, not per
// line. An episode ends when the rate falls below half the threshold, so a rate hovering at the
// threshold does not write a note every flush.
import type { TimelineRecorder } from '../timeline/recorder.js';
import type { LevelCounts } from './level-counts.js';

/** Watches error rates per source and records 'log.error-rate' events. */
export class ErrorRateWatcher {
  private readonly inEpisode: boolean[] = [];

  constructor(
    private readonly recorder: TimelineRecorder,
    /** Errors per minute from one source that start an episode. */
    private readonly perMinute: number,
  ) {}

  /** Checks every source; call once per flush, not per line. */
  check(counts: LevelCounts, tags: readonly string[], now: number): void {
    if (this.perMinute <= 0) return;
    for (let source = 0; source < tags.length; source++) {
      const errors = counts.errorsLastMinute(source, now);
      if (!this.inEpisode[source] && errors >= this.perMinute) {
        this.inEpisode[source] = true;
        this.recorder.record('log.error-rate', { source: tags[source], perMinute: errors, threshold: this.perMinute });
      } else if (this.inEpisode[source] && errors < this.perMinute / 2) {
        this.inEpisode[source] = false;
      }
    }
  }

  /** True while `source` is in an error episode. */
  active(source: number): boolean {
    return this.inEpisode[source] === true;
  }
}
