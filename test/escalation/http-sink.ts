// A webhook receiver on 127.0.0.1 that records every request and answers from a script of
// statuses (the last one repeats), for checking exact payloads and retry behaviour.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the sink received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A started sink. */
export interface HttpSink {
  url: string;
  received: Received[];
  /** Statuses to answer with, in order; the last repeats. */
  statuses: number[];
  close(): Promise<void>;
}

/** Starts a sink on a free loopback port. */
export async function startSink(statuses: number[] = [200]): Promise<HttpSink> {
  const sink = { received: [] as Received[], statuses, url: '', close: async () => {} };
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      let body: unknown = data;
      try {
        body = JSON.parse(data);
      } catch {
        // kept as text
      }
      const index = sink.received.length;
      sink.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const status = sink.statuses[Math.min(index, sink.statuses.length - 1)] ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? '{"status":"success"}' : '{"error":"nope"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  sink.url = `http://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return sink;
}
