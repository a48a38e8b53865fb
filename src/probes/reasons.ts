// Turns what the network stack throws into the few plain words a bridge call needs
// ("connection refused", "timeout 2s", "tls: certificate has expired"), and the state it implies.
import { formatSetting } from '../time/duration-text.js';
import type { CheckState } from './types.js';

/** The timeout reason, e.g. "timeout 2s". */
export function timeoutReason(timeoutMs: number): string {
  return `timeout ${formatSetting(timeoutMs)}`;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
]);

const PLAIN: Record<string, { state: CheckState; reason: string }> = {
  ECONNREFUSED: { state: 'DOWN', reason: 'connection refused' },
  ECONNRESET: { state: 'DOWN', reason: 'connection reset' },
  EPIPE: { state: 'DOWN', reason: 'connection reset' },
  UND_ERR_SOCKET: { state: 'DOWN', reason: 'connection closed by server' },
  UND_ERR_CLOSED: { state: 'DOWN', reason: 'connection closed by server' },
  HPE_INVALID_CONSTANT: { state: 'DOWN', reason: 'not an HTTP response' },
  UND_ERR_RESPONSE_STATUS_CODE: { state: 'DOWN', reason: 'bad response' },
  UND_ERR_INFO: { state: 'DOWN', reason: 'bad response' },
  // The far host cannot be reached at all: we cannot tell whether the service is up.
  EHOSTUNREACH: { state: 'UNKNOWN', reason: 'host unreachable' },
  ENETUNREACH: { state: 'UNKNOWN', reason: 'network unreachable' },
  ENOTFOUND: { state: 'UNKNOWN', reason: 'name not found' },
  EAI_AGAIN: { state: 'UNKNOWN', reason: 'name lookup failed' },
};

/** Classifies a connection/request error into a state and a plain reason. */
export function describeError(err: unknown): { state: CheckState; reason: string } {
  const e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  const code = e?.code ?? '';
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) {
    return { state: 'DOWN', reason: `tls: ${tlsWords(code, e?.message)}` };
  }
  const plain = PLAIN[code];
  if (plain) return plain;
  if (e?.cause && e.cause !== err) return describeError(e.cause);
  if (code === 'UND_ERR_INVALID_ARG') return { state: 'UNKNOWN', reason: 'invalid request' };
  return { state: 'DOWN', reason: shortMessage(e?.message ?? String(err)) };
}

function tlsWords(code: string, message: string | undefined): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'self-signed certificate';
    case 'CERT_HAS_EXPIRED':
      return 'certificate has expired';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'certificate does not match host name';
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'certificate not trusted';
    default:
      return shortMessage(message ?? code).toLowerCase();
  }
}

// Error messages can be long or multi-line; the board has one line.
function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}
