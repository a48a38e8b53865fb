// One POST of a JSON body through undici, turned into a result the retry loop can judge:
// 5xx, timeouts and network errors may succeed later; 4xx will not.
import { request } from 'undici';

/** What one delivery attempt came to. */
export type AttemptResult =
  | { ok: true; status: number }
  | { ok: false; retryable: boolean; status?: number; error: string };

/** Posts `body` as JSON to `url`; never throws. Error texts carry no URL (it may be a secret). */
export async function postJson(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<AttemptResult> {
  try {
    const response = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body.text().catch(() => '');
    const status = response.statusCode;
    if (status >= 200 && status < 300) return { ok: true, status };
    return { ok: false, retryable: status >= 500 || status === 429, status, error: `HTTP ${status}` };
  } catch (error) {
    return { ok: false, retryable: true, error: describeNetworkError(error, timeoutMs) };
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const e = error as { code?: string; name?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  if (e.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `timed out after ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (code === 'ERR_INVALID_URL' || code === 'UND_ERR_INVALID_ARG') return 'invalid URL';
  return code ? `network error ${code}` : 'network error';
}
