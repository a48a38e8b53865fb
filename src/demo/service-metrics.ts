// The /metrics page of one demo service. Each service has its own prom-client Registry (the
// global one would mix every service's series into every page).
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The instruments one demo service exposes. */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'status' | 'route'>;
  duration: Histogram<'route'>;
  queue: Gauge<'queue'>;
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
