// The demo's alerts: a small endpoint speaking the part of Alertmanager's v2 API warroom uses
// (GET /api/v2/alerts with `filter` matchers; POST /api/v2/silences; GET and DELETE
// /api/v2/silence/{id}), so `warroom demo` shows the alerts pane with nothing installed. Alerts
// follow the demo services: a degraded one fires HighErrorRate, one that is down ServiceDown, and
// one low-severity alert fires throughout (not every alert is the incident). Silences mute alerts
// as Alertmanager's do. The console's tests run against a real Alertmanager, not this.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { compileMatchers } from '../alerts/matcher-eval.js';
import { labelsFingerprint } from '../alerts/source-fields.js';
import { parseMatcher, type LabelMatcher } from '../config/label-matchers.js';
import type { ServicePhase } from './behaviour.js';
import { closeServer, listenOnLoopback, LOOPBACK } from './loopback.js';

/** A running demo Alertmanager. */
export interface DemoAlertmanager {
  url: string;
  stop(): Promise<void>;
}

interface Silence {
  id: string;
  matchers: LabelMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
}

interface DemoAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
}

const MAX_BODY_BYTES = 64 * 1024;

/** The alerts the estate fires now, from its services' phases; `since` keeps each alert's start. */
function currentAlerts(phases: Record<string, ServicePhase>, since: Map<string, number>, startedAt: number): DemoAlert[] {
  const firing: Omit<DemoAlert, 'startsAt'>[] = [
    {
      labels: { alertname: 'CertificateExpiresSoon', team: 'checkout', service: 'catalog', severity: 'info' },
      annotations: { summary: 'TLS certificate of catalog expires in 12 days' },
    },
  ];
  for (const [service, phase] of Object.entries(phases)) {
    if (phase === 'degraded') {
      firing.push({
        labels: { alertname: 'HighErrorRate', team: 'checkout', service, severity: 'warning' },
        annotations: { summary: `${service} 5xx rate above 5%`, runbook_url: 'runbooks/checkout-api.md#high-error-rate' },
      });
    }
    if (phase === 'down' || phase === 'restarting') {
      firing.push({ labels: { alertname: 'ServiceDown', team: 'checkout', service, severity: 'critical' }, annotations: { summary: `${service} health check failing` } });
    }
  }
  const now = Date.now();
  const keys = new Set(firing.map((alert) => labelsFingerprint(alert.labels)));
  for (const key of [...since.keys()]) if (!keys.has(key)) since.delete(key);
  return firing.map((alert) => {
    const key = labelsFingerprint(alert.labels);
    if (!since.has(key)) since.set(key, alert.labels.alertname === 'CertificateExpiresSoon' ? startedAt - 3 * 3_600_000 : now);
    return { ...alert, startsAt: since.get(key)! };
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.length > MAX_BODY_BYTES) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Starts the endpoint on an ephemeral loopback port, reading the services' phases on each request. */
export async function startDemoAlertmanager(phases: () => Record<string, ServicePhase>): Promise<DemoAlertmanager> {
  const silences = new Map<string, Silence>();
  const since = new Map<string, number>();
  const startedAt = Date.now();
  const stateOf = (s: Silence, now: number) => (now >= s.endsAt ? 'expired' : now < s.startsAt ? 'pending' : 'active');
  const silenceJson = (s: Silence) => ({
    id: s.id,
    status: { state: stateOf(s, Date.now()) },
    matchers: s.matchers,
    startsAt: new Date(s.startsAt).toISOString(),
    endsAt: new Date(s.endsAt).toISOString(),
    createdBy: s.createdBy,
    comment: s.comment,
  });
  const server = createServer((req, res) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = new URL(req.url ?? '/', 'http://demo');
    const one = /^\/api\/v2\/silence\/([\w-]+)$/.exec(url.pathname);
    void (async () => {
      if (req.method === 'GET' && url.pathname === '/api/v2/alerts') {
        const filters: LabelMatcher[] = [];
        for (const written of url.searchParams.getAll('filter')) {
          const matcher = parseMatcher(written);
          if ('error' in matcher) return send(400, { message: `bad matcher format: ${written}` });
          filters.push(matcher);
        }
        const belongs = compileMatchers(filters);
        const now = Date.now();
        const active = [...silences.values()].filter((s) => stateOf(s, now) === 'active');
        return send(
          200,
          currentAlerts(phases(), since, startedAt)
            .filter((alert) => belongs(alert.labels))
            .map((alert) => {
              const silencedBy = active.filter((s) => compileMatchers(s.matchers)(alert.labels)).map((s) => s.id);
              return {
                fingerprint: labelsFingerprint(alert.labels),
                labels: alert.labels,
                annotations: alert.annotations,
                startsAt: new Date(alert.startsAt).toISOString(),
                endsAt: new Date(now + 5 * 60_000).toISOString(),
                updatedAt: new Date(now).toISOString(),
                status: { state: silencedBy.length > 0 ? 'suppressed' : 'active', silencedBy, inhibitedBy: [] },
              };
            }),
        );
      }
      if (req.method === 'POST' && url.pathname === '/api/v2/silences') {
        const body = JSON.parse(await readBody(req)) as Partial<Silence> & { id?: string; startsAt?: string; endsAt?: string };
        const startsAt = Date.parse(String(body.startsAt));
        const endsAt = Date.parse(String(body.endsAt));
        if (!Array.isArray(body.matchers) || body.matchers.length === 0 || !(endsAt > startsAt) || endsAt < Date.now()) {
          return send(400, { message: 'silence invalid: matchers and an end after its start, in the future, are needed' });
        }
        const existing = body.id ? silences.get(body.id) : undefined;
        const id = existing?.id ?? randomUUID();
        silences.set(id, { id, matchers: body.matchers, startsAt, endsAt, createdBy: String(body.createdBy ?? ''), comment: String(body.comment ?? '') });
        return send(200, { silenceID: id });
      }
      if (one && (req.method === 'GET' || req.method === 'DELETE')) {
        const silence = silences.get(one[1]!);
        if (!silence) return send(404, { message: 'silence not found' });
        if (req.method === 'DELETE') silence.endsAt = Math.min(silence.endsAt, Date.now());
        return req.method === 'DELETE' ? res.writeHead(200).end() : send(200, silenceJson(silence));
      }
      if (req.method === 'GET' && url.pathname === '/api/v2/silences') return send(200, [...silences.values()].map(silenceJson));
      return send(404, { message: 'not found' });
    })().catch(() => send(400, { message: 'bad request' }));
  });
  const port = await listenOnLoopback(server);
  return { url: `http://${LOOPBACK}:${port}`, stop: () => closeServer(server) };
}
