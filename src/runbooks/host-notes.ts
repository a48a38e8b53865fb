// What the confirmation says about a host a runbook names: one the config lists, or a name it
// does not know, which runs the way `ssh NAME` would (through ~/.ssh/config, else the name itself
// on port 22 as the local user). Said before the run, so "on prod-server (SSH)" is never a guess.
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sshConfigKnows } from '../config/lint.js';
import type { HostConfig } from '../config/types.js';
import { loadSshConfig, resolveTarget } from '../exec/ssh-target.js';

/** Lines describing where a host's commands go; empty for a host in the config's `hosts:`. */
export type HostDescriber = (host: string) => string[];

/** Options for describing hosts (tests point them at their own ~/.ssh). */
export interface HostDescriberOptions {
  home?: string;
  sshConfigPath?: string;
  username?: string;
}

/** Builds the describer from the config's hosts; ~/.ssh/config is read when a host outside them is first described. */
export function hostDescriber(hosts: Record<string, HostConfig>, options: HostDescriberOptions = {}): HostDescriber {
  const home = options.home ?? homedir();
  const path = options.sshConfigPath ?? join(home, '.ssh', 'config');
  let sshConfig: ReturnType<typeof loadSshConfig> | null = null;
  let knows: ((host: string) => boolean) | null = null;
  return (host) => {
    if (host in hosts) return [];
    try {
      sshConfig ??= loadSshConfig(path, home);
    } catch {
      sshConfig = undefined;
    }
    knows ??= sshConfigKnows(path);
    const target = resolveTarget(host, hosts, sshConfig ?? undefined, { home, username: options.username ?? userInfo().username });
    const listed = knows(host);
    const how = listed ? 'from its ~/.ssh/config entry' : 'no ~/.ssh/config entry: the name itself';
    return [
      `  ⚠ not in the config's hosts: connects as \`ssh ${host}\` would,`,
      `    ${how}: ${target.user}@${target.address} port ${target.port}${target.proxyJump ? ` through ${target.proxyJump}` : ''}`,
    ];
  };
}
