// The /metrics page of one demo service. Each service has its own prom-client Registry (the
// global one would mix every service's series into every page).
import { createRequire } from 'node:module';
import type { Counter as CounterType, Gauge as GaugeType, Histogram as HistogramType, Registry as RegistryType } from 'prom-client';

// prom-client's index also loads its cluster aggregator, push gateway and default collectors
// (~60 ms at start-up, a large share of `warroom demo`'s first-frame budget); the four classes
// the demo uses load in ~5 ms on their own. They are the same modules the index re-exports.
const require = createRequire(import.meta.url);
const Registry = require('prom-client/lib/registry') as typeof RegistryType;
const Counter = require('prom-client/lib/counter') as typeof CounterType;
const Gauge = require('prom-client/lib/gauge') as typeof GaugeType;
const Histogram = require('prom-client/lib/histogram') as typeof HistogramType;

/** The instruments one demo service exposes. */
export interface ServiceMetrics {
  registry: RegistryType;
  requests: CounterType<'status' | 'route'>;
  duration: HistogramType<'route'>;
  queue: GaugeType<'queue'>;
}

/** Creates a fresh registry with the demo's three instruments, labelled with the service name. */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests handled, by status code and route.',
      labelNames: ['status', 'route'] as const,
      registers,
    }),
    duration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request.',
      labelNames: ['route'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    }),
    queue: new Gauge({
      name: 'queue_size',
      help: 'Jobs waiting in the work queue.',
      labelNames: ['queue'] as const,
      registers,
    }),
  };
}

/** Records one answered request in the counters and the latency histogram. */
export function observeRequest(metrics: ServiceMetrics, route: string, status: number, seconds: number): void {
  metrics.requests.inc({ status: String(status), route });
  metrics.duration.observe({ route }, seconds);
}

/**
 * Creates every route/status series at zero, as well-instrumented services do, so a rate over
 * `status="500"` has a baseline before the first error rather than appearing out of nowhere.
 */
export function primeSeries(metrics: ServiceMetrics, routes: readonly string[]): void {
  for (const route of routes) {
    for (const status of ['200', '404', '500', '503']) metrics.requests.inc({ status, route }, 0);
  }
}
