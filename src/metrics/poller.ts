// Owns every metrics panel: refreshes them all once per step and commits the results to the
// store in one batch per round, so the pane re-renders once per step, not once per panel. Query
// panels can be added while it runs (a runbook's PromQL block); they are on the timeline, and come
// back from it (restorePanels).
import type { Dispatcher } from 'undici';
import type { MetricsConfig, PanelConfig } from '../config/types.js';
import type { TimelineEvent } from '../timeline/event.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { pageFetchOncePerUrl, type PageFetch } from './page-fetch.js';
import { MetricsPanel } from './panel.js';
import { PrometheusClient } from './prom-api.js';
import type { MetricsPanelView, QueryPanelOutcome, QueryPanelRequest } from './types.js';

/** Where the poller puts its panels (the console's store is one). */
export interface PanelsSink {
  getState(): { setMetricsPanels(panels: MetricsPanelView[]): void };
}

/** How the poller is built. */
export interface MetricsPollerOptions {
  config: MetricsConfig;
  store: PanelsSink;
  recorder: TimelineRecorder;
  /** Per-request deadline. @default 80% of the step, between 1s and 10s */
  timeoutMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  dispatcher?: Dispatcher;
}

/** Default request deadline for a step. */
export function defaultTimeoutMs(stepMs: number): number {
  return Math.max(1000, Math.min(10_000, Math.round(stepMs * 0.8)));
}

/** Why a PromQL panel cannot be added: the message starts with what is missing. */
export const NO_PROMETHEUS_MESSAGE = 'no Prometheus configured: set metrics.prometheus (url) in warroom.yaml to chart PromQL queries';

/**
 * A query with the whitespace outside string literals removed, so `sum by (job) (up)` and
 * `sum by(job)(up)` are recognised as the same panel. Only compared, never sent.
 */
export function queryKey(query: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (quote) {
      out += c;
      if (c === '\\' && i + 1 < query.length) out += query[++i];
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
    } else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** Refreshes all panels every step and commits them to the store together. */
export class MetricsPoller {
  /** The panels: config order, then those added while running. */
  readonly panels: MetricsPanel[];
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<void> | undefined;
  private readonly timeoutMs: number;
  private readonly client: PrometheusClient | undefined;
  /** A panel's refresh in flight: a panel added mid-round is never refreshed twice at once. */
  private readonly inFlight = new Map<MetricsPanel, Promise<void>>();
  private added = 0;

  constructor(private readonly options: MetricsPollerOptions) {
    const { config } = options;
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(config.stepMs);
    this.timeoutMs = timeoutMs;
    this.client = config.prometheus ? new PrometheusClient(config.prometheus, timeoutMs, options.dispatcher) : undefined;
    this.now = options.now ?? Date.now;
    this.panels = config.panels.map((panel, index) => this.panelFor(`panel-${index}`, panel));
  }

  private panelFor(id: string, config: PanelConfig): MetricsPanel {
    const { rangeMs, stepMs } = this.options.config;
    return new MetricsPanel(id, config, {
      rangeMs,
      stepMs,
      timeoutMs: this.timeoutMs,
      recorder: this.options.recorder,
      ...(this.client ? { client: this.client } : {}),
    });
  }

  /**
   * Adds a live PromQL panel: no thresholds, refreshed every step like the
   * configured ones (at once when running). A query already shown (configured or added) is not
   * added again. Recorded on the timeline as `metric.panel-added`.
   */
  addQueryPanel(request: QueryPanelRequest): QueryPanelOutcome {
    return this.addPanel(request, true);
  }

  /**
   * Brings back the panels the timeline says were added (`metric.panel-added`): this console's
   * own when the incident is reopened, and other operators' as they add them, so every screen
   * on the incident charts the same queries. Nothing is recorded again.
   */
  restorePanels(events: readonly TimelineEvent[]): void {
    for (const event of events) {
      if (event.kind !== 'metric.panel-added') continue;
      const { panel, query } = event.data;
      if (typeof query !== 'string') continue;
      this.addPanel({ title: typeof panel === 'string' ? panel : query, query }, false);
    }
  }

  private addPanel(request: QueryPanelRequest, record: boolean): QueryPanelOutcome {
    if (!this.client) return { status: 'unavailable', message: NO_PROMETHEUS_MESSAGE };
    const query = request.query.trim();
    if (query === '') return { status: 'unavailable', message: 'the query is empty' };
    const key = queryKey(query);
    const existing = this.panels.find((panel) => panel.config.query !== undefined && queryKey(panel.config.query) === key);
    if (existing) return { status: 'exists', title: existing.config.title };
    const title = request.title.trim() || query;
    const from = request.from;
    const panel = this.panelFor(`added-${++this.added}`, {
      title,
      query,
      labels: {},
      unit: 'count',
      below: false,
      pos: { file: from?.runbook ?? '', line: from?.line ?? 0, col: 1 },
    });
    this.panels.push(panel);
    if (record) this.options.recorder.record('metric.panel-added', {
      panel: title,
      query,
      ...(from ? { runbook: from.runbook, section: from.section, step: from.step, line: from.line } : {}),
    });
    this.commit(); // listed at once, waiting for its first answer
    if (this.running) {
      const fetch = pageFetchOncePerUrl(this.timeoutMs, this.options.dispatcher);
      void this.refreshPanel(panel, this.now(), fetch).then(() => {
        if (this.running) this.commit();
      });
    }
    return { status: 'added', title };
  }

  /** Refreshes one panel, or joins its refresh already in flight. */
  private refreshPanel(panel: MetricsPanel, at: number, fetch: PageFetch): Promise<void> {
    const pending = this.inFlight.get(panel);
    if (pending) return pending;
    const done = panel.refresh(at, fetch).finally(() => this.inFlight.delete(panel));
    this.inFlight.set(panel, done);
    return done;
  }

  /** One round: every panel refreshed concurrently, then a single store commit. */
  async refreshOnce(): Promise<void> {
    const startedAt = this.now();
    const fetch = pageFetchOncePerUrl(this.timeoutMs, this.options.dispatcher);
    await Promise.all(this.panels.map((panel) => this.refreshPanel(panel, startedAt, fetch)));
    this.commit();
  }

  /** Puts every panel's current view in the store in one commit. */
  private commit(): void {
    const at = this.now();
    this.options.store.getState().setMetricsPanels(this.panels.map((panel) => panel.view(at)));
  }

  /** Starts refreshing now and then every step; rounds never overlap. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.commit(); // the pane lists the panels (waiting for data) before the first answers arrive
    const tick = (): void => {
      const begun = this.now();
      this.round = this.refreshOnce().finally(() => {
        if (!this.running) return;
        const wait = Math.max(0, this.options.config.stepMs - (this.now() - begun));
        this.timer = setTimeout(tick, wait);
        this.timer.unref();
      });
    };
    tick();
  }

  /** Stops the timer and waits for a round in flight. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    await Promise.all(this.inFlight.values());
  }
}
