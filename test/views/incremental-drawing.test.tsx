// The console draws incrementally: after the first frame it writes only the cells that changed
// (Ink's incrementalRendering, taken to the cell by patches/ink+6.8.0.patch). Whatever it skips
// must already be right on the terminal. Here the whole console is drawn the way it runs
// (Ink's render with the console's options, colour on, the alternate screen) into a terminal
// emulator (xterm.js, headless), through zooms, dialogs, the help overlay, scrolling logs with
// wide characters, and resizes; after each step the emulator's screen, styles included, must be
// what a terminal shows when the same frame is drawn in full on a fresh screen.
//
// Ink, chalk and React read the environment once, when first loaded: colour is forced and CI
// detection turned off before they load, as the console's launcher does.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import xterm from '@xterm/headless';
import { waitFor } from '../helpers/wait-for.js';

Object.assign(process.env, { CI: '0', CONTINUOUS_INTEGRATION: '0', FORCE_COLOR: '2' });
const React = (await import('react')).default;
const { render } = await import('ink');
const { consoleRenderOptions } = await import('../../views/console.js');
const { guardedStream } = await import('../../src/text/frame-guard.js');
const { App } = await import('../../views/App.js');
const { KeyDispatcher } = await import('../../views/keys/dispatcher.js');
const { PANE_REGISTRY } = await import('../../views/panes/registry.js');
const { StoreProvider } = await import('../../views/store-context.js');
const { ThemeProvider } = await import('../../views/theme/use-theme.js');
const { createTheme } = await import('../../views/theme/theme.js');
const { createWarroomStore } = await import('../../src/store/store.js');
const { askConfirm } = await import('../../src/mode/ask.js');
const { LogIngest } = await import('../../src/logs/ingest.js');

const ALT_SCREEN = '\x1b[?1049h\x1b[H';
const TARGETS = { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 };

/** A terminal as Ink sees it: writes go to an emulator; size and resize events like a TTY's. */
class EmulatedTerminal extends EventEmitter {
  readonly isTTY = true;
  readonly term: xterm.Terminal;
  private pending: Promise<void> = Promise.resolve();
  /** Everything written, in order. */
  writes: string[] = [];

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
    // convertEol: a terminal's line discipline turns Ink's \n into \r\n.
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  }

  write(chunk: string | Uint8Array, callback?: () => void): boolean {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes.push(text);
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(text, resolve)));
    callback?.();
    return true;
  }

  /** Resizes as a terminal does: the screen first, then the program is told. */
  resize(columns: number, rows: number): void {
    this.term.resize(columns, rows);
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  /** The screen once everything written so far has been taken in. */
  async screen(): Promise<string[]> {
    await this.pending;
    return readScreen(this.term);
  }
}

/** stdin for Ink: keys written here reach the console's key handling. */
class KeyInput extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read(): string | null {
    const { data } = this;
    this.data = null;
    return data;
  }
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

const DEFAULT_STYLE = '0,-1,0,-1,0,0,0,0,0';

/**
 * Each cell of the screen as its character and style, row by row. Characters are ones xterm.js
 * and string-width agree on the width of (emoji are 1 column in xterm.js without its unicode11
 * add-on, 2 in tmux and in Ink's measure).
 */
function readScreen(term: xterm.Terminal): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  const cell = buffer.getNullCell();
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(y);
    let row = '';
    for (let x = 0; x < term.cols; x++) {
      line?.getCell(x, cell);
      const width = cell.getWidth();
      if (width === 0) continue; // the second column of a wide character
      const chars = cell.getChars() || ' ';
      const style = [
        cell.getFgColorMode(), cell.getFgColor(), cell.getBgColorMode(), cell.getBgColor(),
        cell.isBold(), cell.isDim(), cell.isInverse(), cell.isItalic(), cell.isUnderline(),
      ].map(Number).join(',');
      row += style === DEFAULT_STYLE ? chars : `${chars}{${style}}`;
    }
    rows.push(row);
  }
  return rows;
}

/** What a fresh terminal of this size shows with only `frame` drawn on it. */
async function fullRedraw(frame: string, columns: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  await new Promise<void>((resolve) => term.write(ALT_SCREEN + frame, resolve));
  return readScreen(term);
}

/** The console drawn twice from one store: incrementally, and in full (the reference). */
function startConsoles(columns: number, rows: number) {
  const store = createWarroomStore();
  const tree = (
    <StoreProvider store={store}>
      <ThemeProvider theme={createTheme('ansi256')}>
        <KeyDispatcher store={store} panes={PANE_REGISTRY}>
          <App responseTargets={TARGETS} onQuit={() => undefined} />
        </KeyDispatcher>
      </ThemeProvider>
    </StoreProvider>
  );
  const make = (incremental: boolean) => {
    const terminal = new EmulatedTerminal(columns, rows);
    const keys = new KeyInput();
    terminal.write(ALT_SCREEN);
    const options = { ...consoleRenderOptions(), incrementalRendering: incremental };
    // Through the console's frame guard, as the console writes.
    const instance = render(tree, { ...options, stdout: guardedStream(terminal) as never, stdin: keys as never, stderr: terminal as never });
    return { terminal, keys, instance };
  };
  const drawn = make(true);
  const full = make(false);
  return {
    store,
    press(keys: string) {
      drawn.keys.write(keys);
      full.keys.write(keys);
    },
    resize(c: number, r: number) {
      drawn.terminal.resize(c, r);
      full.terminal.resize(c, r);
    },
    /** Waits until the incremental screen is the full redraw of the latest frame. */
    async settles(what: string) {
      let last = { drawn: [] as string[], reference: [] as string[] };
      try {
        await waitFor(
          async () => {
            // The reference instance writes each frame whole: its last write is the frame.
            const frames = full.terminal.writes.filter((w) => w.includes('\n'));
            const frame = (frames.at(-1) ?? '').replace(/^(?:\x1b\[2K|\x1b\[1A|\x1b\[G)*/, '');
            const reference = await fullRedraw(frame, drawn.terminal.columns, drawn.terminal.rows);
            last = { drawn: await drawn.terminal.screen(), reference };
            return last.drawn.join('\n') === last.reference.join('\n');
          },
          { what, timeoutMs: 10_000 },
        );
      } catch (error) {
        const diff = last.drawn.map((row, y) => (row === last.reference[y] ? null : `row ${y}:\n  drawn     ${row}\n  full      ${last.reference[y]}`)).filter(Boolean);
        assert.fail(`${what}: the incrementally drawn screen differs from a full redraw\n${diff.join('\n')}\n${String(error)}`);
      }
    },
    bytes: () => drawn.terminal.writes.join('').length,
    fullBytes: () => full.terminal.writes.join('').length,
    stop() {
      drawn.instance.unmount();
      full.instance.unmount();
    },
  };
}

test('incremental frames leave the screen as a full redraw would: logs, zoom, dialog, help, resize', async () => {
  const ui = startConsoles(120, 40);
  const { store } = ui;
  try {
    store.getState().setIncident({ id: 'INC-7', title: 'Checkout 5xx — 支払い失敗', severity: 'P1', operator: 'ana@bastion' });
    await ui.settles('first frame');

    const ingest = new LogIngest(5000);
    ingest.addSource(0);
    ingest.addSource(1);
    const sources = [0, 1].map((id) => ({
      id, tag: id === 0 ? 'api' : 'worker', kind: 'file' as const, state: 'following' as const, linesTotal: 0, lastMinuteTotal: 0,
      errorsTotal: 0, warnsTotal: 0, errorsLastMinute: 0, warnsLastMinute: 0, errorEpisode: false, staleSince: null, repeatsDropped: 0,
    }));
    const flush = () => store.getState().logsFlushed({ ring: ingest.ring, total: ingest.ring.total, sources, sourceErrors: [] });
    const levels = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
    let n = 0;
    const addLines = (count: number) => {
      for (let i = 0; i < count; i++, n++) {
        // Lines of varying length, wide characters among them, so rows shrink, grow and shift.
        const text = n % 3 === 0 ? `${levels[n % 4]} 请求 ${n} 处理完毕 ✓` : `${levels[n % 4]} request ${n} ${'x'.repeat((n * 7) % 90)}`;
        ingest.acceptLine(n % 2, text);
      }
      flush();
    };
    for (let step = 0; step < 6; step++) {
      addLines(1 + step * 3);
      await ui.settles(`log lines, step ${step}`);
    }

    ui.press('2');
    await ui.settles('focus on logs');
    ui.press('z');
    await ui.settles('logs zoomed');
    addLines(5);
    await ui.settles('zoomed logs scrolling');
    ui.press('z');
    await ui.settles('zoom off');

    const answer = askConfirm(store, { title: 'Restart checkout-api?', lines: ['runs: systemctl restart checkout-api', 'on: web-1, web-2'] });
    await ui.settles('dialog open');
    ui.press('n');
    assert.equal(await answer, false);
    await ui.settles('dialog closed');

    ui.press('?');
    await ui.settles('help open');
    ui.press('\x1b');
    await ui.settles('help closed');

    ui.resize(80, 24);
    await ui.settles('resized to 80x24');
    addLines(3);
    await ui.settles('80x24, logs scrolling');
    ui.resize(140, 45);
    await ui.settles('resized to 140x45');
    ui.resize(139, 45);
    await ui.settles('one column narrower');

    // The point of it: far fewer bytes than drawing every frame in full. With rows that move
    // together scrolled by the terminal (scroll regions) this script measures 0.38-0.41 of the
    // full redraw (it was 0.50-0.52 before); B11 tracks the cost on the real console (issue #22).
    assert.ok(ui.bytes() < ui.fullBytes() * 0.5, `incremental ${ui.bytes()} bytes against full ${ui.fullBytes()}`);
  } finally {
    ui.stop();
  }
});
