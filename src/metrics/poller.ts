// Owns every metrics panel: refreshes them all once per step and commits the results to the
// store in one batch per round, so the pane re-renders once per step, not once per panel.
import type { Dispatcher } from 'undici';
import type { MetricsConfig } from '../config/types.js';
import type { WarroomStore } from '../store/store.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { pageFetchOncePerUrl } from './page-fetch.js';
import { MetricsPanel } from './panel.js';
import { PrometheusClient } from './prom-api.js';

/** How the poller is built. */
export interface MetricsPollerOptions {
  config: MetricsConfig;
  store: WarroomStore;
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

/** Refreshes all panels every step and commits them to the store together. */
export class MetricsPoller {
  /** The panels, in config order. */
  readonly panels: MetricsPanel[];
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<void> | undefined;
  private readonly timeoutMs: number;

  constructor(private readonly options: MetricsPollerOptions) {
    const { config, recorder } = options;
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs(config.stepMs);
    this.timeoutMs = timeoutMs;
    const client = config.prometheus ? new PrometheusClient(config.prometheus, timeoutMs, options.dispatcher) : undefined;
    this.now = options.now ?? Date.now;
    this.panels = config.panels.map(
      (panel, index) =>
        new MetricsPanel(`panel-${index}`, panel, {
          rangeMs: config.rangeMs,
          stepMs: config.stepMs,
          timeoutMs,
          recorder,
          ...(client ? { client } : {}),
        }),
    );
  }

  /** One round: every panel refreshed concurrently, then a single store commit. */
  async refreshOnce(): Promise<void> {
    const startedAt = this.now();
    const fetch = pageFetchOncePerUrl(this.timeoutMs, this.options.dispatcher);
    await Promise.all(this.panels.map((panel) => panel.refresh(startedAt, fetch)));
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
  }
}
