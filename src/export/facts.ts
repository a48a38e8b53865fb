// The post-mortem's facts, computed from the events alone: key times, impact windows from check
// transitions, metric breaches with peaks, and the lists the export tabulates.
import { sortByTime, type TimelineEvent } from '../timeline/event.js';
import { summarizeIncident } from '../timeline/incident-state.js';
import { isTodo } from '../timeline/backfill.js';

/** A span a check spent DOWN or DEGRADED. */
export interface ImpactWindow {
  service: string;
  check: string;
  state: string;
  from: number;
  /** Null while it still was in that state at the end of the record. */
  to: number | null;
  durationMs: number;
}

/** A span a metric panel spent past a threshold. */
export interface MetricBreach {
  panel: string;
  /** The worst level reached (crit over warn). */
  level: string;
  from: number;
  to: number | null;
  durationMs: number;
  /** The most extreme value recorded during the breach. */
  peak: number | null;
  /** The peak as the panel showed it (`3.5`, `1.5k`), when the events say. */
  peakDisplay?: string;
}

/** Everything the Markdown and JSON exports report besides the raw events. */
export interface IncidentFacts {
  id: string;
  title: string;
  severity: string;
  severityChanges: { at: number; from: string; to: string; operator: string }[];
  startedAt: number;
  detectedAt: number | null;
  firstActionAt: number | null;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  /** Resolution or, while open, the latest event. */
  endAt: number;
  open: boolean;
  durationMs: number;
  timeToFirstActionMs: number | null;
  operators: string[];
  impact: ImpactWindow[];
  metricBreaches: MetricBreach[];
  /** `todo:` notes, without the prefix. */
  actionItems: string[];
  /** Events in time order (stable for equal times). */
  events: TimelineEvent[];
}

const BAD_STATES = new Set(['DOWN', 'DEGRADED']);
const LEVEL_RANK: Record<string, number> = { warn: 1, crit: 2 };

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : fallback;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** DOWN/DEGRADED windows per check, from `check.state` transitions {check, service, from, to}. */
export function impactWindows(sorted: readonly TimelineEvent[], endAt: number): ImpactWindow[] {
  const open = new Map<string, ImpactWindow>();
  const closed: ImpactWindow[] = [];
  for (const event of sorted) {
    if (event.kind !== 'check.state') continue;
    const service = str(event.data.service, '?');
    const check = str(event.data.check, '?');
    const key = `${service}\u0000${check}`;
    const to = str(event.data.to);
    const current = open.get(key);
    if (current && current.state === to) continue;
    if (current) {
      current.to = event.ts;
      current.durationMs = event.ts - current.from;
      closed.push(current);
      open.delete(key);
    }
    if (BAD_STATES.has(to)) open.set(key, { service, check, state: to, from: event.ts, to: null, durationMs: 0 });
  }
  for (const window of open.values()) closed.push({ ...window, durationMs: Math.max(0, endAt - window.from) });
  return closed.sort((a, b) => a.from - b.from);
}

/** Threshold breaches per panel from `metric.threshold` {panel, from, to, value}. */
export function metricBreaches(sorted: readonly TimelineEvent[], endAt: number): MetricBreach[] {
  const open = new Map<string, MetricBreach & { below: boolean }>();
  const done: MetricBreach[] = [];
  const finish = (b: MetricBreach & { below: boolean }, to: number | null, at: number): void => {
    const { below: _below, ...breach } = b;
    done.push({ ...breach, to, durationMs: Math.max(0, at - b.from) });
  };
  for (const event of sorted) {
    if (event.kind !== 'metric.threshold') continue;
    const panel = str(event.data.panel, '?');
    const level = str(event.data.to);
    const value = num(event.data.value);
    const display = typeof event.data.display === 'string' ? event.data.display : undefined;
    const current = open.get(panel);
    if (current) {
      const worse = (v: number) => current.peak === null || (current.below ? v < current.peak : v > current.peak);
      if (value !== null && worse(value) && LEVEL_RANK[level] !== undefined) setPeak(current, value, display);
      // Leaving a level names the most extreme value the panel saw since entering it.
      const peak = num(event.data.peak);
      if (peak !== null && worse(peak)) setPeak(current, peak, typeof event.data.peakDisplay === 'string' ? event.data.peakDisplay : undefined);
      if ((LEVEL_RANK[level] ?? 0) > (LEVEL_RANK[current.level] ?? 0)) current.level = level;
      if (LEVEL_RANK[level] === undefined) {
        finish(current, event.ts, event.ts);
        open.delete(panel);
      }
    } else if (LEVEL_RANK[level] !== undefined) {
      open.set(panel, { panel, level, from: event.ts, to: null, durationMs: 0, peak: value, ...(display === undefined ? {} : { peakDisplay: display }), below: event.data.below === true });
    }
  }
  for (const breach of open.values()) finish(breach, null, endAt);
  return done.sort((a, b) => a.from - b.from);
}

function setPeak(breach: MetricBreach, value: number, display: string | undefined): void {
  breach.peak = value;
  if (display === undefined) delete breach.peakDisplay;
  else breach.peakDisplay = display;
}

function firstActionTime(sorted: readonly TimelineEvent[]): number | null {
  let first: number | null = null;
  for (const event of sorted) {
    let at: number | null = null;
    if (event.kind === 'action.started') at = event.ts;
    else if (event.kind === 'action.finished') at = event.ts - (num(event.data.durationMs) ?? 0);
    else if (event.kind === 'runbook.step' && event.data.status === 'ran') at = event.ts;
    if (at !== null && (first === null || at < first)) first = at;
  }
  return first;
}

/** Computes the post-mortem facts of an incident from its events (any order). */
export function incidentFacts(id: string, events: readonly TimelineEvent[]): IncidentFacts {
  const sorted = sortByTime(events);
  const summary = summarizeIncident(id, sorted);
  const endAt = summary.resolvedAt ?? summary.lastEventAt;
  const detection = sorted.find(
    (e) =>
      (e.kind === 'check.state' && BAD_STATES.has(str(e.data.to))) || (e.kind === 'metric.threshold' && e.data.to === 'crit'),
  );
  const detectedAt = detection?.ts ?? null;
  const lastUp = [...sorted].reverse().find((e) => e.kind === 'check.state' && e.data.to === 'UP' && (detectedAt === null || e.ts >= detectedAt));
  const firstActionAt = firstActionTime(sorted);
  return {
    id,
    title: summary.title,
    severity: summary.severity,
    severityChanges: sorted
      .filter((e) => e.kind === 'incident.severity')
      .map((e) => ({ at: e.ts, from: str(e.data.from, '?'), to: str(e.data.to, '?'), operator: e.operator })),
    startedAt: summary.startedAt,
    detectedAt,
    firstActionAt,
    mitigatedAt: detectedAt === null ? null : (lastUp?.ts ?? null),
    resolvedAt: summary.resolvedAt,
    endAt,
    open: summary.open,
    durationMs: endAt - summary.startedAt,
    timeToFirstActionMs: firstActionAt === null ? null : firstActionAt - (detectedAt ?? summary.startedAt),
    operators: summary.operators,
    impact: impactWindows(sorted, endAt),
    metricBreaches: metricBreaches(sorted, endAt),
    actionItems: sorted
      .filter((e) => e.kind === 'note' && isTodo(str(e.data.text)))
      .map((e) => str(e.data.text).replace(/^\s*todo\s*:\s*/i, '')),
    events: sorted,
  };
}
