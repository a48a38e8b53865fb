// Impact from the events: the windows each check spent DOWN or DEGRADED, each service's window
// from its first check not UP to its last return to UP, and metric breaches with their peaks.
import type { TimelineEvent } from '../timeline/event.js';

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

/** One service's impact: from its first check not UP to its last check back UP. */
export interface ServiceImpact {
  service: string;
  /** First time one of its checks left UP (DOWN, DEGRADED or UNKNOWN). */
  from: number;
  /** The last return to UP after which all its checks were UP; null if one never came back. */
  to: number | null;
  durationMs: number;
  /** The worst state any of its checks reached (DOWN over DEGRADED over UNKNOWN). */
  worst: string;
  /** Time with at least one check DOWN. */
  downMs: number;
}

const STATE_RANK: Record<string, number> = { UNKNOWN: 1, DEGRADED: 2, DOWN: 3 };

/** Impact per service, from `check.state` transitions, in order of first impact. */
export function serviceImpact(sorted: readonly TimelineEvent[], endAt: number): ServiceImpact[] {
  const services = new Map<string, { impact: ServiceImpact; states: Map<string, string>; downSince: number | null }>();
  for (const event of sorted) {
    if (event.kind !== 'check.state') continue;
    const service = str(event.data.service, '?');
    const check = str(event.data.check, '?');
    const to = str(event.data.to);
    let entry = services.get(service);
    if (!entry) {
      if (to === 'UP') continue;
      entry = { impact: { service, from: event.ts, to: null, durationMs: 0, worst: to, downMs: 0 }, states: new Map(), downSince: null };
      services.set(service, entry);
    }
    entry.states.set(check, to);
    if ((STATE_RANK[to] ?? 0) > (STATE_RANK[entry.impact.worst] ?? 0)) entry.impact.worst = to;
    const anyDown = [...entry.states.values()].includes('DOWN');
    if (anyDown && entry.downSince === null) entry.downSince = event.ts;
    if (!anyDown && entry.downSince !== null) {
      entry.impact.downMs += event.ts - entry.downSince;
      entry.downSince = null;
    }
    const allUp = [...entry.states.values()].every((state) => state === 'UP');
    entry.impact.to = allUp ? event.ts : null;
  }
  return [...services.values()]
    .map(({ impact, downSince }) => {
      const end = impact.to ?? endAt;
      return { ...impact, durationMs: Math.max(0, end - impact.from), downMs: impact.downMs + (downSince === null ? 0 : Math.max(0, endAt - downSince)) };
    })
    .sort((a, b) => a.from - b.from || a.service.localeCompare(b.service));
}
