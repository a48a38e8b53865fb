// The real executor (src/exec) for the actions tests, with every command it was asked to run
// kept for assertions such as "dry-run executed nothing".
import { createExecutor } from '../../src/exec/index.js';
import type { Executor, RunOptions, RunResult, StreamHandle, StreamOptions } from '../../src/exec/types.js';

/** Wraps an executor (local-only by default) and records the commands it runs. */
export class RecordingExecutor implements Executor {
  readonly commands: { command: string; host?: string }[] = [];

  constructor(private readonly inner: Executor = createExecutor({ hosts: {}, agentSocket: null })) {}

  run(command: string, options: RunOptions = {}): Promise<RunResult> {
    this.commands.push({ command, ...(options.host ? { host: options.host } : {}) });
    return this.inner.run(command, options);
  }

  stream(command: string, options: StreamOptions): StreamHandle {
    return this.inner.stream(command, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
