// `http:` checks: a GET through the shared undici pool, judged by status and, optionally, by a
// JSON subset of the body (a 200 saying {"status":"degraded"} is DEGRADED, not UP).
import { request } from 'undici';
import type { HttpCheckConfig } from '../config/types.js';
import { bodyExcerpt } from './body-excerpt.js';
import { sharedHttpPool, type HttpPool } from './http-pool.js';
import { jsonMismatch } from './json-match.js';
import { describeError, timeoutReason } from './reasons.js';
import { SingleRowCheck } from './single-row-check.js';
import type { ProbeResult } from './types.js';

/** Bodies past this size are not read further (a health check that sends megabytes is odd). */
const BODY_LIMIT = 256 * 1024;

/** Probes one URL; headers are sent but never appear in results. */
export class HttpCheck extends SingleRowCheck<HttpCheckConfig> {
  private readonly url: string;
  private readonly headers: Record<string, string>;

  /** @param order position in the config, for config-order sorting. */
  constructor(
    config: HttpCheckConfig,
    private readonly pool: HttpPool = sharedHttpPool(),
    order = 0,
  ) {
    super(config, order);
    const { url, authorization } = splitCredentials(config.url);
    this.url = url;
    this.headers = { ...(authorization ? { authorization } : {}), ...config.headers };
  }

  protected async probe(outer?: AbortSignal): Promise<ProbeResult> {
    const { timeoutMs } = this.config;
    const watch = this.pool.deadlines.watch(timeoutMs, outer);
    const started = performance.now();
    try {
      const response = await request(this.url, {
        method: 'GET',
        headers: this.headers,
        signal: watch.signal,
        dispatcher: this.config.followRedirects ? this.pool.redirecting : this.pool.plain,
      });
      const text = await readBounded(response.body, response.headers['content-length']);
      const latencyMs = Math.round(performance.now() - started);
      return { ...this.judge(response.statusCode, text), latencyMs, body: bodyExcerpt(text) };
    } catch (err) {
      if (watch.timedOut) return { state: 'DOWN', reason: timeoutReason(timeoutMs), latencyMs: null };
      if (watch.cancelled) return { state: 'UNKNOWN', reason: 'cancelled', latencyMs: null };
      return { ...describeError(err), latencyMs: null };
    } finally {
      this.pool.deadlines.finish(watch, outer);
    }
  }

  private judge(status: number, text: string): Pick<ProbeResult, 'state' | 'reason'> {
    const { expectStatus, expectJson } = this.config;
    const statusOk = expectStatus === undefined ? status >= 200 && status < 300 : status === expectStatus;
    if (!statusOk) {
      const redirect = status >= 300 && status < 400 ? ' (redirect not followed)' : '';
      return { state: 'DOWN', reason: `HTTP ${status}${redirect}` };
    }
    if (expectJson === undefined) return { state: 'UP', reason: `HTTP ${status}` };
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { state: 'DEGRADED', reason: 'json: body is not JSON' };
    }
    const why = jsonMismatch(body, expectJson);
    return why ? { state: 'DEGRADED', reason: `json: ${why}` } : { state: 'UP', reason: `HTTP ${status}` };
  }
}

/** The parts of undici's response body used here. */
interface ResponseBody extends AsyncIterable<Buffer> {
  text(): Promise<string>;
  destroy(): unknown;
}

// Reads at most BODY_LIMIT bytes; the rest is dropped with the connection. A body of known,
// small length (the usual health answer) is read in one go, which is much cheaper.
async function readBounded(body: ResponseBody, contentLength: string | string[] | undefined): Promise<string> {
  const length = typeof contentLength === 'string' ? Number(contentLength) : NaN;
  if (length >= 0 && length <= BODY_LIMIT) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= BODY_LIMIT) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, BODY_LIMIT).toString('utf8');
}

// undici refuses URLs with credentials; they become a basic-auth header instead.
function splitCredentials(raw: string): { url: string; authorization?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: raw };
  }
  if (!url.username && !url.password) return { url: raw };
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return { url: url.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}
