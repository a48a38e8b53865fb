// One metrics panel at run time: its source (a PromQL query or a scraped page), its window of
// data, its threshold state and staleness. refresh() never throws: failures become the panel's
// error message and, after two missed steps, its "stale since" time.
import type { PanelConfig } from '../config/types.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import type { MetricsPanelView, MetricsSeriesView } from './types.js';
import type { PrometheusClient } from './prom-api.js';
import { RangeWindow } from './range-window.js';
import { pageFetchOncePerUrl, type PageFetch } from './page-fetch.js';
import { ScrapeSource } from './scrape-source.js';
import { seriesName, topSeries, DEFAULT_SHOWN_SERIES } from './series-pick.js';
import { oneLine } from '../text/neutralise.js';
import { MAX_MESSAGE, MetricsSourceError } from './source-error.js';
import { ThresholdTracker, type ThresholdChange } from './threshold.js';
import { formatValue } from './units.js';

/** How bad a threshold level is, to tell entering a level from leaving one. */
const LEVEL_RANK: Record<string, number> = { none: 0, ok: 0, warn: 1, crit: 2 };

/** Missed refreshes after which a panel is marked stale. */
export const STALE_AFTER_STEPS = 2;

/** What a panel needs besides its config. */
export interface PanelDeps {
  rangeMs: number;
  stepMs: number;
  timeoutMs: number;
  recorder: TimelineRecorder;
  /** Required for query panels. */
  client?: PrometheusClient;
  /** Series shown of a multi-series query. */
  shownSeries?: number;
}

/** A panel's live state. */
export class MetricsPanel {
  private readonly window: RangeWindow | undefined;
  private readonly scrape: ScrapeSource | undefined;
  private readonly history: [number, number | null][] = [];
  private readonly threshold: ThresholdTracker;
  private error: string | null = null;
  private lastSuccessAt: number | null = null;
  private failures = 0;
  private firstAttemptAt: number | null = null;
  private lastFedAt = -Infinity;
  private peak: number | null = null;
  private shown: MetricsSeriesView[] = [];
  private times: number[] = [];

  constructor(
    readonly id: string,
    readonly config: PanelConfig,
    private readonly deps: PanelDeps,
  ) {
    this.threshold = new ThresholdTracker({ warn: config.warn, crit: config.crit, below: config.below });
    if (config.scrape) {
      const selector = { metric: config.metric ?? '', labels: config.labels, ...(config.quantile !== undefined ? { quantile: config.quantile } : {}) };
      this.scrape = new ScrapeSource(config.scrape, selector);
    } else {
      this.window = new RangeWindow(deps.rangeMs, deps.stepMs);
    }
  }

  /**
   * Fetches the newest data; resolves once the panel's state is updated. `fetch` lets panels of
   * one round share a scraped page.
   */
  async refresh(nowMs: number, fetch: PageFetch = pageFetchOncePerUrl(this.deps.timeoutMs)): Promise<void> {
    this.firstAttemptAt ??= nowMs;
    try {
      if (this.scrape) await this.refreshScrape(nowMs, fetch);
      else await this.refreshQuery(nowMs);
      this.error = null;
      this.lastSuccessAt = nowMs;
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.error = error instanceof MetricsSourceError ? error.message : `unexpected error: ${oneLine(String(error), MAX_MESSAGE)}`;
    }
  }

  private async refreshQuery(nowMs: number): Promise<void> {
    const client = this.deps.client;
    if (!client) throw new MetricsSourceError('no prometheus configured for this query');
    const window = this.window!;
    const { startMs, endMs } = window.nextFetch(nowMs);
    const answer = await client.queryRange(this.config.query ?? '', startMs, endMs, this.deps.stepMs);
    window.merge(answer, startMs, endMs);
    const grid = window.grid();
    const top = topSeries(grid.series, this.deps.shownSeries ?? DEFAULT_SHOWN_SERIES);
    const labelSets = grid.series.map((s) => s.labels);
    this.times = grid.times;
    this.shown = top.map((s) => ({ name: seriesName(s.labels, labelSets, this.config.legend), values: s.values }));
    const newest = grid.times[grid.times.length - 1];
    if (newest !== undefined && newest > this.lastFedAt) {
      this.lastFedAt = newest;
      this.feed(this.worst());
    }
  }

  private async refreshScrape(nowMs: number, fetch: PageFetch): Promise<void> {
    const value = await this.scrape!.sample(nowMs, fetch);
    this.history.push([nowMs, value]);
    while (this.history.length > 0 && this.history[0]![0] < nowMs - this.deps.rangeMs) this.history.shift();
    this.times = this.history.map(([t]) => t);
    this.shown = [{ name: '', values: this.history.map(([, v]) => v) }];
    this.feed(value);
  }

  /**
   * The worst shown series' value at the newest point: highest, or lowest for `below` panels.
   * Null when every series has a gap there — a gap is not judged on an older value.
   */
  private worst(): number | null {
    const newest = this.shown.map((s) => s.values[s.values.length - 1] ?? null).filter((v): v is number => v !== null);
    if (newest.length === 0) return null;
    return this.config.below ? Math.min(...newest) : Math.max(...newest);
  }

  /**
   * Feeds the threshold tracker. A breach starts when the panel leaves ok (warn or crit) and
   * lasts until it is back to ok: every level change in between goes on the timeline (as
   * {panel, from, to, value}, what the post-mortem export reads), the way down with the peak.
   */
  private feed(value: number | null): void {
    const change = this.threshold.update(value);
    if (change && (change.to === 'warn' || change.to === 'crit') && this.peak === null) this.peak = change.value;
    const inBreach = this.peak !== null;
    if (inBreach && value !== null && Number.isFinite(value)) {
      if (this.config.below ? value < this.peak! : value > this.peak!) this.peak = value;
    }
    if (!change || !inBreach) return;
    this.recordBreach(change);
    if (change.to === 'ok') this.peak = null;
  }

  private recordBreach(change: ThresholdChange): void {
    const leaving = LEVEL_RANK[change.to] < LEVEL_RANK[change.from];
    // The line crossed: warn's when warn is the worse of the two levels, else crit's.
    const worse = leaving ? change.from : change.to;
    this.deps.recorder.record('metric.threshold', {
      panel: this.config.title,
      from: change.from,
      to: change.to,
      value: change.value,
      display: formatValue(change.value, this.config.unit),
      threshold: worse === 'warn' ? this.config.warn : this.config.crit,
      below: this.config.below,
      ...(leaving && this.peak !== null ? { peak: this.peak, peakDisplay: formatValue(this.peak, this.config.unit) } : {}),
    });
  }

  /** When the panel turned stale (its last good answer), or null while it is fresh. */
  private staleSince(nowMs: number): number | null {
    const since = this.lastSuccessAt ?? this.firstAttemptAt;
    if (since === null) return null;
    const missed = this.failures >= STALE_AFTER_STEPS || nowMs - since > STALE_AFTER_STEPS * this.deps.stepMs;
    return this.error !== null && missed ? since : null;
  }

  /** A snapshot for the store. */
  view(nowMs: number): MetricsPanelView {
    let min: number | null = null;
    let max: number | null = null;
    for (const s of this.shown) {
      for (const v of s.values) {
        if (v === null) continue;
        if (min === null || v < min) min = v;
        if (max === null || v > max) max = v;
      }
    }
    return {
      id: this.id,
      title: this.config.title,
      unit: this.config.unit,
      ...(this.config.warn !== undefined ? { warn: this.config.warn } : {}),
      ...(this.config.crit !== undefined ? { crit: this.config.crit } : {}),
      below: this.config.below,
      source: this.scrape ? 'scrape' : 'query',
      times: this.times,
      series: this.shown,
      current: this.worst(),
      min,
      max,
      state: this.threshold.state,
      error: this.error,
      staleSince: this.staleSince(nowMs),
      updatedAt: this.lastSuccessAt,
    };
  }
}
