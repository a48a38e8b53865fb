// Prometheus' own alerts (`GET /api/v1/alerts`), for a war room with no Alertmanager: the same
// alerts Alertmanager would be sent, filtered here by the war room's matchers (the endpoint has
// no filter). Prometheus knows nothing of silences, so this source only reads.
import type { LabelMatcher } from '../config/label-matchers.js';
import { ApiError, requestJson } from './http-json.js';
import { compileMatchers, type CompiledMatcher } from './matcher-eval.js';
import { labelMap, labelsFingerprint, MAX_ALERTS, timeOf } from './source-fields.js';
import type { AlertSource, SourceAlert } from './types.js';

/** Default request deadline. */
export const PROMETHEUS_ALERTS_TIMEOUT_MS = 10_000;

/** Reads one Prometheus' alerts. */
export class PrometheusAlertsClient implements AlertSource {
  readonly kind = 'prometheus';
  private readonly base: string;
  private readonly belongs: CompiledMatcher;

  constructor(url: string, matchers: readonly LabelMatcher[] = [], private readonly timeoutMs = PROMETHEUS_ALERTS_TIMEOUT_MS) {
    this.base = url.replace(/\/+$/, '');
    this.belongs = compileMatchers(matchers);
  }

  /** Firing and pending alerts that match the war room's matchers. */
  async list(): Promise<SourceAlert[]> {
    const body = (await requestJson(`${this.base}/api/v1/alerts`, { method: 'GET', timeoutMs: this.timeoutMs })) as
      | { status?: unknown; data?: { alerts?: unknown } }
      | undefined;
    if (body?.status !== 'success' || !Array.isArray(body.data?.alerts)) throw new ApiError('the alerts answer is not a Prometheus API answer');
    const alerts: SourceAlert[] = [];
    for (const item of body.data.alerts) {
      const alert = readAlert(item);
      if (alert && this.belongs(alert.labels)) alerts.push(alert);
      if (alerts.length >= MAX_ALERTS) break;
    }
    return alerts;
  }
}

function readAlert(item: unknown): SourceAlert | null {
  if (item === null || typeof item !== 'object') return null;
  const raw = item as { labels?: unknown; annotations?: unknown; state?: unknown; activeAt?: unknown };
  const labels = labelMap(raw.labels);
  const startsAt = timeOf(raw.activeAt);
  if (!labels || startsAt === null || (raw.state !== 'firing' && raw.state !== 'pending')) return null;
  return { fingerprint: labelsFingerprint(labels), labels, annotations: labelMap(raw.annotations) ?? {}, startsAt, state: raw.state, silencedBy: [] };
}
