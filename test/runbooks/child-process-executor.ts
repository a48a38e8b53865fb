// A local-only Executor for tests, built on child_process until the shared one is on this branch.
// It refuses remote hosts, so a test that expects a local run cannot silently pass over SSH.
import { spawn } from 'node:child_process';
import type { Executor, RunOptions, RunResult } from '../../src/exec/types.js';

/** Runs commands with `sh -c` on this machine. */
export function childProcessExecutor(): Executor & { ran: { command: string; host?: string }[] } {
  const ran: { command: string; host?: string }[] = [];
  return {
    ran,
    run(command: string, options: RunOptions = {}): Promise<RunResult> {
      ran.push({ command, ...(options.host !== undefined ? { host: options.host } : {}) });
      const started = Date.now();
      if (options.host !== undefined) {
        return Promise.resolve({ exitCode: null, signal: null, stdout: '', stderr: '', durationMs: 0, timedOut: false, cancelled: false, droppedBytes: 0, error: `${options.host}: no such host in this test` });
      }
      return new Promise((resolve) => {
        const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        const split = (stream: 'stdout' | 'stderr') => {
          let partial = '';
          return (chunk: Buffer) => {
            const text = chunk.toString('utf8');
            if (stream === 'stdout') stdout += text;
            else stderr += text;
            const lines = (partial + text).split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines) options.onLine?.(line, stream);
          };
        };
        child.stdout.on('data', split('stdout'));
        child.stderr.on('data', split('stderr'));
        child.on('close', (code, signal) => {
          resolve({ exitCode: code, signal, stdout, stderr, durationMs: Date.now() - started, timedOut: false, cancelled: false, droppedBytes: 0 });
        });
      });
    },
    stream() {
      throw new Error('not used in runbook tests');
    },
    close: () => Promise.resolve(),
  };
}

/** A recorder that keeps events in memory, shaped like what the journal reads back. */
export function memoryRecorder(): { events: { kind: string; data: Record<string, unknown> }[]; record: (kind: string, data: Record<string, unknown>) => void } {
  const events: { kind: string; data: Record<string, unknown> }[] = [];
  return { events, record: (kind, data) => void events.push({ kind, data: structuredClone(data) }) };
}
