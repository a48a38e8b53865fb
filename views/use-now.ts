// The console's one clock. Every view that shows a time ("12s ago", the incident's age) reads
// the same ticker, which ticks on the second and commits through the store's pacer: all clocks
// change in one frame, together with whatever the engine commits at that beat, instead of each
// timer drawing a frame of its own.
import { useSyncExternalStore } from 'react';
import type { CommitPacer } from '../src/time/commit-pacer.js';
import { useWarroomStore } from './store-context.js';

/** A once-a-second time source, running while anything listens. */
class SecondClock {
  now = Date.now();
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly publish = () => {
    this.now = Date.now();
    for (const listener of this.listeners) listener();
  };

  constructor(private readonly pacer: CommitPacer) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.now = Date.now();
      this.arm();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearTimeout(this.timer);
        this.pacer.cancel(this.publish);
      }
    };
  };

  /** Wakes just after the next whole second, so displayed seconds turn over on time. */
  private arm(): void {
    this.timer = setTimeout(() => {
      this.pacer.request(this.publish);
      this.arm();
    }, 1000 - (Date.now() % 1000) + 5);
    this.timer.unref?.();
  }
}

const clocks = new WeakMap<CommitPacer, SecondClock>();

/** The current time, refreshed once a second in step with the rest of the console. */
export function useNow(): number {
  const { pacer } = useWarroomStore();
  let clock = clocks.get(pacer);
  if (!clock) {
    clock = new SecondClock(pacer);
    clocks.set(pacer, clock);
  }
  return useSyncExternalStore(clock.subscribe, () => clock.now);
}
