// Rows that moved together between two frames (a log pane's when lines arrive, a list scrolled
// back) are moved by the terminal with a scroll region instead of being redrawn
// (patches/ink+6.8.0.patch, scroll-plan.js). A region spans the whole width, so the rows beside
// the moving pane move too and must come out right. Here a two-column screen like the console's
// (a board with blank rows beside a log pane, colour on, wide characters), and the console's wide
// shape (two columns above a log pane across the full width, whose regions must stay inside it),
// goes through frames
// whose log pane moves up by one to several lines and back down, drawn by Ink with the console's
// render options and through its frame guard (which drops escapes other than CSI); the bytes are
// played into tmux, and its screen, styles included (capture-pane -e), must equal a fresh full
// draw of the last frame played into another pane.
//
// Ink and chalk read the environment once, when first loaded: colour is forced first.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TmuxSession, tmuxMissing } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

Object.assign(process.env, { CI: '0', CONTINUOUS_INTEGRATION: '0', FORCE_COLOR: '2' });
const React = (await import('react')).default;
const { Box, Text, render } = await import('ink');
const { consoleRenderOptions } = await import('../../views/console.js');
const { guardedStream } = await import('../../src/text/frame-guard.js');

const missing = tmuxMissing();
const ALT_SCREEN = '\x1b[?1049h\x1b[H';
const SCROLL_REGION = /\x1b\[\d+;\d+r/g;

/** A terminal as Ink sees it, recording what is written. */
class RecordingTerminal extends EventEmitter {
  readonly isTTY = true;
  written = ALT_SCREEN;
  writes = 0;
  constructor(readonly columns: number, readonly rows: number) {
    super();
  }
  write(chunk: string | Uint8Array, callback?: () => void): boolean {
    this.written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.writes++;
    callback?.();
    return true;
  }
}

const LEVELS = [['ERROR', 'red'], ['WARN', 'yellow'], ['INFO', 'green'], ['DEBUG', 'gray']] as const;

/** Log line `n`: a dim time, a coloured level, a message of swinging length, wide text now and then. */
function LogLine({ n }: { n: number }) {
  const [level, colour] = LEVELS[(n * 3) % LEVELS.length]!;
  const message = n % 4 === 0 ? `決済 失敗 ${n}` : `request ${n} ${'-'.repeat((n * 7) % 30)}`;
  return (
    <Text wrap="truncate">
      <Text dimColor>12:00:{String(n % 60).padStart(2, '0')}</Text> <Text color={colour}>{level.padEnd(5)}</Text> {message}
    </Text>
  );
}

/** Rows above the log band in the wide shape (the console's columns of panes above the logs). */
const ABOVE = 14;

/** The log pane's rows inside its border, in either shape. */
function paneRowsOf(rows: number, band: boolean): number {
  return band ? rows - 4 - ABOVE : rows - 4;
}

/** The board and the runbook: a board with two rows and blank ones, a section of three lines. */
function Side({ height }: { height: number }) {
  return (
    <>
      <Box borderStyle="double" borderColor="blue" flexDirection="column" height={height - 6}>
        <Text bold>Board</Text>
        <Text color="green">✔ api UP</Text>
      </Box>
      <Box borderStyle="single" flexDirection="column" height={6}>
        <Text>§ 1 Look at the logs</Text>
        <Text color="magenta">› restart the worker</Text>
        <Text dimColor>then watch the errors fall</Text>
      </Box>
    </>
  );
}

/**
 * Two columns, a bordered log pane showing lines from `first` on the right; or (`band`, the
 * console's wide layout) two columns of panes above the log pane spanning the full width.
 */
function Screen({ columns, rows, total, first, band = false }: { columns: number; rows: number; total: number; first: number; band?: boolean }) {
  const paneRows = paneRowsOf(rows, band);
  const shown = Array.from({ length: Math.max(0, Math.min(paneRows, total - first)) }, (_, i) => first + i);
  const half = Math.floor(columns / 2);
  const logs = (width: number, height: number) => (
    <Box borderStyle="single" borderColor="yellow" flexDirection="column" width={width} height={height}>
      {shown.map((n) => <LogLine key={n} n={n} />)}
    </Box>
  );
  return (
    <Box flexDirection="column" width={columns} height={rows - 1}>
      <Text color="cyan" wrap="truncate">Scroll drill · {total} lines · from {first}</Text>
      {band ? (
        <>
          <Box height={ABOVE}>
            <Box flexDirection="column" width={half} height={ABOVE}>
              <Side height={ABOVE} />
            </Box>
            <Box borderStyle="single" flexDirection="column" width={columns - half} height={ABOVE}>
              <Text color="magenta">checkout 5xx/s ▁▂▃▅▇</Text>
            </Box>
          </Box>
          {logs(columns, rows - 2 - ABOVE)}
        </>
      ) : (
        <Box>
          <Box flexDirection="column" width={half} height={rows - 2}>
            <Side height={rows - 2} />
          </Box>
          {logs(columns - half, rows - 2)}
        </Box>
      )}
    </Box>
  );
}

/** Draws every state in turn (each its own frame) the way the console renders; returns the bytes. */
async function drawStates(columns: number, rows: number, states: { total: number; first: number }[], band: boolean): Promise<string> {
  const terminal = new RecordingTerminal(columns, rows);
  const instance = render(<Screen columns={columns} rows={rows} band={band} {...states[0]!} />, {
    ...consoleRenderOptions(1000), stdout: guardedStream(terminal) as never, stderr: terminal as never,
  });
  try {
    for (const state of states.slice(1)) {
      const before = terminal.writes;
      instance.rerender(<Screen columns={columns} rows={rows} band={band} {...state} />);
      await waitFor(() => terminal.writes > before, { what: `the frame for ${JSON.stringify(state)} (${terminal.writes} writes, ${JSON.stringify(terminal.written.slice(-300))})`, timeoutMs: 10_000, intervalMs: 5 });
    }
  } finally {
    instance.unmount();
  }
  return terminal.written;
}

/** What tmux shows, styles included, after `bytes` were written to a fresh pane of this size. */
async function played(bytes: string, columns: number, rows: number, dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const tmux = TmuxSession.start(`cat ${file}; touch ${file}.done; sleep 600`, { columns, rows, cwd: dir, env: { TERM: 'xterm-256color' } });
  try {
    await waitFor(() => existsSync(`${file}.done`), { what: `${name} played`, timeoutMs: 30_000 });
    const screen = tmux.styledScreen().split('\n');
    // The frame's rows (the cursor rests on the row below it).
    return screen.slice(0, rows - 1).join('\n');
  } finally {
    tmux.kill();
  }
}

/** Lines arriving one, two, three at a time (the pane follows the newest), then the pane scrolled back and forward. */
function script(paneRows: number): { total: number; first: number }[] {
  const states: { total: number; first: number }[] = [];
  let total = paneRows - 4;
  const follow = () => states.push({ total, first: Math.max(0, total - paneRows) });
  follow();
  for (const step of [1, 1, 1, 1, 1, 2, 2, 1, 3, 3, 1, 2, 5, 1, 1]) {
    total += step;
    follow();
  }
  let first = Math.max(0, total - paneRows);
  for (const step of [1, 1, 2, 3, 1]) {
    first -= step;
    states.push({ total, first });
  }
  for (const step of [1, 2, 1]) {
    first += step;
    states.push({ total, first });
  }
  return states;
}

for (const [columns, rows, band] of [[100, 30, false], [80, 24, false], [160, 48, true]] as const) {
  const shape = band ? 'the logs across the full width below two columns' : 'the logs beside the board';
  test(`${columns}x${rows}, ${shape}: frames drawn with scroll regions leave tmux showing what a full draw shows`, { skip: missing ?? false, timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-scroll-'));
    const states = script(paneRowsOf(rows, band));
    const incremental = await drawStates(columns, rows, states, band);
    // The last state alone: a first frame is always drawn in full.
    const full = await drawStates(columns, rows, [states.at(-1)!], band);

    const regions = incremental.match(SCROLL_REGION) ?? [];
    assert.ok(regions.length >= 10, `scroll regions were used (${regions.length}): the comparison covers them`);
    assert.match(incremental, /\x1b\[\d+T/, 'a region was scrolled down (SD) when the pane went back');
    assert.doesNotMatch(full, SCROLL_REGION, 'the reference is drawn without scroll regions');
    assert.match(full, /\x1b\[3\dm/, 'colour is on: the comparison covers styles');
    if (band) {
      // The band's lines move alone: every region starts below the columns (title row, ABOVE
      // rows, the band's top border), so the panes above are never scrolled and repaired.
      const tops = regions.map((region) => Number(/\[(\d+);/.exec(region)![1]));
      assert.ok(tops.every((top) => top > ABOVE + 2), `regions start inside the band (rows ${[...new Set(tops)].join(', ')})`);
    }

    const drawn = await played(incremental, columns, rows, dir, 'incremental');
    const reference = await played(full, columns, rows, dir, 'full');
    const a = drawn.split('\n');
    const b = reference.split('\n');
    const differing = a.map((row, y) => (row === b[y] ? -1 : y)).filter((y) => y >= 0);
    assert.deepEqual(differing, [], `rows differ from a full draw:\n--- drawn ---\n${drawn}\n--- full ---\n${reference}`);
    assert.ok(reference.includes('Scroll drill'), 'the reference screen was captured');
  });
}
