// The execution layer's own executor, for the probes' tests: local commands, and SSH hosts that
// refuse connections (a closed loopback port) for the "host unreachable" case.
import { createServer } from 'node:net';
import type { HostConfig } from '../../src/config/types.js';
import { createExecutor } from '../../src/exec/index.js';
import type { Executor } from '../../src/exec/types.js';

/** A host entry pointing at a loopback port nothing listens on. */
export async function unreachableHost(name: string): Promise<HostConfig> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { name, address: '127.0.0.1', port, user: 'nobody', insecureAcceptNewHostKey: false };
}

/** An executor for tests (no ssh-agent, no user ssh config). */
export function testExecutor(hosts: Record<string, HostConfig> = {}): Executor {
  return createExecutor({ hosts, agentSocket: null, sshConfigPath: '/nonexistent', knownHostsPath: '/nonexistent', connectTimeoutMs: 5000 });
}
