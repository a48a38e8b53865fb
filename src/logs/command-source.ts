// A streaming command (`journalctl -fu svc`, `docker compose logs -f`, `tail -F` on a remote
// host) run through the Executor, locally or over SSH. A follow command is not meant to end, so
// when it does it is restarted with exponential backoff; a run that lasted a while resets the
// backoff. stderr lines are source errors, delivered marked rather than mixed into the stream.
import type { CommandEnv, Executor, StreamHandle } from '../exec/types.js';
import type { LineReceiver, LogSource } from './source.js';

/** Options of a command source. */
export interface CommandSourceOptions {
  command: string;
  /** Host name (config `hosts:` or ~/.ssh/config); undefined runs locally. */
  host?: string;
  /** Values the command's `${NAME}` references read (passed as data). */
  env?: CommandEnv;
  /** First restart delay, ms. @default 1000 */
  backoffMs?: number;
  /** Longest restart delay, ms. @default 30000 */
  maxBackoffMs?: number;
  /** A run at least this long resets the backoff, ms. @default 30000 */
  stableMs?: number;
}

/** Runs a streaming command and restarts it when it exits. */
export class CommandSource implements LogSource {
  private handle: StreamHandle | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private delay: number;
  private startedAt = 0;
  /** Times the command has been started (for tests and the pane). */
  starts = 0;

  constructor(
    private readonly executor: Executor,
    private readonly options: CommandSourceOptions,
    private readonly receiver: LineReceiver,
  ) {
    this.delay = options.backoffMs ?? 1000;
  }

  /** Starts the command. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.launch();
  }

  /** Stops the command and any pending restart. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const handle = this.handle;
    this.handle = null;
    if (handle) await handle.stop();
    this.receiver.state('stopped');
  }

  private launch(): void {
    if (!this.running) return;
    this.starts++;
    this.startedAt = Date.now();
    this.receiver.state('starting');
    let following = false;
    let current: StreamHandle | null = null;
    const onExit = (result: { exitCode: number | null; signal: string | null; error?: string }): void => {
      if (this.handle === current) this.handle = null;
      if (!this.running) return;
      const how = result.error ?? (result.signal ? `killed by ${result.signal}` : `exited with code ${result.exitCode}`);
      this.receiver.error(`${this.describe()}: ${how}`);
      this.scheduleRestart();
    };
    try {
      current = this.executor.stream(this.options.command, {
        host: this.options.host,
        ...(this.options.env ? { env: this.options.env } : {}),
        onLine: (line, stream) => {
          if (stream === 'stderr') {
            this.receiver.error(line);
            return;
          }
          if (!following) {
            following = true;
            this.receiver.state('following');
          }
          this.receiver.line(line);
        },
        onExit,
        onNotice: (text) => this.receiver.error(text),
        // The host went away; the stream starts the command again when it is back, and that
        // run's first line is following again (the pane's gap marker goes there).
        onInterrupted: () => {
          following = false;
          this.receiver.state('disconnected', 'host unreachable');
        },
      });
      this.handle = current;
    } catch (err) {
      onExit({ exitCode: null, signal: null, error: (err as Error).message });
    }
  }

  private scheduleRestart(): void {
    const maxBackoff = this.options.maxBackoffMs ?? 30_000;
    if (Date.now() - this.startedAt >= (this.options.stableMs ?? 30_000)) this.delay = this.options.backoffMs ?? 1000;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, maxBackoff);
    this.receiver.state('restarting', `restarting in ${Math.round(wait / 1000)}s`);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.launch();
    }, wait);
    this.timer.unref?.();
  }

  private describe(): string {
    return this.options.host ? `${this.options.host}: ${this.options.command}` : this.options.command;
  }
}

/** Quotes a word for a POSIX shell (paths in remote `tail -F` commands). */
export function shellQuote(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that follows a file on a remote host, as `tail -F` does locally. */
export function remoteTailCommand(path: string, lines: number): string {
  return `tail -n ${Math.max(0, Math.floor(lines))} -F -- ${shellQuote(path)}`;
}
