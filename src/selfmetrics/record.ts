// The small functions other capabilities call to count things. They write to one process-wide
// SelfMetrics, created on first use, so a capability needs no wiring to report; the server
// (server.ts) serves that same registry when `--metrics-port` is given.
import { addDefaultMetrics, createSelfMetrics, type SelfMetrics } from './registry.js';

let current: SelfMetrics | undefined;
let withDefaults = false;

/** The process's self metrics (created on first use). */
export function selfMetrics(): SelfMetrics {
  current ??= createSelfMetrics();
  return current;
}

/**
 * The process's self metrics as served: with Node's default process metrics, added on the first
 * call. A console without `--metrics-port` never serves them, so it never collects them either.
 */
export function servedSelfMetrics(): SelfMetrics {
  const metrics = selfMetrics();
  if (!withDefaults) addDefaultMetrics(metrics.registry);
  withDefaults = true;
  return metrics;
}

/** Sets the status-board row count per state (UP, DOWN, DEGRADED, UNKNOWN). */
export function setChecksByState(counts: Record<string, number>): void {
  const gauge = selfMetrics().checksByState;
  for (const [state, count] of Object.entries(counts)) gauge.set({ state }, count);
}

/** Records how long one probe took. */
export function observeProbe(kind: string, seconds: number): void {
  selfMetrics().probeDuration.observe({ kind }, seconds);
}

/**
 * Counts log lines read from a source and those dropped, in batches (the log hub calls it once
 * per flush per source, never per line). Zeros still create the source's series.
 */
export function countLogLines(source: string, ingested: number, dropped = 0): void {
  const m = selfMetrics();
  m.logLinesIngested.inc({ source }, ingested);
  m.logLinesDropped.inc({ source }, dropped);
}

/** Counts one finished action run by its result (succeeded, failed, timeout, cancelled, dry-run). */
export function countAction(result: string): void {
  selfMetrics().actions.inc({ result });
}

/** Counts one escalation delivery's final outcome, after its retries (dry runs are not deliveries). */
export function countEscalation(outcome: 'sent' | 'failed', channel: string): void {
  const m = selfMetrics();
  (outcome === 'sent' ? m.escalationsSent : m.escalationsFailed).inc({ channel });
}

/** Counts one event written to the timeline. */
export function countTimelineEvent(kind: string): void {
  selfMetrics().timelineEvents.inc({ kind });
}

/** Records one rendered console frame and how long Ink took to turn it into text. */
export function observeRender(milliseconds: number): void {
  const m = selfMetrics();
  m.renderFrames.inc();
  m.renderDuration.observe(milliseconds / 1000);
}
