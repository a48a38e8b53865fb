import type { HostConfig } from '../config/types.js';

/** Where a command runs, as the confirmation and the timeline name it: `local`, `user@address:port`, or an ssh_config host name. */
export function targetLabel(host: string | undefined, hosts: Record<string, HostConfig>): string {
  if (!host) return 'local';
  const known = hosts[host];
  if (!known) return host;
  return `${known.user ? `${known.user}@` : ''}${known.address}:${known.port}`;
}
