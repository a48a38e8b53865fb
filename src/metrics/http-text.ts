// One GET through undici's request() (cheaper than fetch per call), shared by the Prometheus
// API client and the scrape source. Credentials in the URL move into an Authorization header so
// they never show up in a message; transport failures become MetricsSourceError.
import { request, type Dispatcher } from 'undici';
import { MetricsSourceError, transportMessage } from './source-error.js';

/** Options for one GET. */
export interface HttpTextOptions {
  headers?: Record<string, string>;
  /** Whole-request deadline. */
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

/** A response with its body read as text. */
export interface HttpTextResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Largest body read; a /metrics page or API answer past this is refused, not buffered. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** Splits `user:pass@` out of a URL into a Basic header (the URL is then safe to keep). */
export function splitUrlCredentials(raw: string): { url: string; authorization?: string } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new MetricsSourceError('invalid URL');
  }
  if (!parsed.username && !parsed.password) return { url: parsed.toString() };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}` };
}

/** GETs a URL and reads the body; any status is returned, transport failures throw. */
export async function getText(rawUrl: string, options: HttpTextOptions): Promise<HttpTextResponse> {
  const { url, authorization } = splitUrlCredentials(rawUrl);
  const headers: Record<string, string> = { ...options.headers };
  if (authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    headers.authorization = authorization;
  }
  try {
    const res = await request(url, {
      method: 'GET',
      headers,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const length = Number(res.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.body.destroy();
      throw new MetricsSourceError(`response too large (${length} bytes)`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        res.body.destroy();
        throw new MetricsSourceError('response too large');
      }
      chunks.push(chunk as Buffer);
    }
    const type = res.headers['content-type'];
    return {
      status: res.statusCode,
      contentType: Array.isArray(type) ? (type[0] ?? '') : (type ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (error) {
    if (error instanceof MetricsSourceError) throw error;
    throw new MetricsSourceError(transportMessage(error, options.timeoutMs));
  }
}
