// warroom's own metrics, for a Prometheus to scrape while warroom watches everything else. A
// private prom-client Registry (never the global one), so tests and a demo estate running
// prom-client in the same process do not see each other's series.
import { createRequire } from 'node:module';
import type {
  collectDefaultMetrics as CollectDefaultMetricsType,
  Counter as CounterType,
  Gauge as GaugeType,
  Histogram as HistogramType,
  Registry as RegistryType,
} from 'prom-client';

// Every console counts from its first journal event, so this loads before the first frame:
// prom-client's index also loads its cluster aggregator, push gateway and summary (~20 ms); the
// classes used here are the same modules the index re-exports and load in a few ms. Node's
// default process metrics (another ~15 ms with their collectors) are only added to a registry
// that is served: see addDefaultMetrics.
const require = createRequire(import.meta.url);
const Registry = require('prom-client/lib/registry') as typeof RegistryType;
const Counter = require('prom-client/lib/counter') as typeof CounterType;
const Gauge = require('prom-client/lib/gauge') as typeof GaugeType;
const Histogram = require('prom-client/lib/histogram') as typeof HistogramType;
type Registry = RegistryType;
type Counter<T extends string = string> = CounterType<T>;
type Gauge<T extends string = string> = GaugeType<T>;
type Histogram<T extends string = string> = HistogramType<T>;

/** The registry and every metric warroom reports about itself. */
export interface SelfMetrics {
  registry: Registry;
  checksByState: Gauge<'state'>;
  probeDuration: Histogram<'kind'>;
  logLinesIngested: Counter<'source'>;
  logLinesDropped: Counter<'source'>;
  actions: Counter<'result'>;
  escalationsSent: Counter<'channel'>;
  escalationsFailed: Counter<'channel'>;
  timelineEvents: Counter<'kind'>;
  renderFrames: Counter;
  renderDuration: Histogram;
}

/** Adds Node's default process metrics (CPU, memory, event-loop lag, GC) to a registry, as warroom_*. */
export function addDefaultMetrics(registry: Registry): void {
  const collectDefaultMetrics = require('prom-client/lib/defaultMetrics') as typeof CollectDefaultMetricsType;
  collectDefaultMetrics({ register: registry, prefix: 'warroom_' });
}

/** Builds a fresh registry with warroom's metrics (Node's default process metrics: addDefaultMetrics). */
export function createSelfMetrics(): SelfMetrics {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    checksByState: new Gauge({ name: 'warroom_checks', help: 'Status-board rows by state.', labelNames: ['state'], registers }),
    probeDuration: new Histogram({
      name: 'warroom_probe_duration_seconds',
      help: 'Time one health probe took.',
      labelNames: ['kind'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5],
      registers,
    }),
    logLinesIngested: new Counter({ name: 'warroom_log_lines_ingested_total', help: 'Log lines read, per source.', labelNames: ['source'], registers }),
    logLinesDropped: new Counter({ name: 'warroom_log_lines_dropped_total', help: 'Log lines a source delivered that warroom discarded, per source (over-long lines are cut, not dropped).', labelNames: ['source'], registers }),
    actions: new Counter({ name: 'warroom_actions_total', help: 'Action runs finished, by result.', labelNames: ['result'], registers }),
    escalationsSent: new Counter({ name: 'warroom_escalations_sent_total', help: 'Pages and updates delivered.', labelNames: ['channel'], registers }),
    escalationsFailed: new Counter({ name: 'warroom_escalations_failed_total', help: 'Pages and updates that failed after retries.', labelNames: ['channel'], registers }),
    timelineEvents: new Counter({ name: 'warroom_timeline_events_total', help: 'Events written to the incident timeline.', labelNames: ['kind'], registers }),
    renderFrames: new Counter({ name: 'warroom_render_frames_total', help: 'Frames the console rendered (Ink render passes).', registers }),
    renderDuration: new Histogram({
      name: 'warroom_render_duration_seconds',
      help: 'Time Ink took to turn one console frame into text (layout to string).',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25],
      registers,
    }),
  };
}
