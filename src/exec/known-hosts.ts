// Host key verification against OpenSSH's known_hosts: plain and `[host]:port` names, wildcard
// and negated patterns, hashed entries (`|1|salt|hash`, HMAC-SHA1 of the name), and the
// `@revoked` marker. Written here because ssh2 leaves verification to the caller and the npm
// parsers we looked at either skip hashed entries or pull in a whole ssh client.
import { createHash, createHmac } from 'node:crypto';

/** One key line of a known_hosts file. */
export interface KnownHostEntry {
  /** `@revoked` lines refuse their key; `@cert-authority` lines are not used by warroom. */
  marker?: 'revoked' | 'cert-authority';
  /** The comma-separated host patterns (or one hashed name). */
  patterns: string;
  keyType: string;
  key: Buffer;
}

/** What known_hosts says about the key a server offered. */
export type HostKeyVerdict =
  | { kind: 'known' }
  | { kind: 'unknown' }
  /** The host is listed, but not with this key: a changed key (or a man in the middle). */
  | { kind: 'changed'; knownTypes: string[] }
  | { kind: 'revoked' };

/** Parses known_hosts text; malformed lines are skipped, as ssh does. */
export function parseKnownHosts(text: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    let marker: KnownHostEntry['marker'];
    if (fields[0] === '@revoked' || fields[0] === '@cert-authority') {
      marker = fields[0] === '@revoked' ? 'revoked' : 'cert-authority';
      fields.shift();
    }
    const [patterns, keyType, base64] = fields;
    if (!patterns || !keyType || !base64) continue;
    const key = Buffer.from(base64, 'base64');
    if (key.length === 0) continue;
    entries.push({ marker, patterns, keyType, key });
  }
  return entries;
}

/** The name known_hosts files use for a host: `addr` on port 22, else `[addr]:port`. */
export function knownHostsName(address: string, port: number): string {
  return port === 22 ? address : `[${address}]:${port}`;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 'i').test(name);
}

function hashedMatch(pattern: string, name: string): boolean {
  const [, magic, salt, hash] = pattern.split('|');
  if (magic !== '1' || !salt || !hash) return false;
  const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
  return digest === hash;
}

/** Whether an entry's host patterns cover `name` (a negated match excludes it outright). */
export function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|')) return hashedMatch(patterns, name);
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatch(pattern.slice(1), name)) return false;
    } else if (wildcardMatch(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

/** The algorithm name inside an SSH public key blob (its first length-prefixed string). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** OpenSSH's fingerprint form: `SHA256:` and unpadded base64. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Judges the key a server offered for any of `names` (the host as ssh would look it up). */
export function verifyHostKey(entries: readonly KnownHostEntry[], names: readonly string[], key: Buffer): HostKeyVerdict {
  const forHost = entries.filter(
    (entry) => entry.marker !== 'cert-authority' && names.some((name) => patternsMatch(entry.patterns, name)),
  );
  // A revoked key matches anywhere, whatever host pattern it was listed under.
  if (entries.some((entry) => entry.marker === 'revoked' && entry.key.equals(key))) return { kind: 'revoked' };
  const usable = forHost.filter((entry) => entry.marker === undefined);
  if (usable.some((entry) => entry.key.equals(key))) return { kind: 'known' };
  if (usable.length === 0) return { kind: 'unknown' };
  return { kind: 'changed', knownTypes: [...new Set(usable.map((entry) => entry.keyType))] };
}

/** Key types known_hosts holds for the host, so the handshake can ask for one of them first. */
export function knownKeyTypes(entries: readonly KnownHostEntry[], names: readonly string[]): string[] {
  const types = entries
    .filter((entry) => entry.marker === undefined && names.some((name) => patternsMatch(entry.patterns, name)))
    .map((entry) => entry.keyType);
  return [...new Set(types)];
}
