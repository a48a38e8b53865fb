// Real servers on 127.0.0.1 for the probe tests, and config builders shaped like the loader's
// output (durations in ms, ports already expanded).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import type { CheckConfig, CommandCheckConfig, HttpCheckConfig, PromqlCheckConfig, TcpCheckConfig } from '../../src/config/types.js';

/** A started HTTP server and how to stop it. */
export interface Loopback {
  port: number;
  url: (path?: string) => string;
  close: () => Promise<void>;
  /** Requests being handled right now, and the most ever at once. */
  stats: { inFlight: number; maxInFlight: number; total: number };
}

/** Starts an HTTP server on a free loopback port. */
export async function startHttp(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Loopback> {
  const sockets = new Set<Socket>();
  const stats = { inFlight: 0, maxInFlight: 0, total: 0 };
  const server: Server = createServer((req, res) => {
    stats.inFlight += 1;
    stats.total += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    let done = false;
    const end = (): void => {
      if (done) return;
      done = true;
      stats.inFlight -= 1;
    };
    res.once('finish', end);
    res.once('close', end);
    handler(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return {
    port,
    stats,
    url: (path = '/health') => `http://127.0.0.1:${port}${path}`,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Starts a plain TCP listener (accepts and holds connections). */
export async function startTcp(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  const port = await listen(server);
  return {
    port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound then released). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: Server | TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const base = {
  service: 'svc',
  intervalMs: 5000,
  timeoutMs: 2000,
  downAfter: 2,
  upAfter: 1,
  pos: { file: 'warroom.yaml', line: 1, col: 1 },
};

let nextId = 0;

/** An http check config as the loader would produce it. */
export function httpConfig(url: string, extra: Partial<HttpCheckConfig> = {}): HttpCheckConfig {
  return { ...base, id: `svc#${nextId++}`, label: url, kind: 'http', url, headers: {}, followRedirects: false, ...extra };
}

/** A tcp check config. */
export function tcpConfig(port: number, extra: Partial<TcpCheckConfig> = {}): TcpCheckConfig {
  return { ...base, id: `svc#tcp:${port}`, label: `tcp ${port}`, kind: 'tcp', host: '127.0.0.1', port, ...extra };
}

/** A command check config. */
export function commandConfig(command: string, extra: Partial<CommandCheckConfig> = {}): CommandCheckConfig {
  return { ...base, id: `svc#cmd:${command}`, label: command, kind: 'command', command, ...extra };
}

/** A promql check config. */
export function promqlConfig(query: string, extra: Partial<PromqlCheckConfig> = {}): PromqlCheckConfig {
  return { ...base, id: 'fleet#0', service: 'fleet', label: query, kind: 'promql', query, ...extra };
}


/** Any check config, for tables. */
export type AnyCheck = CheckConfig;
