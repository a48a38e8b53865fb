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

  /** Marks the first unhandled step for `contact` handled (restoring from the timeline); false when none. */
  markContactDone(contact: string): boolean {
    const step = this.steps.find((s) => s.notify === contact && !this.done.has(s.index));
    if (!step) return false;
    this.markDone(step.index);
    return true;
  }

  /** Fires the same step again after `ms` (the lead was busy with another dialog). */
  retryLater(step: PolicyStep, ms: number): void {
    if (!this.running) return;
    this.clear();
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      if (this.running && !this.done.has(step.index)) this.onDue(step);
    }, ms);
  }

  private clear(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(): void {
    this.clear();
    const step = this.next();
    this.onNext(step ? { contact: step.notify, dueAt: this.dueAt(step) } : null);
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
