// Warnings for `warroom check`: things that load but will probably fail at the worst moment —
// hosts that neither hosts: nor ~/.ssh/config knows, runbooks and key files that do not exist,
// checks that together probe too often. (Values out of their sane range are errors, in the schema.)
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import SSHConfig, { LineType } from 'ssh-config';
import type { ConfigProblem } from './errors.js';
import type { WarroomConfig } from './types.js';
import type { SourcePos } from './source-pos.js';

/** Options for lintConfig; tests point `sshConfigPath` at a fixture. */
export interface LintOptions {
  /** @default ~/.ssh/config */
  sshConfigPath?: string;
}

/** An ssh_config pattern (`*`, `?`) as a regex. */
function patternRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** Whether a `Host` line's patterns name `host` specifically (a bare `*` does not count). */
function hostLineMatches(patterns: string[], host: string): boolean {
  let matched = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = negated ? raw.slice(1) : raw;
    if (!patternRegex(pattern).test(host)) continue;
    if (negated) return false;
    if (pattern !== '*') matched = true;
  }
  return matched;
}

/** Host aliases known to an ssh config file, as a predicate. */
/** Whether the ssh config at `path` has a Host block matching a name (patterns and negations too). */
export function sshConfigKnows(path: string): (host: string) => boolean {
  let parsed: SSHConfig;
  try {
    parsed = SSHConfig.parse(readFileSync(path, 'utf8'));
  } catch {
    return () => false;
  }
  const hostLines: string[][] = [];
  for (const line of parsed) {
    if (line.type !== LineType.DIRECTIVE || line.param.toLowerCase() !== 'host') continue;
    const value = line.value;
    hostLines.push(typeof value === 'string' ? value.split(/\s+/) : value.map((v) => v.val));
  }
  return (host) => hostLines.some((patterns) => hostLineMatches(patterns, host));
}

/** Every host reference in the config, with where it is written and who makes it. */
function hostReferences(config: WarroomConfig): { host: string; pos?: SourcePos; who: string }[] {
  const refs: { host: string; pos?: SourcePos; who: string }[] = [];
  for (const service of config.services) {
    for (const check of service.checks) {
      if (check.kind === 'command' && check.host) refs.push({ host: check.host, pos: check.pos, who: `check ${check.id}` });
    }
    for (const log of service.logs) {
      if (log.host) refs.push({ host: log.host, ...(log.pos ? { pos: log.pos } : {}), who: `log source ${log.tag}` });
    }
    for (const action of Object.values(service.actions)) {
      for (const target of action.targets) {
        if (target.host) refs.push({ host: target.host, pos: action.pos, who: `action ${action.name} of ${service.name}` });
      }
    }
  }
  return refs;
}

/** Probes a second past which `check` warns: each is a request to a target and work here (B1 measures 1,000 a sweep). */
export const MAX_PROBES_PER_SECOND = 200;

/** How many probes a second the checks make together. */
function probesPerSecond(config: WarroomConfig): number {
  let rate = 0;
  for (const service of config.services) for (const check of service.checks) rate += 1000 / check.intervalMs;
  return rate;
}

/** Warnings about a config that loaded: unknown SSH hosts, missing runbook or key files, a probe rate that would hurt. */
export function lintConfig(config: WarroomConfig, options: LintOptions = {}): ConfigProblem[] {
  const warnings: ConfigProblem[] = [];
  const at = (pos: SourcePos | undefined, message: string): ConfigProblem => ({
    file: pos?.file ?? config.file, line: pos?.line ?? 0, col: pos?.col ?? 0, keyPath: '', message,
  });
  const sshPath = options.sshConfigPath ?? join(homedir(), '.ssh', 'config');
  const known = sshConfigKnows(sshPath);
  const reported = new Set<string>();
  for (const ref of hostReferences(config)) {
    const name = ref.host.includes('@') ? ref.host.slice(ref.host.lastIndexOf('@') + 1) : ref.host;
    const key = `${ref.host}@${ref.pos?.line ?? 0}`;
    if (name in config.hosts || reported.has(key) || known(name)) continue;
    reported.add(key);
    warnings.push(at(ref.pos, `${ref.who}: host "${ref.host}" is not in hosts: and not in ${sshPath}; ssh will treat it as a DNS name`));
  }
  if (config.incident.runbook && !existsSync(config.incident.runbook)) {
    warnings.push(at(undefined, `incident.runbook: ${config.incident.runbook} does not exist`));
  }
  for (const host of Object.values(config.hosts)) {
    if (host.identityFile && !existsSync(host.identityFile)) {
      warnings.push(at(undefined, `hosts.${host.name}.identityFile: ${host.identityFile} does not exist`));
    }
  }
  const perSecond = probesPerSecond(config);
  if (perSecond > MAX_PROBES_PER_SECOND) {
    warnings.push(at(undefined, `the checks probe ${Math.round(perSecond)} times a second in all; above ${MAX_PROBES_PER_SECOND} the targets and this machine feel it (lengthen some intervals)`));
  }
  return warnings.sort((a, b) => a.line - b.line || a.col - b.col);
}
