// A small local Executor for the actions tests, on child_process: `sh -c` in its own process
// group, killed as a group on timeout or abort. Stands in until the exec layer is on main.
import { spawn } from 'node:child_process';
import type { Executor, RunOptions, RunResult, StreamHandle } from '../../src/exec/types.js';

/** Commands seen, for assertions that nothing ran. */
export class ChildProcessExecutor implements Executor {
  readonly commands: { command: string; host?: string }[] = [];

  run(command: string, options: RunOptions = {}): Promise<RunResult> {
    this.commands.push({ command, ...(options.host ? { host: options.host } : {}) });
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let timedOut = false;
      let cancelled = false;
      const partial = { stdout: '', stderr: '' };
      const onData = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (stream === 'stdout') stdout += text;
        else stderr += text;
        const lines = (partial[stream] + text).split('\n');
        partial[stream] = lines.pop() ?? '';
        for (const line of lines) options.onLine?.(line, stream);
      };
      child.stdout.on('data', onData('stdout'));
      child.stderr.on('data', onData('stderr'));
      const kill = () => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone already
        }
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, options.timeoutMs ?? 60_000);
      const onAbort = () => {
        cancelled = true;
        kill();
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        for (const stream of ['stdout', 'stderr'] as const) if (partial[stream]) options.onLine?.(partial[stream], stream);
        resolve({ exitCode: code, signal, stdout, stderr, durationMs: Date.now() - started, timedOut, cancelled, droppedBytes: 0 });
      });
    });
  }

  stream(): StreamHandle {
    throw new Error('not used by actions');
  }

  async close(): Promise<void> {}
}
