// Per-probe timeouts without a timer and an AbortController per probe: at 1,000 probes a sweep,
// those (and their EventTarget listeners) cost about as much CPU as the HTTP work itself.
// One coarse interval watches every deadline and aborts expired probes through a plain
// EventEmitter, which undici accepts as a request signal.
import { EventEmitter } from 'node:events';

/** One probe being watched. */
export interface ProbeWatch {
  /** Pass as undici's `signal`: emits 'abort' on timeout or cancellation. */
  readonly signal: EventEmitter;
  /** Set when the deadline passed. */
  timedOut: boolean;
  /** Set when the caller's signal aborted. */
  cancelled: boolean;
  deadline: number;
}

/** Watches probe deadlines with one timer, and cancels probes when their caller's signal aborts. */
export class ProbeDeadlines {
  private readonly live = new Set<ProbeWatch>();
  private readonly byOuter = new WeakMap<AbortSignal, Set<ProbeWatch>>();
  private timer: NodeJS.Timeout | undefined;

  /** @param resolutionMs how late a timeout may fire at most. */
  constructor(private readonly resolutionMs = 25) {}

  /** Starts watching a probe that may run `timeoutMs`; call finish() when it ends. */
  watch(timeoutMs: number, outer?: AbortSignal): ProbeWatch {
    const watch: ProbeWatch = { signal: new EventEmitter(), timedOut: false, cancelled: false, deadline: performance.now() + timeoutMs };
    this.live.add(watch);
    this.timer ??= setInterval(() => this.expire(), this.resolutionMs);
    if (outer) this.link(outer, watch);
    return watch;
  }

  /** Stops watching a probe. */
  finish(watch: ProbeWatch, outer?: AbortSignal): void {
    this.live.delete(watch);
    if (outer) this.byOuter.get(outer)?.delete(watch);
    if (this.live.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  // One listener per caller signal (the scheduler passes the same one to every run), not per probe.
  private link(outer: AbortSignal, watch: ProbeWatch): void {
    if (outer.aborted) {
      watch.cancelled = true;
      queueMicrotask(() => watch.signal.emit('abort'));
      return;
    }
    let set = this.byOuter.get(outer);
    if (!set) {
      const linked = new Set<ProbeWatch>();
      set = linked;
      this.byOuter.set(outer, linked);
      outer.addEventListener(
        'abort',
        () => {
          for (const w of linked) {
            w.cancelled = true;
            w.signal.emit('abort');
          }
        },
        { once: true },
      );
    }
    set.add(watch);
  }

  private expire(): void {
    const now = performance.now();
    for (const watch of this.live) {
      if (watch.deadline > now) continue;
      this.live.delete(watch);
      watch.timedOut = true;
      watch.signal.emit('abort');
    }
    if (this.live.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
