// Runs a command in a pseudo-terminal (util-linux `script`) at a given size and exposes what it
// writes, with arrival times: how the benchmarks see frames the way a terminal does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A command running under a pseudo-terminal. */
export class PtyRun {
  readonly startedAt = performance.now();
  output = '';
  /** Bytes written to the terminal so far. */
  bytes = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: { test: (out: string) => boolean; resolve: (ms: number) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(command: string, options: { columns: number; rows: number; cwd?: string; env?: NodeJS.ProcessEnv; keepOutput?: boolean }) {
    const line = `stty cols ${options.columns} rows ${options.rows}; exec ${command}`;
    this.child = spawn('script', ['-qfec', line, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, TERM: 'xterm-256color', ...options.env },
    });
    const keep = options.keepOutput ?? true;
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.bytes += chunk.length;
      const text = chunk.toString('utf8');
      this.onData?.(text, performance.now());
      this.output = keep ? this.output + text : text;
      for (const waiter of [...this.waiters]) {
        if (waiter.test(this.output)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(performance.now() - this.startedAt);
        }
      }
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Called with every chunk the program writes and when it arrived (performance.now()). */
  onData?: (text: string, at: number) => void;

  /** Resolves with ms since start once the output satisfies `test`; rejects after `timeoutMs`. */
  waitFor(test: (out: string) => boolean, timeoutMs = 30_000): Promise<number> {
    if (test(this.output)) return Promise.resolve(performance.now() - this.startedAt);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (ms) => (clearTimeout(timer), resolve(ms)) });
    });
  }

  /** Types into the terminal. */
  write(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** The child's pid (the `script` process). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Ends it: `q`, then SIGTERM after a grace period. */
  async stop(keys = 'q', graceMs = 5000): Promise<void> {
    this.write(keys);
    const timer = setTimeout(() => this.child.kill('SIGTERM'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The median and 99th percentile of a sample. */
export function stats(values: number[]): { median: number; p99: number; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { median: at(0.5), p99: at(0.99), n: sorted.length };
}
