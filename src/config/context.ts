// What the resolver steps share: where to report problems, how to locate keys, and the pieces of
// the config that cross-reference each other (hosts, the Prometheus API).
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import type { CommandEnv } from '../exec/command-env.js';
import type { ConfigProblem } from './errors.js';
import { formatKeyPath, type PathStep, type YamlPositions } from './positions.js';
import type { HostConfig } from './types.js';
import type { SourcePos } from './source-pos.js';

/** State carried through resolving one file. */
export interface ResolveContext {
  positions: YamlPositions;
  /** Folder the file lives in; relative paths are resolved against it. */
  baseDir: string;
  hosts: Record<string, HostConfig>;
  hasPrometheus: boolean;
  problems: ConfigProblem[];
  /** Secret values collected on the way, for redaction. */
  secrets: Set<string>;
  /** Values each command's `${NAME}` references read, by key path (see env.ts). */
  commandEnv: Map<string, CommandEnv>;
}

/** The values the command at `path` reads from the environment, when it has references (`{ env }` to spread into a model). */
export function commandEnvAt(ctx: ResolveContext, path: readonly PathStep[]): { env?: CommandEnv } {
  const env = ctx.commandEnv.get(formatKeyPath(path));
  return env ? { env } : {};
}

/** Records a problem at `path` (at its key with `onKey`). */
export function report(ctx: ResolveContext, path: readonly PathStep[], message: string, onKey = false): void {
  ctx.problems.push(ctx.positions.problem(path, message, onKey));
}

/** Where `path` is written, for the `pos` fields of the model. */
export function posOf(ctx: ResolveContext, path: readonly PathStep[]): SourcePos {
  return ctx.positions.valuePos(path);
}

/** Keeps a secret for redaction; empty values are not secrets. */
export function addSecret(ctx: ResolveContext, value: string | undefined): void {
  if (value) ctx.secrets.add(value);
}

/** Header names whose values are credentials. */
const CREDENTIAL_HEADER = /auth|token|key|secret|pass|cookie|session|signature|credential/i;

/**
 * Keeps header values that are credentials: by the header's name, or by a value shaped like a
 * token (long, with digits). A routing header such as `X-Team: checkout` is not a secret, and
 * treating it as one would blank the word "checkout" everywhere on screen and in the timeline.
 */
export function addHeaderSecrets(ctx: ResolveContext, headers: Record<string, string> | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (CREDENTIAL_HEADER.test(name) || (value.length >= 16 && /\d/.test(value))) addSecret(ctx, value);
  }
}

/** Adds the password of a URL such as `https://user:pass@host/` to the secrets. */
export function addUrlSecret(ctx: ResolveContext, url: string): void {
  try {
    const parsed = new URL(url);
    if (parsed.password) addSecret(ctx, decodeURIComponent(parsed.password));
  } catch {
    // Not a URL: validated elsewhere.
  }
}

/** `~` and `~/x` mean the user's home, as in a shell. */
export function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return resolve(homedir(), path.slice(2));
  return path;
}

/** An absolute local path: `~` expanded, relative paths taken from the config file's folder. */
export function localPath(ctx: ResolveContext, path: string): string {
  return resolve(ctx.baseDir, expandHome(path));
}
