// One beat for every commit the engine makes to the store. Ink lays out and draws the whole
// screen after each React commit (a 160x48 console is 10-20 ms of CPU a frame), so what costs is
// not how much changes but how often: log lines, probe results and the clocks each committing on
// their own timers drew 15 frames a second on a quiet estate. Sources ask the pacer instead.
// Everything asked for before a beat runs in the same task at the beat, React batches it into one
// commit, and the console draws one frame. A request after a quiet spell runs at once, so a check
// going DOWN or the first line after a silence is drawn without waiting.
//
// Two paces. What the eye follows (new log lines, a check changing state, a command's output)
// asks for the next beat. What only refreshes numbers nobody watches move (latencies and
// sparklines of checks that stay UP) is "background": it rides along with the next beat if
// there is one, and otherwise waits for the slow beat, at most one a second. A quiet estate then
// draws about one frame a second (the clocks' tick, which all this joins) instead of one per
// probe result. The clocks themselves are followed: a second must turn over on time.
//
// Key presses do not go through the pacer: what the user does is drawn straight away.

/** A commit a source wants to make at the next beat. */
export type PacedCommit = () => void;

/** How soon a commit must reach the screen: at the next beat, or at the next slow beat. */
export type Pace = 'follow' | 'background';

/** Shortest time between two beats by default: at most ~7 data frames a second. */
export const DEFAULT_BEAT_MS = 150;

/** Longest a background commit waits for a beat: at most one frame a second for it. */
export const SLOW_BEAT_MS = 1000;

/** Runs requested commits together, at most one beat per period. */
export class CommitPacer {
  /** Pending commits and their pace. */
  private readonly pending = new Map<PacedCommit, Pace>();
  private followed = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private lastBeat = -Infinity;

  constructor(
    readonly periodMs = DEFAULT_BEAT_MS,
    private readonly now: () => number = () => performance.now(),
    readonly slowPeriodMs = Math.max(SLOW_BEAT_MS, periodMs),
  ) {}

  /**
   * Runs `commit` at the next beat: straight after the current task when the last beat was at
   * least a period ago, else when the period is up. A background commit waits for the slow
   * period instead, unless a followed one brings the beat sooner. Asking again with the same
   * function before the beat runs it once (at the sooner of the paces asked for).
   */
  request(commit: PacedCommit, pace: Pace = 'follow'): void {
    const before = this.pending.get(commit);
    if (before === 'follow') return;
    if (before === undefined || pace === 'follow') this.pending.set(commit, pace);
    if (pace === 'follow') this.followed++;
    const due = this.lastBeat + (this.followed > 0 ? this.periodMs : this.slowPeriodMs);
    if (this.timer && this.timerDue <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerDue = due;
    this.timer = setTimeout(() => this.beat(), Math.max(0, due - this.now()));
    this.timer.unref?.();
  }

  /** Forgets a request that has not run yet (a source that stopped). */
  cancel(commit: PacedCommit): void {
    if (this.pending.get(commit) === 'follow') this.followed--;
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
    this.timerDue = Infinity;
    this.lastBeat = this.now();
    const commits = [...this.pending.keys()];
    this.pending.clear();
    this.followed = 0;
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
