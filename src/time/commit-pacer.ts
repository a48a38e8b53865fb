// One beat for every commit the engine makes to the store. Ink lays out and draws the whole
// screen after each React commit (a 160x48 console is 10-20 ms of CPU a frame), so what costs is
// not how much changes but how often: log lines, probe results and the clocks each committing on
// their own timers drew 15 frames a second on a quiet estate. Sources ask the pacer instead.
// Everything asked for before a beat runs in the same task at the beat, React batches it into one
// commit, and the console draws one frame. A request after a quiet spell runs at once, so a check
// going DOWN or the first line after a silence is drawn without waiting.
//
// Key presses do not go through the pacer: what the user does is drawn straight away.

/** A commit a source wants to make at the next beat. */
export type PacedCommit = () => void;

/** Shortest time between two beats by default: at most ~7 data frames a second. */
export const DEFAULT_BEAT_MS = 150;

/** Runs requested commits together, at most one beat per period. */
export class CommitPacer {
  private readonly pending = new Set<PacedCommit>();
  private timer: NodeJS.Timeout | undefined;
  private lastBeat = -Infinity;

  constructor(
    readonly periodMs = DEFAULT_BEAT_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Runs `commit` at the next beat: straight after the current task when the last beat was at
   * least a period ago, else when the period is up. Asking again with the same function before
   * the beat runs it once.
   */
  request(commit: PacedCommit): void {
    this.pending.add(commit);
    if (this.timer) return;
    const wait = Math.max(0, this.lastBeat + this.periodMs - this.now());
    this.timer = setTimeout(() => this.beat(), wait);
    this.timer.unref?.();
  }

  /** Forgets a request that has not run yet (a source that stopped). */
  cancel(commit: PacedCommit): void {
    this.pending.delete(commit);
  }

  /** Runs whatever is pending now (on stop, so the last results are not lost). */
  flush(): void {
    if (this.pending.size > 0) this.beat();
  }

  /** Runs every pending commit; one that throws does not keep the others from running. */
  private beat(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastBeat = this.now();
    const commits = [...this.pending];
    this.pending.clear();
    const errors: unknown[] = [];
    for (const commit of commits) {
      try {
        commit();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'store commits failed');
  }
}
