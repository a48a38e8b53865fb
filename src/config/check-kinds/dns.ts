// `dns:` checks: does a name resolve, within the timeout, and (with `expect: { answer: … }`) to
// the address it should? Against the system's resolvers, or the `server:` given (host:port).
//
//   - dns: checkout.internal
//     server: 10.0.0.2:53
//     expect: { answer: 10.0.0.5 }
import { Resolver } from 'node:dns/promises';
import { z } from 'zod';
import { describeCheckKind, type KindProbeResult } from './check-kind.js';

/** A dns check's own options. */
export interface DnsOptions {
  /** `host:port` (or `[v6]:port`) of the DNS server to ask; undefined: the system's. */
  server?: string;
  /** The answer (an IPv4 address) that must be among those returned; a mismatch is DEGRADED. */
  answer?: string;
}

const SERVER = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::\d{1,5})?$/;
const NAME = /^(?=.{1,253}$)(?!-)[A-Za-z0-9_-]{1,63}(?:\.[A-Za-z0-9_-]{1,63})*\.?$/;

// Node's resolver error codes, in the words the board shows.
const REASONS: Record<string, string> = {
  ENOTFOUND: 'no such name',
  ENODATA: 'no address for this name',
  ESERVFAIL: 'server failure',
  EREFUSED: 'refused by the DNS server',
  ECONNREFUSED: 'DNS server not reachable',
  ETIMEOUT: 'no answer from the DNS server',
  ECANCELLED: 'cancelled',
};

function timeoutText(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${Math.round(ms / 100) / 10}s`;
}

/** The `dns:` kind. */
export const dnsKind = describeCheckKind({
  key: 'dns',
  hint: 'dns: NAME',
  takes: ['expect'],
  optionShape: { server: z.string().regex(SERVER, 'expected a DNS server as host or host:port, like 127.0.0.1:53').optional() },
  expectShape: { answer: z.string().ip({ version: 'v4', message: 'expected an IPv4 address, like 10.0.0.5' }).optional() },
  readOptions(check): DnsOptions {
    const server = typeof check.server === 'string' ? check.server : undefined;
    const expect = (check.expect ?? {}) as { answer?: unknown };
    const answer = typeof expect.answer === 'string' ? expect.answer : undefined;
    return { ...(server === undefined ? {} : { server }), ...(answer === undefined ? {} : { answer }) };
  },
  checkTarget(target) {
    return NAME.test(target) ? undefined : `expected a host name to resolve, like checkout.internal, got ${JSON.stringify(target)}`;
  },
  label: (target) => target,
  async probe({ target, options, timeoutMs }, signal): Promise<KindProbeResult> {
    if (signal?.aborted) return { state: 'UNKNOWN', reason: 'cancelled', latencyMs: null };
    // One try, bounded by the check's timeout: the scheduler repeats the check, not the resolver.
    const resolver = new Resolver({ timeout: timeoutMs, tries: 1 });
    if (options.server !== undefined) resolver.setServers([options.server]);
    const onAbort = () => resolver.cancel();
    signal?.addEventListener('abort', onAbort, { once: true });
    const started = performance.now();
    try {
      const addresses = await resolver.resolve4(target);
      const latencyMs = Math.round(performance.now() - started);
      const shown = addresses.slice(0, 4).join(', ') + (addresses.length > 4 ? ` +${addresses.length - 4}` : '');
      if (options.answer !== undefined && !addresses.includes(options.answer)) {
        return { state: 'DEGRADED', reason: `answered ${shown}, expected ${options.answer}`, latencyMs };
      }
      return { state: 'UP', reason: `answered ${shown}`, latencyMs };
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (signal?.aborted) return { state: 'UNKNOWN', reason: 'cancelled', latencyMs: null };
      const reason = code === 'ETIMEOUT' ? `timeout ${timeoutText(timeoutMs)}` : (REASONS[code] ?? (code || 'resolution failed'));
      return { state: 'DOWN', reason, latencyMs: null };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  },
});
