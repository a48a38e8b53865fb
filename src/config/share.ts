// `share:` resolved: the comma-separated server list checked one URL at a time (a typo is a
// config error naming it, not a connection that never comes), one way to authenticate, paths
// made absolute, and the credentials kept for redaction.
import type { RawConfig } from './schema.js';
import type { ShareConfig } from './integration-types.js';
import { addSecret, localPath, report, type ResolveContext } from './context.js';

const SCHEMES = new Set(['nats:', 'tls:']);

/** Why `entry` is not a NATS server address, or undefined when it is one. */
export function checkNatsServer(entry: string): string | undefined {
  const withScheme = /^[a-z]+:\/\//i.test(entry) ? entry : `nats://${entry}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return `\`${entry}\` is not a server address (expected nats://host:4222 or tls://host:4222)`;
  }
  if (!SCHEMES.has(url.protocol)) return `\`${entry}\`: unsupported scheme ${url.protocol.slice(0, -1)} (use nats:// or tls://)`;
  if (!url.hostname) return `\`${entry}\` names no host`;
  if (url.pathname !== '' && url.pathname !== '/') return `\`${entry}\`: a server address has no path`;
  return undefined;
}

/** The resolved `share:` block, as a spread for the config (nothing without one). */
export function resolveShare(ctx: ResolveContext, raw: RawConfig['share']): { share?: ShareConfig } {
  if (raw === undefined) return {};
  const servers = raw.nats.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (servers.length === 0) report(ctx, ['share', 'nats'], 'no server given');
  for (const server of servers) {
    const bad = checkNatsServer(server);
    if (bad) report(ctx, ['share', 'nats'], bad);
  }
  const stream = raw.stream ?? 'WARROOM';
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) report(ctx, ['share', 'stream'], `\`${stream}\` cannot name a stream (letters, digits, - and _ only)`);
  // `${NATS_TOKEN:-}` left empty means "no token", not an empty one.
  const token = raw.token || undefined;
  const user = raw.user || undefined;
  const password = raw.password || undefined;
  const creds = raw.creds ? localPath(ctx, raw.creds) : undefined;
  const ways = [token, user, creds].filter((v) => v !== undefined).length;
  if (ways > 1) report(ctx, ['share'], 'give one way to authenticate: token, user/password, or creds');
  if (password !== undefined && user === undefined) report(ctx, ['share', 'password'], 'password needs user');
  addSecret(ctx, token);
  addSecret(ctx, password);
  for (const server of servers) {
    try {
      addSecret(ctx, new URL(/^[a-z]+:\/\//i.test(server) ? server : `nats://${server}`).password || undefined);
    } catch {
      // reported above
    }
  }
  const tls = raw.tls
    ? {
        ...(raw.tls.ca ? { ca: localPath(ctx, raw.tls.ca) } : {}),
        ...(raw.tls.cert ? { cert: localPath(ctx, raw.tls.cert) } : {}),
        ...(raw.tls.key ? { key: localPath(ctx, raw.tls.key) } : {}),
      }
    : undefined;
  return {
    share: {
      servers: servers.map((s) => (/^[a-z]+:\/\//i.test(s) ? s : `nats://${s}`)),
      stream,
      ...(token ? { token } : {}),
      ...(user ? { user } : {}),
      ...(password ? { password } : {}),
      ...(creds ? { creds } : {}),
      ...(tls ? { tls } : {}),
    },
  };
}
