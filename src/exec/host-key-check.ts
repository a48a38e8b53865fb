// The host key decision for one connection attempt: known_hosts (re-read each attempt, so an
// operator who fixes the file does not have to restart), plus keys accepted in this process under
// `insecureAcceptNewHostKey`. An unknown key is refused unless that flag is set; a changed or
// revoked key is always refused.
import { readFileSync } from 'node:fs';
import type { Algorithms } from 'ssh2';
import {
  fingerprint,
  keyTypeOf,
  knownHostsName,
  knownKeyTypes,
  parseKnownHosts,
  verifyHostKey,
  type KnownHostEntry,
} from './known-hosts.js';
import type { SshTarget } from './ssh-target.js';

/** Keys accepted as new during this process, by known_hosts name. */
export type AcceptedKeys = Map<string, KnownHostEntry>;

/** A host key check bound to one target. */
export interface HostKeyCheck {
  /** ssh2's async hostVerifier. */
  verify: (key: Buffer, done: (valid: boolean) => void) => void;
  /** Server host key algorithms with the ones known_hosts holds first, so the server offers those. */
  algorithms?: Algorithms;
  /** Why the key was refused, once it was. */
  problem?: string;
  /** Set when a new key was accepted under insecureAcceptNewHostKey. */
  acceptedNew?: string;
}

function readEntries(path: string): KnownHostEntry[] {
  try {
    return parseKnownHosts(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
}

// Host key algorithms ssh2 supports, in its default preference.
const ALL_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;

function algorithmsFor(keyTypes: string[]): Algorithms | undefined {
  if (keyTypes.length === 0) return undefined;
  // An RSA key in known_hosts is written `ssh-rsa` whatever signature hash the server uses.
  const wanted = keyTypes.flatMap((type) => (type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [type]));
  const first = ALL_ALGORITHMS.filter((algo) => wanted.includes(algo));
  if (first.length === 0) return undefined;
  const rest = ALL_ALGORITHMS.filter((algo) => !first.includes(algo));
  return { serverHostKey: [...first, ...rest] };
}

/** Builds the check for one attempt to reach `target`; `knownHostsPaths`: the user's file, then the global one. */
export function createHostKeyCheck(target: SshTarget, knownHostsPaths: readonly string[], accepted: AcceptedKeys): HostKeyCheck {
  const primary = knownHostsName(target.address, target.port);
  const names = [primary];
  if (target.name !== target.address) names.push(knownHostsName(target.name, target.port));
  const entries = [...knownHostsPaths.flatMap(readEntries), ...names.flatMap((name) => accepted.get(name) ?? [])];
  const check: HostKeyCheck = {
    algorithms: algorithmsFor(knownKeyTypes(entries, names)),
    verify: (key, done) => {
      const type = keyTypeOf(key);
      const offered = `${type} ${fingerprint(key)}`;
      const verdict = verifyHostKey(entries, names, key);
      if (verdict.kind === 'known') return done(true);
      if (verdict.kind === 'unknown' && target.insecureAcceptNewHostKey) {
        accepted.set(primary, { patterns: primary, keyType: type, key });
        check.acceptedNew = `${target.name}: accepted new host key ${offered} (insecureAcceptNewHostKey)`;
        return done(true);
      }
      if (verdict.kind === 'unknown') {
        const scan = target.port === 22 ? target.address : `-p ${target.port} ${target.address}`;
        check.problem =
          `unknown host key ${offered}: not in known_hosts; check it, then add it ` +
          `(ssh-keyscan ${scan} >> ~/.ssh/known_hosts)`;
      } else if (verdict.kind === 'changed') {
        check.problem =
          `host key mismatch: the server offered ${offered}, known_hosts has a different ` +
          `${verdict.knownTypes.join('/')} key for ${primary}; refusing (reinstalled host, or someone in the middle)`;
      } else {
        check.problem = `host key ${offered} is marked @revoked in known_hosts; refusing`;
      }
      done(false);
    },
  };
  return check;
}
