// The escalation policy on the incident clock: one timer for the earliest step not yet handled.
// Steps are handled (paged, prompted or skipped) by the caller, which then marks them done.
import type { Clock } from './clock.js';

/** One `policy:` entry with its position. */
export interface PolicyStep {
  index: number;
  afterMs: number;
  notify: string;
}

// setTimeout cannot wait longer than this; longer waits re-arm.
const MAX_DELAY = 2 ** 31 - 1;

/** Fires `onDue` for each policy step when the incident clock reaches it, in order. */
export class PolicyTimer {
  private readonly steps: PolicyStep[];
  private readonly done = new Set<number>();
  /** Steps that fell due and were announced but not yet handled: not fired again. */
  private readonly fired = new Set<number>();
  private handle: unknown = null;
  private running = false;

  constructor(
    policy: readonly { afterMs: number; notify: string }[],
    private readonly clock: Clock,
    private readonly startedAt: () => number,
    private readonly onDue: (step: PolicyStep) => void,
    private readonly onNext: (next: { contact: string; dueAt: number } | null) => void,
  ) {
    this.steps = policy.map((p, index) => ({ index, ...p })).sort((a, b) => a.afterMs - b.afterMs || a.index - b.index);
  }

  /** The earliest step not yet handled. */
  next(): PolicyStep | null {
    return this.steps.find((s) => !this.done.has(s.index)) ?? null;
  }

  /** When a step falls due (epoch ms). */
  dueAt(step: PolicyStep): number {
    return this.startedAt() + step.afterMs;
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.clear();
    this.onNext(null);
  }

  /** Marks a step handled and arms the timer for the next one. */
  markDone(index: number): void {
    this.done.add(index);
    if (this.running) this.schedule();
  }

  /** Re-arms for the current next step (the incident's start time changed). */
  reschedule(): void {
    if (this.running) this.schedule();
  }

  /** Marks the first unhandled (or unannounced) step for `contact` handled (or announced), restoring from the timeline. */
  markContact(contact: string, how: 'done' | 'fired'): boolean {
    const set = how === 'done' ? this.done : this.fired;
    const step = this.steps.find((s) => s.notify === contact && !set.has(s.index) && !this.done.has(s.index));
    if (!step) return false;
    if (how === 'done') this.markDone(step.index);
    else this.markFired(step.index);
    return true;
  }

  /** Marks a step announced (still next for `P`) and arms the timer for the step after it. */
  markFired(index: number): void {
    this.fired.add(index);
    if (this.running) this.schedule();
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(): void {
    this.clear();
    const next = this.next();
    this.onNext(next ? { contact: next.notify, dueAt: this.dueAt(next) } : null);
    const step = this.steps.find((s) => !this.done.has(s.index) && !this.fired.has(s.index));
    if (!step) return;
    const delay = this.dueAt(step) - this.clock.now();
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      if (!this.running) return;
      if (this.clock.now() < this.dueAt(step)) this.schedule();
      else this.onDue(step);
    }, Math.max(0, Math.min(delay, MAX_DELAY)));
  }
}
