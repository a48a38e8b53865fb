// Where and as whom to connect for a host name: the config's `hosts:` entry if there is one,
// else ~/.ssh/config the way `ssh NAME` reads it (parsed by the maintained `ssh-config` package).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import SSHConfig from 'ssh-config';
import type { HostConfig } from '../config/types.js';

/** Everything needed to open one SSH connection. */
export interface SshTarget {
  /** The name the user wrote (config key or ssh alias); it prefixes every message. */
  name: string;
  address: string;
  port: number;
  user: string;
  /** Keys named for this host, in the order to try them (absolute paths). */
  identityFiles: string[];
  /** Default keys (~/.ssh/id_ed25519, id_ecdsa, id_rsa) that exist, tried after the agent. */
  defaultKeys: string[];
  /** Hops to go through first, as in ssh's ProxyJump (`a,b`: a then b). */
  proxyJump?: string;
  insecureAcceptNewHostKey: boolean;
}

/** The local account and home directory ~ and defaults are taken from. */
export interface LocalIdentity {
  home: string;
  username: string;
}

/** The default key files ssh tries, in its order. */
export const DEFAULT_KEY_NAMES = ['id_ed25519', 'id_ecdsa', 'id_rsa'] as const;

/** Expands a leading `~/` to the home directory. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** Shows a path the way the user wrote it: the home directory as `~`. */
export function displayPath(path: string, home: string): string {
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

function defaultKeys(home: string): string[] {
  return DEFAULT_KEY_NAMES.map((name) => join(home, '.ssh', name)).filter((path) => existsSync(path));
}

function globFiles(pattern: string): string[] {
  // ssh's Include globs are almost always `dir/*` or `dir/*.conf`: wildcards in the last segment.
  const dir = dirname(pattern);
  const name = basename(pattern);
  if (!/[*?]/.test(name)) return existsSync(pattern) ? [pattern] : [];
  const regex = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  try {
    return readdirSync(dir)
      .filter((entry) => !entry.startsWith('.') && regex.test(entry))
      .sort()
      .map((entry) => join(dir, entry));
  } catch {
    return [];
  }
}

// The ssh-config package parses but does not follow `Include`; inline the files in place, as ssh
// reads them (relative paths are under ~/.ssh), with a depth limit against include loops.
function readWithIncludes(path: string, home: string, depth = 0): string {
  const text = readFileSync(path, 'utf8');
  if (depth > 8) return text;
  return text.replace(/^[ \t]*Include[ \t=]+(.+)$/gim, (_line, args: string) =>
    args
      .trim()
      .split(/\s+/)
      .map((arg) => arg.replace(/^"|"$/g, ''))
      .map((arg) => expandHome(arg, home))
      .map((arg) => (isAbsolute(arg) ? arg : join(home, '.ssh', arg)))
      .flatMap(globFiles)
      .map((file) => {
        try {
          return readWithIncludes(file, home, depth + 1);
        } catch {
          return '';
        }
      })
      .join('\n'),
  );
}

/** Reads and parses an ssh config file (following Include); a missing file is an empty config. */
export function loadSshConfig(path: string, home: string): SSHConfig | undefined {
  if (!existsSync(path)) return undefined;
  return SSHConfig.parse(readWithIncludes(path, home));
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Splits `[user@]host[:port]` as ProxyJump writes a hop. */
export function parseHop(hop: string): { user?: string; host: string; port?: number } {
  const at = hop.lastIndexOf('@');
  const user = at === -1 ? undefined : hop.slice(0, at);
  let host = hop.slice(at + 1);
  let port: number | undefined;
  const bracketed = /^\[(.+)\]:(\d+)$/.exec(host);
  const plain = /^([^:]+):(\d+)$/.exec(host);
  if (bracketed) [host, port] = [bracketed[1]!, Number(bracketed[2])];
  else if (plain) [host, port] = [plain[1]!, Number(plain[2])];
  return { user, host, port };
}

/** Resolves a host name to a connection target (config `hosts:` first, then ~/.ssh/config). */
export function resolveTarget(
  name: string,
  hosts: Record<string, HostConfig>,
  sshConfig: SSHConfig | undefined,
  local: LocalIdentity,
): SshTarget {
  const configured = hosts[name];
  const computed = sshConfig?.compute(name, { ignoreCase: true, matchExec: false }) ?? {};
  if (configured) {
    return {
      name,
      address: configured.address,
      port: configured.port,
      user: configured.user ?? first(computed.user) ?? local.username,
      identityFiles: configured.identityFile ? [expandHome(configured.identityFile, local.home)] : [],
      defaultKeys: defaultKeys(local.home),
      insecureAcceptNewHostKey: configured.insecureAcceptNewHostKey,
    };
  }
  const port = Number(first(computed.port) ?? 22);
  const user = first(computed.user) ?? local.username;
  // ssh's own tokens in HostName and IdentityFile.
  const expand = (text: string) =>
    text.replace(/%([%hdurp])/g, (_, token: string) =>
      token === '%' ? '%' : token === 'h' ? name : token === 'd' ? local.home : token === 'u' ? local.username : token === 'r' ? user : String(port),
    );
  const proxyJump = first(computed.proxyjump);
  const strict = first(computed.stricthostkeychecking)?.toLowerCase();
  return {
    name,
    address: expand(first(computed.hostname) ?? name),
    port: Number.isFinite(port) && port > 0 ? port : 22,
    user,
    identityFiles: list(computed.identityfile).map((file) => expandHome(expand(file), local.home)),
    defaultKeys: defaultKeys(local.home),
    proxyJump: proxyJump && proxyJump.toLowerCase() !== 'none' ? proxyJump : undefined,
    insecureAcceptNewHostKey: strict === 'accept-new' || strict === 'no' || strict === 'off',
  };
}

/**
 * The target of the last ProxyJump hop, which itself goes through the hops before it:
 * `a,b` to reach X means connect to b through a, then to X through b.
 */
export function jumpTarget(
  target: SshTarget,
  hosts: Record<string, HostConfig>,
  sshConfig: SSHConfig | undefined,
  local: LocalIdentity,
): SshTarget | undefined {
  if (!target.proxyJump) return undefined;
  const hops = target.proxyJump.split(',').map((hop) => hop.trim()).filter(Boolean);
  const last = parseHop(hops[hops.length - 1]!);
  const resolved = resolveTarget(last.host, hosts, sshConfig, local);
  return {
    ...resolved,
    name: hops[hops.length - 1]!,
    user: last.user ?? resolved.user,
    port: last.port ?? resolved.port,
    proxyJump: hops.length > 1 ? hops.slice(0, -1).join(',') : resolved.proxyJump,
  };
}
