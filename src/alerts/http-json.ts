// One JSON request through undici's request(), for the Alertmanager, Prometheus and Grafana APIs:
// the body read within a size bound, credentials in the URL moved into a header, and every
// failure a short message that names neither the URL nor a token (either may be a secret).
import { request, type Dispatcher } from 'undici';
import { splitUrlCredentials } from '../metrics/http-text.js';
import { transportMessage } from '../metrics/source-error.js';
import { oneLine } from '../text/neutralise.js';

/** Largest answer read: a few thousand alerts fit many times over. */
export const MAX_JSON_BYTES = 16 * 1024 * 1024;
/** Longest server message shown (it is outside text: neutralised, one line). */
const MAX_SERVER_WORDS = 160;

/** A request that did not give a usable answer; `message` is safe to show and record as is. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** HTTP status when the server answered; undefined for network failures. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Whether trying again later may succeed (network, timeout, 5xx, 429), unlike a refusal (4xx). */
  get retryable(): boolean {
    return this.status === undefined || this.status >= 500 || this.status === 429;
  }
}

/** One request's options. */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

/** Sends a request and reads its JSON answer (undefined for an empty body); throws ApiError for anything but 2xx. */
export async function requestJson(rawUrl: string, options: JsonRequest): Promise<unknown> {
  let target: { url: string; authorization?: string };
  try {
    target = splitUrlCredentials(rawUrl);
  } catch {
    throw new ApiError('invalid URL');
  }
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (target.authorization && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.authorization = target.authorization;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let status: number;
  let text: string;
  try {
    const response = await request(target.url, {
      method: options.method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    status = response.statusCode;
    text = await readBounded(response.body);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(transportMessage(error, options.timeoutMs));
  }
  if (status < 200 || status >= 300) throw new ApiError(`HTTP ${status}${serverWords(text)}`, status);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(`HTTP ${status}: the answer is not JSON`, status);
  }
}

async function readBounded(body: AsyncIterable<unknown> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) {
      body.destroy();
      throw new ApiError(`the answer is larger than ${MAX_JSON_BYTES / 1024 / 1024} MB`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What the server said about a refusal (`: bad matcher`), from a JSON `message`/`error` field or plain text. */
function serverWords(text: string): string {
  let said = text;
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown };
    if (typeof parsed === 'string') said = parsed;
    else if (typeof parsed?.message === 'string') said = parsed.message;
    else if (typeof parsed?.error === 'string') said = parsed.error;
  } catch {
    // plain text
  }
  const line = oneLine(said, MAX_SERVER_WORDS);
  return line === '' ? '' : `: ${line}`;
}
