// A small local Executor for the log tests, built on child_process, until the real one
// (src/exec/local.ts) is on main. It ignores `host`, which is enough for exercising the
// command-source logic; `commands` records what was asked for.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Executor, RunResult, StreamHandle, StreamOptions } from '../../src/exec/types.js';

/** Local executor double: runs commands with `sh -c`. */
export class LocalTestExecutor implements Executor {
  /** Every streamed command, with its host. */
  readonly commands: Array<{ command: string; host?: string }> = [];
  private readonly handles = new Set<StreamHandle>();

  async run(): Promise<RunResult> {
    throw new Error('not used by the log tests');
  }

  stream(command: string, options: StreamOptions): StreamHandle {
    this.commands.push({ command, host: options.host });
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let closed = 0;
    const done = (): void => {
      if (++closed === 3) options.onExit?.({ exitCode: child.exitCode, signal: child.signalCode });
    };
    createInterface({ input: child.stdout }).on('line', (line) => options.onLine(line, 'stdout')).on('close', done);
    createInterface({ input: child.stderr }).on('line', (line) => options.onLine(line, 'stderr')).on('close', done);
    child.on('exit', done);
    child.on('error', (err) => options.onExit?.({ exitCode: null, signal: null, error: err.message }));
    const handle: StreamHandle = {
      stop: async () => {
        this.handles.delete(handle);
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          // already gone
        }
        await exited;
      },
    };
    this.handles.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    await Promise.all([...this.handles].map((handle) => handle.stop()));
  }
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
