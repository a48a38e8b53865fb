// Threshold state of one panel with hysteresis, so a value dancing on the line does not flap
// the colour (and the timeline) every step.
//
// The rule: a worse state is entered at once, on the first sample past its threshold. A better
// state is entered only after CLEAR_SAMPLES consecutive samples that are back past the threshold
// by a margin of CLEAR_MARGIN of the threshold's size. Missing samples (null) change nothing.

/** The colour of a panel: no thresholds configured is 'none'. */
export type ThresholdState = 'none' | 'ok' | 'warn' | 'crit';

/** What a panel's thresholds are. */
export interface ThresholdSpec {
  warn?: number;
  crit?: number;
  /** Low values are bad. */
  below: boolean;
}

/** Consecutive clear samples needed to step down. */
export const CLEAR_SAMPLES = 2;
/** Fraction of the threshold the value must be back past to count as clear. */
export const CLEAR_MARGIN = 0.05;

const RANK: Record<ThresholdState, number> = { none: 0, ok: 0, warn: 1, crit: 2 };

/** A state change the caller may want to record. */
export interface ThresholdChange {
  from: ThresholdState;
  to: ThresholdState;
  value: number;
}

/** The per-panel state machine. */
export class ThresholdTracker {
  private current: ThresholdState;
  private clearRun = 0;

  constructor(private readonly spec: ThresholdSpec) {
    this.current = spec.warn === undefined && spec.crit === undefined ? 'none' : 'ok';
  }

  /** The state now. */
  get state(): ThresholdState {
    return this.current;
  }

  /** The threshold line the zoom chart draws (crit if set, else warn). */
  get line(): number | undefined {
    return this.spec.crit ?? this.spec.warn;
  }

  /** The state a value is in, with every threshold moved toward "ok" by `margin` of itself. */
  private levelOf(value: number, margin: number): ThresholdState {
    const past = (threshold: number | undefined): boolean => {
      if (threshold === undefined) return false;
      const shifted = threshold - Math.abs(threshold) * margin * (this.spec.below ? -1 : 1);
      return this.spec.below ? value <= shifted : value >= shifted;
    };
    if (past(this.spec.crit)) return 'crit';
    if (past(this.spec.warn)) return 'warn';
    return 'ok';
  }

  /** Feeds one sample; returns the change when the state moved. */
  update(value: number | null): ThresholdChange | null {
    if (this.current === 'none' || value === null || Number.isNaN(value)) return null;
    const raw = this.levelOf(value, 0);
    const from = this.current;
    if (RANK[raw] > RANK[from]) {
      this.current = raw;
      this.clearRun = 0;
      return { from, to: raw, value };
    }
    const cleared = this.levelOf(value, CLEAR_MARGIN);
    if (RANK[cleared] < RANK[from]) {
      this.clearRun++;
      if (this.clearRun >= CLEAR_SAMPLES) {
        this.current = cleared;
        this.clearRun = 0;
        return { from, to: cleared, value };
      }
    } else {
      this.clearRun = 0;
    }
    return null;
  }
}
