// The real executor (src/exec) wrapped to remember what it was asked to run, so tests can assert
// the exact command and host. Remote hosts point at a closed loopback port: they fail fast with a
// plain message instead of reaching anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutor } from '../../src/exec/index.js';
import type { Executor, RunOptions } from '../../src/exec/types.js';

/** An executor for tests: local commands run for real; `ran` lists every command and host asked for. */
export function recordingExecutor(): Executor & { ran: { command: string; host?: string }[] } {
  const home = mkdtempSync(join(tmpdir(), 'warroom-runbook-home-'));
  const inner = createExecutor({
    hosts: {},
    home,
    agentSocket: null,
    sshConfigPath: join(home, 'no-ssh-config'),
    knownHostsPath: join(home, 'no-known-hosts'),
    connectTimeoutMs: 2000,
  });
  const ran: { command: string; host?: string }[] = [];
  return {
    ran,
    run(command: string, options: RunOptions = {}) {
      ran.push({ command, ...(options.host !== undefined ? { host: options.host } : {}) });
      return inner.run(command, options);
    },
    stream: (command, options) => inner.stream(command, options),
    close: () => inner.close(),
  };
}
