// Small probes the demo tests use against a running estate: a raw TCP connect and a
// Prometheus text reader.
import { connect } from 'node:net';

/** Connects to a loopback port; resolves with the error code ('connected' on success). */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** Sums the samples of `metric` in a Prometheus text page whose labels include every `labels` pair. */
export function sumSamples(page: string, metric: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of page.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== metric) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) total = (total ?? 0) + Number(match[3]);
  }
  return total;
}
