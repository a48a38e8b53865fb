// The real executor (src/exec) wrapped to remember what it was asked to run, so tests can assert
// the exact command and host ("dry-run executed nothing"). By default local commands run for real
// in an empty home, and remote hosts fail fast with a plain message instead of reaching anything.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutor } from '../../src/exec/index.js';
import type { Executor, RunOptions, RunResult, StreamHandle, StreamOptions } from '../../src/exec/types.js';

/** A local-only executor with no ssh config, known hosts or agent of the machine's user. */
function isolatedExecutor(): Executor {
  const home = mkdtempSync(join(tmpdir(), 'warroom-test-home-'));
  return createExecutor({
    hosts: {},
    home,
    agentSocket: null,
    sshConfigPath: join(home, 'no-ssh-config'),
    knownHostsPath: join(home, 'no-known-hosts'),
    connectTimeoutMs: 2000,
  });
}

/** Wraps an executor (isolated and local by default); `ran` lists every command and host asked for. */
export class RecordingExecutor implements Executor {
  readonly ran: { command: string; host?: string }[] = [];

  constructor(private readonly inner: Executor = isolatedExecutor()) {}

  /** @inheritdoc */
  run(command: string, options: RunOptions = {}): Promise<RunResult> {
    this.ran.push({ command, ...(options.host !== undefined ? { host: options.host } : {}) });
    return this.inner.run(command, options);
  }

  /** @inheritdoc */
  stream(command: string, options: StreamOptions): StreamHandle {
    return this.inner.stream(command, options);
  }

  /** @inheritdoc */
  close(): Promise<void> {
    return this.inner.close();
  }
}
