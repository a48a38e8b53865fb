// A local stand-in for Slack, PagerDuty and friends: an HTTP server that records every payload
// posted to it, so escalation can be exercised end to end without leaving the machine.
import { createServer } from 'node:http';
import { closeServer, listenOnLoopback, LOOPBACK } from './loopback.js';

/** One request received by the sink. */
export interface ReceivedPage {
  /** Path posted to, e.g. `/page/oncall`. */
  path: string;
  method: string;
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text. */
  body: unknown;
  receivedAt: string;
}

/** A running webhook sink. */
export interface WebhookSink {
  url: string;
  port: number;
  /** Everything received, oldest first. */
  pages: ReceivedPage[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024;

/** Starts the sink on an ephemeral loopback port. `GET /pages` lists what it received. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const pages: ReceivedPage[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`${JSON.stringify(pages, null, 2)}\n`);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[key] = value;
      pages.push({ path: req.url ?? '/', method: req.method ?? 'POST', headers, body: parseJson(text), receivedAt: new Date().toISOString() });
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"ok":true}\n');
    });
  });
  const port = await listenOnLoopback(server);
  return { url: `http://${LOOPBACK}:${port}`, port, pages, stop: () => closeServer(server) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
