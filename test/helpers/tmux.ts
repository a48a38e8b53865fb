// Drives a program in a real terminal: a private tmux server (its own socket, so tests never
// touch the user's tmux), send-keys to type, capture-pane to read the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.js';

/** Why tmux cannot be used here, or null when it can. */
export function tmuxMissing(): string | null {
  const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  return probe.status === 0 ? null : 'tmux is not installed (apt-get install tmux)';
}

/** One tmux session running one command at a fixed size. */
export class TmuxSession {
  private readonly socket = `warroom-test-${process.pid}-${randomBytes(4).toString('hex')}`;

  private constructor(readonly columns: number, readonly rows: number) {}

  /** Starts `command` (a shell line) in a new session of `columns` x `rows` with `env` added. */
  static start(command: string, options: { columns: number; rows: number; env?: Record<string, string>; cwd?: string }): TmuxSession {
    const session = new TmuxSession(options.columns, options.rows);
    const envArgs = Object.entries({ TERM: 'xterm-256color', ...options.env }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    session.tmux([
      'new-session', '-d', '-s', 'main', '-x', String(options.columns), '-y', String(options.rows),
      ...(options.cwd ? ['-c', options.cwd] : []), ...envArgs, command,
    ]);
    // Keep the pane after the program exits so its last screen and exit status can be read.
    session.tmux(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    return session;
  }

  /** Runs a tmux subcommand on this session's private server. */
  tmux(args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  }

  /** Types keys: literal text, or tmux key names like Enter, Escape, Tab, BTab, C-c, PPage. */
  send(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Types text literally (no key-name lookup). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  /** The visible screen as text (escape sequences given with `escapes`). */
  screen(escapes = false): string {
    return this.tmux(['capture-pane', '-p', '-t', 'main', ...(escapes ? ['-e'] : [])]);
  }

  /** Waits until the screen satisfies `check`; the error shows the last screen. */
  async waitForScreen(check: (screen: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
    let last = '';
    try {
      return await waitFor(() => {
        last = this.screen();
        return check(last) ? last : '';
      }, { timeoutMs, intervalMs: 100, what });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- screen ---\n${last}`);
    }
  }

  /** Resizes the terminal. */
  resize(columns: number, rows: number): void {
    this.tmux(['resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows)]);
  }

  /** Whether the program in the pane has exited, and with what status. */
  exitStatus(): number | null {
    const out = this.tmux(['display-message', '-p', '-t', 'main', '#{pane_dead} #{pane_dead_status}']).trim();
    const [dead, status] = out.split(' ');
    return dead === '1' ? Number(status) : null;
  }

  /** The pid of the program in the pane. */
  pid(): number {
    return Number(this.tmux(['display-message', '-p', '-t', 'main', '#{pane_pid}']).trim());
  }

  /** Ends the session and its server. */
  kill(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // already gone
    }
  }
}

/** The compiled warroom launcher the end-to-end tests run. */
export const WARROOM_BIN = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));

/** A shell line running warroom that stays after it exits, so the terminal's state can be read then. */
export function warroomShellLine(args: string): string {
  return `${process.execPath} ${WARROOM_BIN} ${args}; echo "warroom exited $?"; sleep 120`;
}

/** Waits for warroom (started by warroomShellLine) to exit and returns its exit code. */
export async function warroomExitCode(tmux: TmuxSession): Promise<number> {
  const screen = await tmux.waitForScreen((s) => /warroom exited \d+/.test(s), 'warroom to exit');
  return Number(/warroom exited (\d+)/.exec(screen)![1]);
}
