// Flap damping: a row changes state only after enough consecutive results disagree with it
// (downAfter for a move to a failing state, upAfter for a move to UP), so one lost packet does
// not page the bridge. The very first result is taken as is: UNKNOWN only means "not yet probed".
import type { CheckState, ProbeResult, Transition } from './types.js';

/** Thresholds for one row. */
export interface DampingOptions {
  /** @default 2 */
  downAfter: number;
  /** @default 1 */
  upAfter: number;
}

/** What the damper concluded from one raw result. */
export interface DampedResult {
  state: CheckState;
  /** Epoch ms the current state began. */
  since: number;
  transition?: Transition;
}

/** Tracks one row's damped state. */
export class FlapDamper {
  private state: CheckState = 'UNKNOWN';
  private since: number;
  private probed = false;
  /** Consecutive results that disagreed with `state`. */
  private streak = 0;

  constructor(
    private readonly rowId: string,
    private readonly options: DampingOptions,
    now = Date.now(),
  ) {
    this.since = now;
  }

  /** The damped state so far. */
  get current(): CheckState {
    return this.state;
  }

  /** Feeds one raw result taken at `at`. */
  push(result: ProbeResult, at: number): DampedResult {
    const first = !this.probed;
    this.probed = true;
    if (result.state === this.state) {
      this.streak = 0;
      return { state: this.state, since: this.since };
    }
    this.streak += 1;
    const needed = result.state === 'UP' ? this.options.upAfter : this.options.downAfter;
    if (!first && this.streak < Math.max(1, needed)) return { state: this.state, since: this.since };
    const transition: Transition = {
      at,
      rowId: this.rowId,
      from: this.state,
      to: result.state,
      reason: result.reason,
      latencyMs: result.latencyMs,
    };
    this.state = result.state;
    this.since = at;
    this.streak = 0;
    return { state: this.state, since: this.since, transition };
  }
}
