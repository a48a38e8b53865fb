// Serves a registry on 127.0.0.1 for `--metrics-port`: GET /metrics only, loopback only, so
// warroom's own numbers are never exposed beyond the host by accident.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { servedSelfMetrics } from './record.js';

/** A running self-metrics server. */
export interface SelfMetricsServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  close(): Promise<void>;
}

/** Starts serving `registry` at http://127.0.0.1:PORT/metrics; rejects with a plain message. */
export function startSelfMetricsServer(port: number, registry: Registry): Promise<SelfMetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics collection failed\n'),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE' ? `metrics port ${port} is already in use` : `cannot serve metrics on port ${port}: ${error.code ?? error.message}`));
    });
    server.listen(port, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Serves this process's own metrics (the registry record.ts counts into): what `--metrics-port N` starts. */
export function serveSelfMetrics(port: number): Promise<SelfMetricsServer> {
  return startSelfMetricsServer(port, servedSelfMetrics().registry);
}
