// Drives a program in a real terminal: a private tmux server (its own socket, so tests never
// touch the user's tmux), send-keys to type, capture-pane to read the screen. Besides one key per
// write (send-keys), a test can write several keys in ONE write (writeRaw: load-buffer +
// paste-buffer, as a slow SSH link, key repeat or tmux batching delivers them), paste as a
// terminal does (paste: bracketed when the program asked for it), and read the screen with its
// styles (styledScreen, styledRows, stylesOf).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { waitFor } from './wait-for.js';

/** Bytes a terminal sends for keys, for building multi-key raw writes (`writeRaw`). */
export const KEY_BYTES = {
  enter: '\r',
  tab: '\t',
  shiftTab: '\x1b[Z',
  escape: '\x1b',
  backspace: '\x7f',
  delete: '\x1b[3~',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  /** Ctrl plus a letter, e.g. ctrl('c') is 0x03. */
  ctrl: (letter: string): string => String.fromCharCode(letter.toLowerCase().charCodeAt(0) & 0x1f),
} as const;

/** One character cell of a captured screen and the SGR codes in force on it (e.g. `7` inverse, `38;5;196`). */
export interface StyledCell {
  char: string;
  sgr: string[];
}

/**
 * Turns `capture-pane -e` output into rows of cells with their styles (ANSI parsed by Ink's own
 * tokenizer). Parsed as one text, not line by line: tmux writes only the changes from the cell
 * before, and a line's first cells keep the style the previous line ended with.
 */
export function styledRows(captured: string): StyledCell[][] {
  const rows: StyledCell[][] = [[]];
  for (const cell of styledCharsFromTokens(tokenize(captured))) {
    if (cell.value === '\n') rows.push([]);
    else rows.at(-1)!.push({ char: cell.value, sgr: cell.styles.map((style) => style.code.replace(/^\x1b\[|m$/g, '')) });
  }
  return rows;
}

/** The SGR codes on the first character of every place `text` shows on a styled screen. */
export function stylesOf(captured: string, text: string): string[][] {
  const found: string[][] = [];
  for (const row of styledRows(captured)) {
    const plain = row.map((cell) => cell.char).join('');
    for (let at = plain.indexOf(text); at >= 0; at = plain.indexOf(text, at + 1)) {
      // Cells are one per character (wide ones too), so a string index of the row's text is its cell.
      found.push(cellAt(row, at).sgr);
    }
  }
  return found;
}

/** The cell holding the string index `index` of the row's text (cells can hold two UTF-16 units). */
function cellAt(row: StyledCell[], index: number): StyledCell {
  let offset = 0;
  for (const cell of row) {
    if (offset >= index) return cell;
    offset += cell.char.length;
  }
  return { char: '', sgr: [] };
}

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
    const { TERM: term = 'xterm-256color', ...env } = options.env ?? {};
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // TERM comes from tmux's default-terminal (a `-e TERM=...` is overwritten by it), so the
    // terminal type is set there, before the session's first pane starts.
    session.tmux([
      'start-server', ';', 'set-option', '-g', 'default-terminal', term, ';',
      'new-session', '-d', '-s', 'main', '-x', String(options.columns), '-y', String(options.rows),
      ...(options.cwd ? ['-c', options.cwd] : []), ...envArgs, command,
    ]);
    // Keep the pane after the program exits so its last screen and exit status can be read.
    session.tmux(['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    session.watchTestProcess();
    return session;
  }

  /**
   * Ends this tmux server (and the program in it) once the test process is gone, however it
   * went: a test file killed by the runner's timeout never reaches its `finally`, and its
   * console would otherwise keep running (and drawing, and probing) for good.
   */
  private watchTestProcess(): void {
    const watchdog = spawn('sh', ['-c',
      `while kill -0 ${process.pid} 2>/dev/null && tmux -L ${this.socket} has-session 2>/dev/null; do sleep 2; done; ` +
      `tmux -L ${this.socket} kill-server 2>/dev/null`,
    ], { detached: true, stdio: 'ignore' });
    watchdog.unref();
  }

  /** Runs a tmux subcommand on this session's private server (`input` goes to its stdin). */
  tmux(args: string[], input?: string): string {
    return execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', input });
  }

  /** Types keys: literal text, or tmux key names like Enter, Escape, Tab, BTab, C-c, PPage. */
  send(...keys: string[]): void {
    this.tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Types text literally (no key-name lookup). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  /**
   * Writes `bytes` to the program in ONE write, exactly as given (no bracketed paste, no line feed
   * turned into CR): several keys arriving in one read, as over a slow SSH link or with key
   * repeat. Build the bytes with KEY_BYTES, e.g. `'abc' + KEY_BYTES.backspace.repeat(3) + '\r'`.
   */
  writeRaw(bytes: string): void {
    this.tmux(['load-buffer', '-b', 'raw-keys', '-'], bytes);
    this.tmux(['paste-buffer', '-b', 'raw-keys', '-t', 'main', '-d', '-r']);
  }

  /**
   * Pastes `text` as a terminal does: wrapped in ESC[200~ … ESC[201~ when the program turned
   * bracketed paste on (plain bytes when it did not), line feeds sent as CR, all in one write.
   */
  paste(text: string): void {
    this.tmux(['load-buffer', '-b', 'pasted', '-'], text);
    this.tmux(['paste-buffer', '-b', 'pasted', '-t', 'main', '-d', '-p']);
  }

  /** The visible screen as text (escape sequences given with `escapes`). */
  screen(escapes = false): string {
    return this.tmux(['capture-pane', '-p', '-t', 'main', ...(escapes ? ['-e'] : [])]);
  }

  /** The visible screen with its styles as SGR escape sequences (`capture-pane -e -p`); see styledRows. */
  styledScreen(): string {
    return this.screen(true);
  }

  /** Waits until the styled screen (see styledScreen) satisfies `check`; the error shows the last one, escapes made visible. */
  async waitForStyledScreen(check: (styled: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
    let last = '';
    try {
      return await waitFor(() => {
        last = this.styledScreen();
        return check(last) ? last : '';
      }, { timeoutMs, intervalMs: 100, what });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- styled screen ---\n${JSON.stringify(last)}`);
    }
  }

  /** Where the terminal's cursor is (0-based column and row) and whether it is shown. */
  cursor(): { x: number; y: number; visible: boolean } {
    const [x, y, flag] = this.tmux(['display-message', '-p', '-t', 'main', '#{cursor_x} #{cursor_y} #{cursor_flag}']).trim().split(' ');
    return { x: Number(x), y: Number(y), visible: flag === '1' };
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

  /** The pid of the command the pane's shell runs (its first child), or the pane's own when it has none. */
  programPid(): number {
    const pane = this.pid();
    try {
      const children = readFileSync(`/proc/${pane}/task/${pane}/children`, 'utf8').trim();
      return Number(children.split(/\s+/)[0] || pane);
    } catch {
      return pane;
    }
  }

  /**
   * Waits until the program has used no CPU for `quietMs` (it has finished loading and waits
   * for the user), as a person answering a question only after reading it. Linux only (/proc).
   */
  async waitForIdle(what: string, quietMs = 600): Promise<void> {
    const pid = this.programPid();
    const cpuTicks = () => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      // utime and stime are fields 14 and 15 of stat; 12 and 13 once pid and name are cut off.
      return Number(fields[11]) + Number(fields[12]);
    };
    let last = cpuTicks();
    let quietSince = Date.now();
    await waitFor(() => {
      const now = cpuTicks();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
      return Date.now() - quietSince >= quietMs;
    }, { timeoutMs: 60_000, intervalMs: 50, what: `${what} (pid ${pid} idle for ${quietMs} ms)` });
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
  const code = Number(/warroom exited (\d+)/.exec(screen)![1]);
  // A test that did not expect it fails on the number alone: the screen says why (the last
  // message warroom printed), so it goes to the test's output.
  if (code !== 0) process.stderr.write(`warroom exited ${code}; the screen then:\n${screen}\n`);
  return code;
}
