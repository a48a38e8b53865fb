// The fictional system the demo runs: what each service is called, how busy it is, how it
// logs. Data only; the behaviour lives in behaviour.ts and demo-service.ts.

/** The log format a service mostly writes (each also mixes in some lines of another format). */
export type LogFormat = 'text' | 'json' | 'logfmt';

/** One demo HTTP service: its name, load and the shape of what it logs. */
export interface ServiceProfile {
  name: string;
  /** Short upper-case name for environment variables: `CHECKOUT` gives `CHECKOUT_URL`. */
  envName: string;
  version: string;
  /** Synthetic requests per second when healthy. */
  rps: number;
  /** API routes the synthetic traffic (and real callers) hit. */
  routes: string[];
  /** Median latency when healthy, seconds. */
  latencySeconds: number;
  /** The queue its `queue_size` gauge reports, and its usual depth. */
  queue: string;
  queueBaseline: number;
  /** Dependencies shown as `components` in /health. */
  components: string[];
  /** Service it calls, which it complains about in its logs when that one is in trouble. */
  upstream?: string;
  logFormat: LogFormat;
  /** Log lines per second, on average. */
  logRate: number;
}

/** The service the scripted incident happens to. */
export const INCIDENT_SERVICE = 'checkout-api';

/** The name of the TCP-only database. */
export const DATABASE_NAME = 'orders-db';

/** The HTTP services of the demo estate. */
export const DEMO_SERVICES: readonly ServiceProfile[] = [
  {
    name: 'checkout-api',
    envName: 'CHECKOUT',
    version: '2.14.3',
    rps: 24,
    routes: ['/api/cart', '/api/checkout', '/api/orders'],
    latencySeconds: 0.045,
    queue: 'orders',
    queueBaseline: 12,
    components: [DATABASE_NAME, 'payments', 'orders-queue'],
    upstream: 'payments',
    logFormat: 'text',
    logRate: 4,
  },
  {
    name: 'payments',
    envName: 'PAYMENTS',
    version: '1.8.0',
    rps: 11,
    routes: ['/api/authorize', '/api/capture', '/api/refund'],
    latencySeconds: 0.12,
    queue: 'settlements',
    queueBaseline: 30,
    components: ['card-gateway', 'settlements-queue'],
    upstream: 'checkout-api',
    logFormat: 'json',
    logRate: 3,
  },
  {
    name: 'catalog',
    envName: 'CATALOG',
    version: '3.2.1',
    rps: 40,
    routes: ['/api/products', '/api/search', '/api/prices'],
    latencySeconds: 0.018,
    queue: 'reindex',
    queueBaseline: 4,
    components: ['search-index', 'cache'],
    logFormat: 'logfmt',
    logRate: 3,
  },
];
