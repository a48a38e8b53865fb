// A client for the Prometheus HTTP query API (/api/v1/query_range and /api/v1/query) using
// nothing vendor-specific, so Thanos, Mimir and VictoriaMetrics answer it the same way.
import type { Dispatcher } from 'undici';
import type { PrometheusConfig } from '../config/types.js';
import { getText } from './http-text.js';
import { oneLine } from '../text/neutralise.js';
import { MAX_MESSAGE, MetricsSourceError } from './source-error.js';

/** One series of a range answer; values are null where the server said NaN or ±Inf. */
export interface RangeSeries {
  labels: Record<string, string>;
  /** [epoch ms, value] in time order. */
  points: [number, number | null][];
}

/** One series of an instant answer. */
export interface InstantSample {
  labels: Record<string, string>;
  atMs: number;
  value: number | null;
}

/** Default request deadline. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** The value strings Prometheus sends, as numbers; non-finite ones are gaps. */
export function sampleValue(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

interface ApiBody {
  status?: unknown;
  data?: { resultType?: unknown; result?: unknown };
  errorType?: unknown;
  error?: unknown;
}

/** Talks to one Prometheus-compatible endpoint. */
export class PrometheusClient {
  private readonly base: string;
  private readonly headers: Record<string, string>;

  constructor(
    config: PrometheusConfig,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
    private readonly dispatcher?: Dispatcher,
  ) {
    this.base = config.url.replace(/\/+$/, '');
    this.headers = { accept: 'application/json', ...config.headers };
    if (config.bearerToken) this.headers.authorization = `Bearer ${config.bearerToken}`;
    else if (config.basicAuth) {
      const { username, password } = config.basicAuth;
      this.headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
  }

  /** Evaluates `query` at every step in [startMs, endMs]. */
  async queryRange(query: string, startMs: number, endMs: number, stepMs: number): Promise<RangeSeries[]> {
    const params = new URLSearchParams({
      query,
      start: (startMs / 1000).toString(),
      end: (endMs / 1000).toString(),
      step: (stepMs / 1000).toString(),
    });
    const data = await this.call(`/api/v1/query_range?${params}`);
    if (data.resultType !== 'matrix' || !Array.isArray(data.result)) {
      throw new MetricsSourceError('unexpected answer: not a matrix');
    }
    return data.result.map((raw: { metric?: Record<string, string>; values?: unknown[] }) => ({
      labels: { ...raw.metric },
      points: (Array.isArray(raw.values) ? raw.values : []).map((pair) => {
        const [ts, value] = pair as [number, string];
        return [Math.round(Number(ts) * 1000), sampleValue(value)] as [number, number | null];
      }),
    }));
  }

  /** Evaluates `query` at one instant (now when `atMs` is not given). */
  async query(query: string, atMs?: number): Promise<InstantSample[]> {
    const params = new URLSearchParams({ query });
    if (atMs !== undefined) params.set('time', (atMs / 1000).toString());
    const data = await this.call(`/api/v1/query?${params}`);
    const result = data.result;
    if (data.resultType === 'scalar' && Array.isArray(result)) {
      return [{ labels: {}, atMs: Math.round(Number(result[0]) * 1000), value: sampleValue(result[1]) }];
    }
    if (data.resultType !== 'vector' || !Array.isArray(result)) {
      throw new MetricsSourceError('unexpected answer: not a vector');
    }
    return result.map((raw: { metric?: Record<string, string>; value?: [number, string] }) => ({
      labels: { ...raw.metric },
      atMs: Math.round(Number(raw.value?.[0]) * 1000),
      value: sampleValue(raw.value?.[1]),
    }));
  }

  /** GETs an API path and unwraps the `{status, data}` envelope, turning failures into messages. */
  private async call(path: string): Promise<NonNullable<ApiBody['data']>> {
    const res = await getText(`${this.base}${path}`, {
      headers: this.headers,
      timeoutMs: this.timeoutMs,
      ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
    });
    let body: ApiBody | undefined;
    try {
      body = JSON.parse(res.body) as ApiBody;
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== 'object') {
      const snippet = oneLine(res.body, 120);
      throw new MetricsSourceError(`HTTP ${res.status}: not a Prometheus API answer${snippet ? ` (${snippet})` : ''}`);
    }
    if (body.status !== 'success' || res.status >= 400) {
      const kind = typeof body.errorType === 'string' ? `${oneLine(body.errorType, 40)}: ` : '';
      const said = typeof body.error === 'string' ? oneLine(body.error, MAX_MESSAGE) : 'no message';
      throw new MetricsSourceError(`HTTP ${res.status}: ${kind}${said}`);
    }
    if (!body.data || typeof body.data !== 'object') throw new MetricsSourceError('unexpected answer: no data');
    return body.data;
  }
}
