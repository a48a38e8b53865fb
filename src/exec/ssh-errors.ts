// ssh2 and socket errors turned into the short reasons an operator can act on.
import { formatSetting } from '../time/duration-text.js';

/** What went wrong beyond the error object itself, gathered during the attempt. */
export interface AttemptContext {
  /** Set by the host key check when it refused the key. */
  hostKeyProblem?: string;
  /** What authentication offered ("agent", "~/.ssh/id_ed25519"). */
  tried: string[];
  connectTimeoutMs: number;
}

/** The reason part of "app-1 (127.0.0.1:2222): <reason>". */
export function plainReason(error: Error & { code?: string; level?: string }, context: AttemptContext): string {
  if (context.hostKeyProblem) return context.hostKeyProblem;
  if (error.level === 'client-authentication') {
    const tried = context.tried.length > 0 ? context.tried.join(', ') : 'nothing: no key configured, no agent, no default key';
    return `authentication failed (tried ${tried})`;
  }
  if (error.level === 'client-timeout' || /timed out/i.test(error.message) || error.code === 'ETIMEDOUT') {
    if (/keepalive/i.test(error.message)) return 'connection lost (no answer to keepalives)';
    return `timed out after ${formatSetting(context.connectTimeoutMs)}`;
  }
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    default:
      return error.message;
  }
}
