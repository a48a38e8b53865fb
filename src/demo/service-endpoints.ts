// What a demo service answers over HTTP: /health (a JSON status that follows its phase),
// /metrics (its own prom-client registry) and its API routes, which fail as often as its
// synthetic traffic does. Real requests are counted in the same metrics as the synthetic ones.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleStatus, type Behaviour } from './behaviour.js';
import type { ServiceProfile } from './profiles.js';
import { observeRequest, type ServiceMetrics } from './service-metrics.js';

/** The parts of a running service its endpoints read. */
export interface ServiceEndpointsSource {
  profile: ServiceProfile;
  metrics: ServiceMetrics;
  behaviour(): Behaviour;
  /** How far a degradation has gone, 0..1. */
  severity(): number;
  uptimeSeconds(): number;
  random: () => number;
  /** Aborted when the estate stops, ending any deliberately slow answer. */
  signal: AbortSignal;
}

/** The request handler of one demo service. */
export function createServiceHandler(source: ServiceEndpointsSource): RequestListener {
  const known = ['/health', '/metrics', ...source.profile.routes];
  return (req, res) => {
    void answer(source, req, res).then((status) => {
      const path = pathOf(req);
      observeRequest(source.metrics, known.includes(path) ? path : 'other', status.code, status.seconds);
    });
  };
}

async function answer(source: ServiceEndpointsSource, req: IncomingMessage, res: ServerResponse): Promise<{ code: number; seconds: number }> {
  const started = performance.now();
  const path = pathOf(req);
  const behaviour = source.behaviour();
  let code: number;
  try {
    if (path === '/health') {
      code = await answerHealth(source, res, behaviour);
    } else if (path === '/metrics') {
      code = 200;
      const page = await source.metrics.registry.metrics();
      res.writeHead(code, { 'content-type': source.metrics.registry.contentType });
      res.end(page);
    } else if (source.profile.routes.includes(path)) {
      code = sampleStatus(behaviour.errorRatio, source.random);
      sendJson(res, code, code < 400 ? { ok: true } : { error: code === 404 ? 'not found' : 'internal error' });
    } else {
      code = 404;
      sendJson(res, code, { error: 'not found', routes: ['/health', '/metrics', ...source.profile.routes] });
    }
  } catch {
    code = 500;
    if (!res.headersSent && !res.destroyed) sendJson(res, code, { error: 'internal error' });
    else res.destroy();
  }
  return { code, seconds: (performance.now() - started) / 1000 };
}

async function answerHealth(source: ServiceEndpointsSource, res: ServerResponse, behaviour: Behaviour): Promise<number> {
  if (behaviour.health === 'degraded') {
    // A struggling service answers its health check slowly too, but inside a probe's timeout.
    await sleep(Math.min(600, behaviour.latencySeconds * 150), undefined, { signal: source.signal });
  }
  const code = behaviour.health === 'unhealthy' ? 503 : 200;
  const severity = source.severity();
  const components = source.profile.components.map((name, index) => ({
    name,
    status: behaviour.health === 'degraded' && index === 0 ? (severity < 0.5 ? 'slow' : 'failing') : 'ok',
  }));
  sendJson(res, code, {
    status: behaviour.health,
    service: source.profile.name,
    version: source.profile.version,
    uptime_seconds: Math.round(source.uptimeSeconds()),
    components,
  });
  return code;
}

// A malformed request target must not take the demo down: it is simply an unknown path.
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return '/';
  }
}

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(body)}\n`);
}
