// Reaching the team's NATS servers: connection options from the `share:` config, the stream
// the incidents live in (created when missing and allowed), and the client's failures turned
// into sentences for the operator. The NATS client is loaded here, on first use only, so a
// console without `share:` never loads it (start-up time, B5).
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type { NatsConnection, Status } from '@nats-io/transport-node';
import type { ShareConfig } from '../config/integration-types.js';
import { STREAM_SUBJECTS } from './wire.js';
import { natsCore, natsJetStream } from './nats-modules.js';

/** A failure the operator can act on, said plainly; `retry` when waiting may fix it. */
export class ShareError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** How long one JetStream request may take before the server counts as unreachable. */
export const REQUEST_TIMEOUT_MS = 5000;
/** How long a stored message is remembered for de-duplication by `Nats-Msg-Id`. */
const DUPLICATE_WINDOW_NS = 24 * 3600 * 1e9;

/**
 * Connects to the first server that answers; once connected the client reconnects by itself for
 * as long as it takes. No server answering is a ShareError with `retry` (the caller tries again
 * on its own timer, which it can stop: a console quitting while offline must not wait for one);
 * refused credentials or a bad setting are a ShareError without.
 */
export async function openConnection(share: ShareConfig, name: string, onStatus: (status: Status) => void): Promise<NatsConnection> {
  const { connect, credsAuthenticator } = await natsCore();
  let authenticator;
  if (share.creds) {
    try {
      authenticator = credsAuthenticator(readFileSync(share.creds));
    } catch (error) {
      throw new ShareError(`share.creds: cannot read ${share.creds}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, false);
    }
  }
  try {
    const nc = await connect({
      servers: share.servers,
      name,
      ...(share.token ? { token: share.token } : {}),
      ...(share.user ? { user: share.user, pass: share.password ?? '' } : {}),
      ...(authenticator ? { authenticator } : {}),
      ...(tlsOptions(share) ? { tls: tlsOptions(share) } : {}),
      // Offline is normal during an incident: keep trying, quickly enough to notice a server back.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      reconnectJitter: 500,
      timeout: REQUEST_TIMEOUT_MS,
      pingInterval: 10_000,
      maxPingOut: 2,
    });
    void (async () => {
      for await (const status of nc.status()) onStatus(status);
    })();
    return nc;
  } catch (error) {
    throw explain(error, share);
  }
}

/** The client's TLS options: the configured files, and a host check that works for IP addresses; undefined when TLS is not asked for. */
function tlsOptions(share: ShareConfig): Record<string, unknown> | undefined {
  const wanted = share.tls !== undefined || share.servers.some((url) => url.startsWith('tls://'));
  if (!wanted) return undefined;
  const ips = share.servers.map((url) => new URL(url).hostname.replace(/^\[|\]$/g, '')).filter((host) => isIP(host) !== 0);
  return {
    ...(share.tls?.ca ? { caFile: share.tls.ca } : {}),
    ...(share.tls?.cert ? { certFile: share.tls.cert } : {}),
    ...(share.tls?.key ? { keyFile: share.tls.key } : {}),
    // Dialling an IP address, the client names no host, and Node then checks the certificate
    // against "localhost" (measured: a valid certificate for 127.0.0.1 was refused). The
    // configured addresses are what the certificate must name instead (any of them: every
    // server of the team's cluster is signed by the team's CA).
    ...(ips.length > 0
      ? {
          checkServerIdentity: (host: string, cert: PeerCertificate) => {
            const plain = checkServerIdentity(host, cert);
            if (!plain) return undefined;
            return ips.some((ip) => checkServerIdentity(ip, cert) === undefined) ? undefined : checkServerIdentity(ips[0]!, cert);
          },
        }
      : {}),
  };
}

/** Makes sure the stream exists and takes incident subjects; creates it when missing (if allowed). */
export async function ensureStream(nc: NatsConnection, stream: string): Promise<void> {
  const { jetstreamManager } = await natsJetStream();
  let jsm;
  try {
    jsm = await jetstreamManager(nc, { timeout: REQUEST_TIMEOUT_MS });
  } catch (error) {
    throw explain(error);
  }
  try {
    const info = await jsm.streams.info(stream);
    if (!(info.config.subjects ?? []).some((s) => s === STREAM_SUBJECTS || s === 'warroom.>' || s === '>')) {
      throw new ShareError(`stream ${stream} exists but does not take ${STREAM_SUBJECTS} (its subjects: ${(info.config.subjects ?? []).join(', ') || 'none'})`, false);
    }
    return;
  } catch (error) {
    if (error instanceof ShareError) throw error;
    if ((error as Error).name !== 'StreamNotFoundError') throw explain(error);
  }
  try {
    await jsm.streams.add({ name: stream, subjects: [STREAM_SUBJECTS], duplicate_window: DUPLICATE_WINDOW_NS });
  } catch (error) {
    if (/permission/i.test((error as Error).message)) {
      throw new ShareError(`stream ${stream} does not exist and this user may not create it: ask whoever runs the NATS server to add it (subjects ${STREAM_SUBJECTS})`, false);
    }
    throw explain(error);
  }
}

/** Node's certificate verification errors (unknown CA, self-signed, wrong host, expired). */
function isTlsFailure(error: Error & { code?: string | number }): boolean {
  const code = String(error.code ?? (error.cause as { code?: string } | undefined)?.code ?? '');
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code) || /certificate|altnames/i.test(error.message);
}

/** A client error as a ShareError (never the credentials themselves). */
export function explain(error: unknown, share?: ShareConfig): ShareError {
  if (error instanceof ShareError) return error;
  const e = error as Error & { code?: string | number };
  const how = share ? (share.creds ? 'the creds file' : share.token ? 'the token' : share.user ? `user ${share.user}` : 'no credentials') : 'the credentials';
  if (isTlsFailure(e)) {
    // Waiting does not make a certificate trusted: said once, with what to check.
    const where = share?.tls?.ca ? `share.tls.ca (${share.tls.ca})` : 'the system\'s CAs (set share.tls.ca)';
    return new ShareError(`TLS: the NATS server's certificate is not trusted by ${where}: ${e.message}`, false);
  }
  switch (e.name) {
    case 'AuthorizationError':
      return new ShareError(`the NATS server refused ${how} (Authorization Violation)`, false);
    case 'UserAuthenticationExpiredError':
      return new ShareError(`the NATS credentials have expired (${how})`, false);
    case 'PermissionViolationError':
      return new ShareError(`not allowed by the NATS server: ${e.message}`, false);
    case 'JetStreamNotEnabled':
    case 'JetStreamNotEnabledForAccount':
      return new ShareError('JetStream is not enabled on the NATS server (start it with -js)', false);
    case 'ConnectionError':
      return new ShareError(`no NATS server answered (${e.message})`, true);
    case 'TypeError':
      return new ShareError(`bad NATS server address: ${e.message}`, false);
    default:
      return new ShareError(`NATS: ${e.message}`, true);
  }
}
