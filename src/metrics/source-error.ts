// Errors a metrics source can meet, as one-line messages fit for a panel: the server's own
// words where it gave some, escape sequences and control characters neutralised, bounded in
// length, and never the URL (it may carry credentials).

/** Longest server message shown on a panel (server words pass through the text kit's `oneLine`). */
export const MAX_MESSAGE = 200;

/** A failure to get a panel's data; `message` is safe to show as is. */
export class MetricsSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricsSourceError';
  }
}


/** Turns a transport failure (undici / Node error) into a short message without the URL. */
export function transportMessage(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `timed out after ${timeoutMs / 1000}s`;
  }
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  if (typeof code === 'string') return `request failed (${code})`;
  return 'request failed';
}
