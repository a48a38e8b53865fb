// Alertmanager's v2 API: the alerts that match the war room's matchers (`GET /api/v2/alerts`
// with one `filter` per matcher), and silences (`POST /api/v2/silences`, `GET` and `DELETE
// /api/v2/silence/{id}`). Answers are outside data: anything malformed is skipped, not trusted.
import { formatMatcher, type LabelMatcher } from '../config/label-matchers.js';
import { ApiError, requestJson } from './http-json.js';
import { labelMap, MAX_ALERTS, timeOf } from './source-fields.js';
import type { AlertSource, AlertState, SilenceApi, SilenceRequest, SilenceStatus, SourceAlert } from './types.js';

/** Default request deadline. */
export const ALERTMANAGER_TIMEOUT_MS = 10_000;

/** Talks to one Alertmanager. */
export class AlertmanagerClient implements AlertSource, SilenceApi {
  readonly kind = 'alertmanager';
  private readonly base: string;

  constructor(
    url: string,
    private readonly matchers: readonly LabelMatcher[] = [],
    private readonly timeoutMs = ALERTMANAGER_TIMEOUT_MS,
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  /** The alerts matching every matcher, silenced and inhibited ones included (shown as such). */
  async list(): Promise<SourceAlert[]> {
    const params = new URLSearchParams();
    for (const matcher of this.matchers) params.append('filter', formatMatcher(matcher));
    const query = params.size > 0 ? `?${params}` : '';
    const body = await requestJson(`${this.base}/api/v2/alerts${query}`, { method: 'GET', timeoutMs: this.timeoutMs });
    if (!Array.isArray(body)) throw new ApiError('the alerts answer is not a list');
    const alerts: SourceAlert[] = [];
    for (const item of body.slice(0, MAX_ALERTS)) {
      const alert = readAlert(item);
      if (alert) alerts.push(alert);
    }
    return alerts;
  }

  async create(silence: SilenceRequest): Promise<string> {
    const body = await requestJson(`${this.base}/api/v2/silences`, {
      method: 'POST',
      timeoutMs: this.timeoutMs,
      body: {
        ...(silence.id ? { id: silence.id } : {}),
        matchers: silence.matchers.map(({ name, value, isRegex, isEqual }) => ({ name, value, isRegex, isEqual })),
        startsAt: new Date(silence.startsAt).toISOString(),
        endsAt: new Date(silence.endsAt).toISOString(),
        createdBy: silence.createdBy,
        comment: silence.comment,
      },
    });
    const id = (body as { silenceID?: unknown } | undefined)?.silenceID;
    if (typeof id !== 'string' || id === '') throw new ApiError('Alertmanager did not say the silence id');
    return id;
  }

  async expire(id: string): Promise<void> {
    await requestJson(`${this.base}/api/v2/silence/${encodeURIComponent(id)}`, { method: 'DELETE', timeoutMs: this.timeoutMs });
  }

  async get(id: string): Promise<SilenceStatus | null> {
    let body: unknown;
    try {
      body = await requestJson(`${this.base}/api/v2/silence/${encodeURIComponent(id)}`, { method: 'GET', timeoutMs: this.timeoutMs });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
    const silence = body as { id?: unknown; status?: { state?: unknown }; startsAt?: unknown; endsAt?: unknown } | undefined;
    const state = silence?.status?.state;
    const startsAt = timeOf(silence?.startsAt);
    const endsAt = timeOf(silence?.endsAt);
    if (typeof silence?.id !== 'string' || (state !== 'active' && state !== 'pending' && state !== 'expired') || startsAt === null || endsAt === null) {
      throw new ApiError('the silence answer is not a silence');
    }
    return { id: silence.id, state, startsAt, endsAt };
  }
}

/** One element of `GET /api/v2/alerts`, or null when it is not an alert. */
function readAlert(item: unknown): SourceAlert | null {
  if (item === null || typeof item !== 'object') return null;
  const raw = item as { fingerprint?: unknown; labels?: unknown; annotations?: unknown; startsAt?: unknown; status?: { state?: unknown; silencedBy?: unknown; inhibitedBy?: unknown } };
  const labels = labelMap(raw.labels);
  const startsAt = timeOf(raw.startsAt);
  if (typeof raw.fingerprint !== 'string' || !labels || startsAt === null) return null;
  const silencedBy = Array.isArray(raw.status?.silencedBy) ? raw.status.silencedBy.filter((id): id is string => typeof id === 'string') : [];
  const inhibited = Array.isArray(raw.status?.inhibitedBy) && raw.status.inhibitedBy.length > 0;
  const state: AlertState = silencedBy.length > 0 ? 'silenced' : inhibited ? 'inhibited' : 'firing';
  return { fingerprint: raw.fingerprint, labels, annotations: labelMap(raw.annotations) ?? {}, startsAt, state, silencedBy };
}
