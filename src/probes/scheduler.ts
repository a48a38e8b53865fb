// Runs every check on its own interval (with jitter, so 1,000 checks do not fire in lockstep),
// under one global concurrency bound. A check is never run again while its previous run is in
// flight, and each has its own timer, so a slow check only ever costs its own slot.
import { observeProbe } from '../selfmetrics/record.js';
import { CommitPacer } from '../time/commit-pacer.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import { FlapDamper } from './flap-damper.js';
import { timeoutReason } from './reasons.js';
import { ResultBatcher } from './result-batcher.js';
import type { Check, RowOutcome, RowUpdate, Transition } from './types.js';

/** How the scheduler runs and where its results go. */
export interface SchedulerOptions {
  /** Receives row updates in batches (the store's apply action). */
  onBatch: (updates: RowUpdate[]) => void;
  /** Where state changes are recorded as `check.state` events. */
  recorder?: TimelineRecorder;
  /** Probes in flight at once, over all checks. @default 64 */
  concurrency?: number;
  /** Interval spread, as a fraction (0.1 = ±10 %). @default 0.1 */
  jitter?: number;
  /** Paces batches with the store's other commits (the console passes the store's pacer). */
  pacer?: CommitPacer;
  /** Without a pacer: the shortest time between batches handed to onBatch. @default 100 */
  flushMs?: number;
}

/** Grace past a check's own timeout before the scheduler gives up on a run that ignored it. */
const OVERRUN_GRACE_MS = 1000;

interface Entry {
  check: Check;
  timer?: NodeJS.Timeout;
  running: boolean;
}

/** Schedules checks, damps flapping, records transitions, batches results to the store. */
export class CheckScheduler {
  private readonly limit: ConcurrencyLimit;
  private readonly batcher: ResultBatcher;
  private readonly dampers = new Map<string, FlapDamper>();
  private readonly entries: Entry[];
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = true;
  /** Rows that have had a state; UNKNOWN -> UP later on (a host came back) is a real recovery. */
  private readonly everStated = new Set<string>();

  constructor(
    checks: Check[],
    private readonly options: SchedulerOptions,
  ) {
    this.limit = new ConcurrencyLimit(options.concurrency ?? 64);
    this.batcher = new ResultBatcher(options.onBatch, options.pacer ?? new CommitPacer(options.flushMs ?? 100));
    this.entries = checks.map((check) => ({ check, running: false }));
  }

  /** Starts probing; the first run of each check comes within a small jitter of now. Once stopped, a scheduler stays stopped. */
  start(): void {
    if (!this.stopped || this.abort.signal.aborted) return;
    this.stopped = false;
    for (const entry of this.entries) this.schedule(entry, Math.random() * Math.min(250, entry.check.config.intervalMs * 0.1));
  }

  /** Runs one check (or all) now, unless already running; for a manual refresh. */
  runNow(checkId?: string): void {
    for (const entry of this.entries) {
      if (checkId !== undefined && entry.check.config.id !== checkId) continue;
      if (entry.running || this.stopped) continue;
      clearTimeout(entry.timer);
      this.schedule(entry, 0);
    }
  }

  /** Stops timers, cancels runs in flight and hands over the last batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.entries) clearTimeout(entry.timer);
    this.abort.abort();
    await Promise.allSettled([...this.inFlight]);
    this.batcher.flush();
  }

  private schedule(entry: Entry, delayMs: number): void {
    entry.timer = setTimeout(() => this.fire(entry), delayMs);
  }

  private fire(entry: Entry): void {
    if (this.stopped || entry.running) return;
    entry.running = true;
    const started = Date.now();
    const run = this.runOnce(entry).finally(() => {
      entry.running = false;
      this.inFlight.delete(run);
      if (this.stopped) return;
      const { intervalMs } = entry.check.config;
      const jitter = this.options.jitter ?? 0.1;
      const next = intervalMs * (1 + (Math.random() * 2 - 1) * jitter);
      this.schedule(entry, Math.max(0, next - (Date.now() - started)));
    });
    this.inFlight.add(run);
  }

  private async runOnce(entry: Entry): Promise<void> {
    const release = await this.limit.acquire();
    if (this.stopped) return release();
    const { check } = entry;
    let guard: NodeJS.Timeout | undefined;
    // A check that ignores its own timeout gives its slot back anyway; `running` stays set until
    // it really ends, so it is still never run twice at once.
    const overrun = new Promise<RowOutcome[]>((resolve) => {
      guard = setTimeout(() => {
        resolve(check.initialRows().map((row) => ({ row, state: 'DOWN', reason: timeoutReason(check.config.timeoutMs), latencyMs: null })));
      }, check.config.timeoutMs + OVERRUN_GRACE_MS);
    });
    // Every run shares the scheduler's one stop signal: no controller or listener per probe.
    // Timed from the slot being granted, so waiting for the concurrency bound is not latency.
    const started = performance.now();
    const running = check.run(this.abort.signal);
    try {
      const outcomes = await Promise.race([running, overrun]);
      // One observation per run as the board takes it (an overrun counts as timeout + grace);
      // runs cut short by stop() are not probe latency and are left out.
      if (!this.stopped) {
        observeProbe(check.config.kind, (performance.now() - started) / 1000);
        this.accept(check, outcomes);
      }
    } finally {
      clearTimeout(guard);
      release();
    }
    await running.catch(() => undefined);
  }

  private accept(check: Check, outcomes: RowOutcome[]): void {
    const at = Date.now();
    const updates: RowUpdate[] = [];
    for (const outcome of outcomes) {
      const { row } = outcome;
      if (outcome.gone) {
        this.dampers.delete(row.id);
        updates.push({ row, at, raw: 'UNKNOWN', state: 'UNKNOWN', reason: '', latencyMs: null, since: at, gone: true });
        continue;
      }
      let damper = this.dampers.get(row.id);
      if (!damper) {
        damper = new FlapDamper(row.id, check.config, at);
        this.dampers.set(row.id, damper);
      }
      const damped = damper.push(outcome, at);
      const update: RowUpdate = {
        row,
        at,
        raw: outcome.state,
        state: damped.state,
        reason: outcome.reason,
        latencyMs: outcome.latencyMs,
        since: damped.since,
        ...(outcome.body !== undefined ? { body: outcome.body } : {}),
        ...(damped.transition ? { transition: damped.transition } : {}),
      };
      updates.push(update);
      if (damped.transition) this.announce(damped.transition, row);
    }
    this.batcher.add(updates);
  }

  private announce(transition: Transition, row: RowOutcome['row']): void {
    // A console opening on 1,000 healthy checks would otherwise bury the timeline under
    // "UNKNOWN -> UP"; a first result that is anything but UP is worth recording.
    const firstSeen = !this.everStated.has(row.id);
    this.everStated.add(row.id);
    if (firstSeen && transition.from === 'UNKNOWN' && transition.to === 'UP') return;
    this.options.recorder?.record('check.state', {
      check: row.id,
      service: row.service,
      ...(row.instance !== undefined ? { instance: row.instance } : {}),
      label: row.check,
      target: row.target,
      from: transition.from,
      to: transition.to,
      reason: transition.reason,
      latencyMs: transition.latencyMs,
    });
  }
}
