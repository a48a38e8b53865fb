// A minimal local Executor for tests (sh -c, timeout kills the process group), standing in for
// the execution layer's own implementation.
import { spawn } from 'node:child_process';
import type { Executor, RunOptions, RunResult } from '../../src/exec/types.js';

/** Runs commands locally; `host` makes it fail like an unreachable SSH host. */
export function localExecutorDouble(): Executor {
  return {
    run: (command: string, options: RunOptions = {}): Promise<RunResult> => {
      const started = performance.now();
      const base = { stdout: '', stderr: '', droppedBytes: 0, timedOut: false, cancelled: false, signal: null };
      if (options.host) {
        return Promise.resolve({ ...base, exitCode: null, durationMs: 0, error: `${options.host}: connection refused` });
      }
      return new Promise((resolve) => {
        const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        const timer = setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, options.timeoutMs ?? 60_000);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          resolve({ ...base, stdout, stderr, timedOut, exitCode: code, signal, durationMs: performance.now() - started });
        });
      });
    },
    stream: () => {
      throw new Error('not used by probes');
    },
    close: async () => undefined,
  };
}
