// The demo's control endpoint: how a local command (ctl.ts, the config's restart action) or a
// curl in the runbook acts on the estate, the way `systemctl` or `docker compose` would act on
// a real one.
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, LOOPBACK } from './loopback.js';

/** What the control endpoint can do; the estate supplies it. */
export interface ControlHandlers {
  /** Names of the services it can act on. */
  services(): string[];
  status(): unknown;
  restart(service: string): Promise<unknown>;
  /** Starts the scripted failure (`down` skips the degradation); false if it was not healthy. */
  fail(service: string, mode: 'degrade' | 'down'): Promise<boolean>;
}

/** A running control endpoint. */
export interface ControlServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the control endpoint: `GET /status`, `POST /restart/<service>`, `POST /fail/<service>[?mode=down]`. */
export async function startControlServer(handlers: ControlHandlers): Promise<ControlServer> {
  const server = createServer((req, res) => {
    req.resume();
    const url = URL.canParse(req.url ?? '/', `http://${LOOPBACK}`) ? new URL(req.url ?? '/', `http://${LOOPBACK}`) : new URL(`http://${LOOPBACK}/`);
    const [, verb, service] = url.pathname.split('/');
    if (req.method === 'GET' && (verb === 'status' || verb === '')) {
      send(res, 200, handlers.status());
      return;
    }
    if (req.method !== 'POST' || (verb !== 'restart' && verb !== 'fail')) {
      send(res, 404, { error: 'unknown endpoint', endpoints: ['GET /status', 'POST /restart/<service>', 'POST /fail/<service>?mode=degrade|down'] });
      return;
    }
    if (service === undefined || !handlers.services().includes(service)) {
      send(res, 404, { error: `unknown service ${JSON.stringify(service ?? '')}`, services: handlers.services() });
      return;
    }
    const action =
      verb === 'restart'
        ? handlers.restart(service).then((outcome) => send(res, 200, outcome))
        : handlers
            .fail(service, url.searchParams.get('mode') === 'down' ? 'down' : 'degrade')
            .then((started) => send(res, started ? 202 : 409, started ? { service, failing: true } : { service, error: 'service is not healthy; restart it first' }));
    action.catch((error: Error) => send(res, 500, { service, error: error.message }));
  });
  const port = await listenOnLoopback(server);
  return { url: `http://${LOOPBACK}:${port}`, port, stop: () => closeServer(server) };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(body)}\n`);
}
