// `promql:` checks: the board past one machine. One instant query against a Prometheus-compatible
// API; every returned series is a row (1 UP, 0 DOWN), and a series seen before but missing now
// is UNKNOWN, so a target that vanished from the fleet does not silently disappear.
import { request } from 'undici';
import type { PrometheusConfig, PromqlCheckConfig } from '../config/types.js';
import { sharedHttpPool, type HttpPool } from './http-pool.js';
import { describeError, timeoutReason } from './reasons.js';
import { rowInfoOf } from './row-info.js';
import type { Check, CheckState, RowInfo, RowOutcome } from './types.js';

/** One series of an instant-query result. */
interface Series {
  labels: Record<string, string>;
  value: number;
}

/** Queries Prometheus; one row per series, labelled by the labels that tell series apart. */
export class PromqlCheck implements Check {
  private readonly placeholder: RowInfo;
  /** Every series ever returned, by row id, so absent ones stay on the board as UNKNOWN. */
  private readonly known = new Map<string, RowInfo>();
  private placeholderGone = false;

  /** @param prometheus undefined when the config has no `metrics.prometheus`. */
  constructor(
    readonly config: PromqlCheckConfig,
    private readonly prometheus: PrometheusConfig | undefined,
    private readonly pool: HttpPool = sharedHttpPool(),
    private readonly order = 0,
  ) {
    this.placeholder = rowInfoOf(config, order);
  }

  /** @inheritdoc */
  initialRows(): RowInfo[] {
    return [this.placeholder];
  }

  /** @inheritdoc */
  async run(signal?: AbortSignal): Promise<RowOutcome[]> {
    if (!this.prometheus) {
      return [{ row: this.placeholder, state: 'UNKNOWN', reason: 'no metrics.prometheus configured', latencyMs: null }];
    }
    const started = performance.now();
    let series: Series[];
    try {
      series = await this.query(this.prometheus, signal);
    } catch (err) {
      const reason = `prometheus: ${(err as Error).name === 'TimeoutError' ? timeoutReason(this.config.timeoutMs) : messageOf(err)}`;
      const rows = this.known.size > 0 ? [...this.known.values()] : [this.placeholder];
      return rows.map((row) => ({ row, state: 'UNKNOWN', reason, latencyMs: null }));
    }
    const latencyMs = Math.round(performance.now() - started);
    return this.outcomes(series, latencyMs);
  }

  private outcomes(series: Series[], latencyMs: number): RowOutcome[] {
    const distinct = distinguishingLabels(series.map((s) => s.labels));
    const out: RowOutcome[] = [];
    const seen = new Set<string>();
    for (const s of series) {
      const row = this.seriesRow(s.labels, distinct);
      seen.add(row.id);
      this.known.set(row.id, row);
      out.push({ row, ...judge(s.value), latencyMs });
    }
    for (const [id, row] of this.known) {
      if (!seen.has(id)) out.push({ row, state: 'UNKNOWN', reason: 'series absent', latencyMs });
    }
    if (this.known.size === 0) {
      out.push({ row: this.placeholder, state: 'UNKNOWN', reason: 'query returned no series', latencyMs });
    } else if (!this.placeholderGone) {
      this.placeholderGone = true;
      out.push({ row: this.placeholder, state: 'UNKNOWN', reason: '', latencyMs: null, gone: true });
    }
    return out;
  }

  private seriesRow(labels: Record<string, string>, distinct: string[]): RowInfo {
    const identity = Object.keys(labels)
      .sort()
      .map((k) => `${k}="${labels[k]}"`)
      .join(',');
    const shown = distinct.length === 1 ? (labels[distinct[0]!] ?? '') : distinct.map((k) => `${k}=${labels[k] ?? ''}`).join(' ');
    return { ...this.placeholder, id: `${this.config.id}{${identity}}`, instance: shown || identity, order: this.order };
  }

  private async query(prom: PrometheusConfig, signal?: AbortSignal): Promise<Series[]> {
    const url = new URL('api/v1/query', prom.url.endsWith('/') ? prom.url : `${prom.url}/`);
    url.searchParams.set('query', this.config.query);
    const headers: Record<string, string> = { ...prom.headers };
    if (prom.bearerToken) headers.authorization = `Bearer ${prom.bearerToken}`;
    if (prom.basicAuth) {
      const { username, password } = prom.basicAuth;
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const response = await request(url, {
      headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      dispatcher: this.pool.plain,
    });
    const text = await response.body.text();
    let parsed: { status?: string; error?: string; data?: { resultType?: string; result?: unknown } };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.statusCode}, not a query API answer`);
    }
    if (parsed.status !== 'success') throw new Error(parsed.error ?? `HTTP ${response.statusCode}`);
    return toSeries(parsed.data?.resultType, parsed.data?.result);
  }
}

function toSeries(type: string | undefined, result: unknown): Series[] {
  if (type === 'scalar' && Array.isArray(result)) return [{ labels: {}, value: Number(result[1]) }];
  if (type !== 'vector' || !Array.isArray(result)) throw new Error(`expected an instant vector, got ${type ?? 'nothing'}`);
  return result.map((r: { metric?: Record<string, string>; value?: [number, string] }) => ({
    labels: r.metric ?? {},
    value: Number(r.value?.[1]),
  }));
}

/** 1 is UP and 0 DOWN (up, probe_success); any other number is shown as DEGRADED with its value. */
function judge(value: number): { state: CheckState; reason: string } {
  if (value === 1) return { state: 'UP', reason: 'value 1' };
  if (value === 0) return { state: 'DOWN', reason: 'value 0' };
  if (Number.isNaN(value)) return { state: 'UNKNOWN', reason: 'value NaN' };
  return { state: 'DEGRADED', reason: `value ${value}` };
}

/** The labels whose values differ between series (what tells rows apart); `instance` if none do. */
export function distinguishingLabels(sets: Record<string, string>[]): string[] {
  const keys = new Set(sets.flatMap((s) => Object.keys(s)));
  keys.delete('__name__');
  const varying = [...keys].filter((k) => new Set(sets.map((s) => s[k])).size > 1).sort();
  if (varying.length > 0) return varying;
  if (keys.has('instance')) return ['instance'];
  return [...keys].sort();
}

function messageOf(err: unknown): string {
  const described = describeError(err);
  return described.reason;
}
