// Runs a command in a pseudo-terminal (util-linux `script`) at a given size and exposes what it
// writes, with arrival times: how the benchmarks see frames the way a terminal does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import xterm from '@xterm/headless';

/** A command running under a pseudo-terminal. */
export class PtyRun {
  readonly startedAt = performance.now();
  output = '';
  /** Bytes written to the terminal so far. */
  bytes = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: { test: (out: string) => boolean; resolve: (ms: number) => void }[] = [];
  /** The terminal the output is drawn into, when the screen is read (options.screen). */
  private readonly term: xterm.Terminal | undefined;
  private readonly screenWaiters: { test: (screen: string) => boolean; resolve: (at: number) => void }[] = [];
  readonly exited: Promise<number | null>;

  /**
   * `screen`: also draw the output into a terminal emulator (xterm.js, headless), for waitForScreen.
   * A console that writes only the cells that changed cannot be read from its output stream:
   * text that stays on screen is not written again, and a frame spans several reads.
   */
  constructor(command: string, options: { columns: number; rows: number; cwd?: string; env?: NodeJS.ProcessEnv; keepOutput?: boolean; screen?: boolean }) {
    this.term = options.screen ? new xterm.Terminal({ cols: options.columns, rows: options.rows, allowProposedApi: true }) : undefined;
    const line = `stty cols ${options.columns} rows ${options.rows}; exec ${command}`;
    this.child = spawn('script', ['-qfec', line, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, TERM: 'xterm-256color', ...options.env },
    });
    const keep = options.keepOutput ?? true;
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.bytes += chunk.length;
      const text = chunk.toString('utf8');
      const at = performance.now();
      this.onData?.(text, at);
      this.term?.write(chunk, () => this.checkScreen(at));
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

  /** The emulated screen's text, one line per row (needs options.screen). */
  screen(): string {
    const buffer = this.term!.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.term!.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /**
   * Resolves with the performance.now() at which the chunk arrived that made the emulated screen
   * satisfy `test` (needs options.screen); rejects after `timeoutMs`.
   */
  waitForScreen(test: (screen: string) => boolean, timeoutMs = 30_000): Promise<number> {
    if (test(this.screen())) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms; screen:\n${this.screen()}`)), timeoutMs);
      timer.unref();
      this.screenWaiters.push({ test, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });
  }

  private checkScreen(at: number): void {
    if (this.screenWaiters.length === 0) return;
    const screen = this.screen();
    for (const waiter of [...this.screenWaiters]) {
      if (waiter.test(screen)) {
        this.screenWaiters.splice(this.screenWaiters.indexOf(waiter), 1);
        waiter.resolve(at);
      }
    }
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
