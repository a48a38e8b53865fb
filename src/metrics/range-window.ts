// The sliding window of a query panel: the first refresh fetches the whole range, later ones only
// the newest steps (from the last fetched end, which is fetched again because it may have been
// evaluated before all its samples arrived), merged in and pruned to the range.
import type { RangeSeries } from './prom-api.js';

/** A window laid out on the step grid, ready to plot; null is a gap. */
export interface GridSeries {
  labels: Record<string, string>;
  values: (number | null)[];
}

/** Most series a panel keeps between refreshes (a query may return thousands). */
export const MAX_KEPT_SERIES = 100;

/** Stable key of a label set. */
export function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
}

/** The merged, step-aligned window of one query panel. */
export class RangeWindow {
  private readonly series = new Map<string, { labels: Record<string, string>; points: Map<number, number | null> }>();
  private lastEndMs: number | undefined;

  constructor(
    private readonly rangeMs: number,
    private readonly stepMs: number,
  ) {}

  /** Steps the window spans. */
  private get span(): number {
    return Math.max(1, Math.floor(this.rangeMs / this.stepMs)) * this.stepMs;
  }

  /** The time range the next query_range call should ask for, aligned to the step. */
  nextFetch(nowMs: number): { startMs: number; endMs: number } {
    const endMs = Math.floor(nowMs / this.stepMs) * this.stepMs;
    const fullStart = endMs - this.span;
    if (this.lastEndMs === undefined || this.lastEndMs < fullStart) return { startMs: fullStart, endMs };
    return { startMs: Math.min(this.lastEndMs, endMs), endMs };
  }

  /** Merges an answer for [startMs, endMs]: points it lacks in that span become gaps. */
  merge(answer: RangeSeries[], startMs: number, endMs: number): void {
    for (const entry of this.series.values()) {
      for (const t of entry.points.keys()) if (t >= startMs && t <= endMs) entry.points.delete(t);
    }
    for (const s of answer) {
      const key = labelKey(s.labels);
      let entry = this.series.get(key);
      if (!entry) {
        entry = { labels: s.labels, points: new Map() };
        this.series.set(key, entry);
      }
      for (const [t, v] of s.points) if (t >= startMs && t <= endMs) entry.points.set(t, v);
    }
    this.lastEndMs = Math.max(this.lastEndMs ?? endMs, endMs);
    const oldest = this.lastEndMs - this.span;
    for (const [key, entry] of this.series) {
      for (const t of entry.points.keys()) if (t < oldest) entry.points.delete(t);
      if (entry.points.size === 0) this.series.delete(key);
    }
    this.capSeries();
  }

  /** Drops the series with the lowest last values past MAX_KEPT_SERIES. */
  private capSeries(): void {
    if (this.series.size <= MAX_KEPT_SERIES) return;
    const ranked = [...this.series.entries()].sort((a, b) => lastOf(b[1].points) - lastOf(a[1].points));
    for (const [key] of ranked.slice(MAX_KEPT_SERIES)) this.series.delete(key);
  }

  /** The window on the step grid: one timestamp per step, each series' value or null. */
  grid(): { times: number[]; series: GridSeries[] } {
    if (this.lastEndMs === undefined) return { times: [], series: [] };
    const times: number[] = [];
    for (let t = this.lastEndMs - this.span; t <= this.lastEndMs; t += this.stepMs) times.push(t);
    const series = [...this.series.values()].map((entry) => ({
      labels: entry.labels,
      values: times.map((t) => entry.points.get(t) ?? null),
    }));
    return { times, series };
  }
}

/** The newest non-null value of a point map, -Infinity when there is none (ranks last). */
function lastOf(points: Map<number, number | null>): number {
  let bestT = -Infinity;
  let best = -Infinity;
  for (const [t, v] of points) if (v !== null && t > bestT) [bestT, best] = [t, v];
  return best;
}
