// Reads warroom's own /metrics the way Prometheus would: over HTTP from the server
// `--metrics-port` starts, parsed by the strict exposition parser. For the tests that prove each
// counter is fed by its area's real code path.
import { request } from 'undici';
import { parseExposition, type MetricFamily } from '../../src/metrics/exposition.js';
import { serveSelfMetrics, type SelfMetricsServer } from '../../src/selfmetrics/index.js';

/** A served self-metrics page and a way to read one sample from it. */
export interface SelfScrape {
  server: SelfMetricsServer;
  /** Scrapes once; returns a reader of sample values (undefined when the sample is absent). */
  scrape(): Promise<(sample: string, labels?: Record<string, string>) => number | undefined>;
  close(): Promise<void>;
}

/** Serves this process's self metrics on a free loopback port. */
export async function serveForTest(): Promise<SelfScrape> {
  const server = await serveSelfMetrics(0);
  return {
    server,
    async scrape() {
      const res = await request(`http://127.0.0.1:${server.port}/metrics`);
      if (res.statusCode !== 200) throw new Error(`/metrics answered ${res.statusCode}`);
      const families: MetricFamily[] = parseExposition(await res.body.text());
      return (sample, labels = {}) => {
        for (const family of families) {
          for (const s of family.samples) {
            if (s.name === sample && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
          }
        }
        return undefined;
      };
    },
    close: () => server.close(),
  };
}
