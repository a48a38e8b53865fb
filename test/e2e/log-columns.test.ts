// The logs pane as the bridge reads it, in a real terminal (tmux), the way issue #17 found it:
// JSON, logfmt and timestamped text lines in columns (short time, level, source, message) instead
// of the raw line whose ISO timestamp filled the row; a JSON object after a timestamp prefix
// counted as the error it is (the level filter and `E` find it); Enter shows every field; the
// filter's matches stand out in colour and without it (NO_COLOR). Keys go several to one write.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KEY_BYTES, styledRows, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

const LINES = [
  '2026-12-03T08:12:26.810Z DEBUG [checkout-api] cache warmed for the spring sale entries=42',
  '{"time":"2026-12-03T08:12:27.120Z","level":"info","service":"checkout-api","msg":"order placed","order":"o-1701","total_cents":4599}',
  'time=2026-12-03T08:12:28.400Z level=warn logger=pool msg="slow query" dur=812ms',
  '2026-12-03T08:12:29.001Z {"level":"error","msg":"queue full","queue":"payments","depth":1000}',
  '2026-12-03T08:12:30.500Z INFO [checkout-api] health ok',
];

function start(columns: number, rows: number, env: Record<string, string> = {}): TmuxSession {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-log-columns-'));
  writeFileSync(join(dir, 'app.log'), `${LINES.join('\n')}\n`);
  writeFileSync(join(dir, 'warroom.yaml'), [
    'incident:',
    '  title: Log columns',
    'services:',
    '  - name: checkout-api',
    '    checks:',
    '      - tcp: 127.0.0.1:1',
    '        interval: 5s',
    '    logs:',
    `      - file: ${join(dir, 'app.log')}`,
    '        lines: 100',
    '',
  ].join('\n'));
  // TZ fixes "local time" so the short times can be read back.
  return TmuxSession.start(warroomShellLine('open --as columns'), { columns, rows, cwd: dir, env: { HOME: dir, TZ: 'UTC', ...env } });
}

/** The screen row holding `text`. */
function rowWith(screen: string, text: string): string {
  return screen.split('\n').find((row) => row.includes(text)) ?? '';
}

/** The SGR codes on each cell of `text` where it first shows on the styled screen. */
function cellStyles(styled: string, text: string): string[][] {
  for (const row of styledRows(styled)) {
    const plain = row.map((cell) => cell.char).join('');
    const at = plain.indexOf(text);
    if (at >= 0) return row.slice(at, at + text.length).map((cell) => cell.sgr);
  }
  return [];
}

test('120x40: structured lines in columns, the prefixed JSON error found by l and E, Enter shows its fields, matches highlighted', { skip: missing ?? false }, async () => {
  const tmux = start(120, 40);
  try {
    let screen = await tmux.waitForScreen((s) => s.includes('health ok') && s.includes('queue full'), 'the log lines');
    // Columns: short time, source, level letter, message first (the row once ended in the timestamp).
    assert.match(rowWith(screen, 'cache warmed'), /08:12:26 checkout-api D cache warmed/, screen);
    assert.match(rowWith(screen, 'order placed'), /08:12:27 checkout-api I order placed {2}order=o-1701/, screen);
    assert.match(rowWith(screen, 'slow query'), /08:12:28 checkout-api W \[pool\] slow query {2}dur=812ms/, screen);
    assert.match(rowWith(screen, 'queue full'), /08:12:29 checkout-api E queue full/, screen);
    assert.doesNotMatch(screen, /2026-12-03T08:12/, 'no ISO timestamp repeated in the rows');

    // Focus the logs and raise the minimum level to errors in one write: the prefixed JSON error stays.
    tmux.writeRaw('2llll');
    screen = await tmux.waitForScreen((s) => s.includes('≥error') && !s.includes('health ok'), 'errors only');
    assert.ok(screen.includes('queue full'), `the JSON error after a timestamp is an error:\n${screen}`);
    // Back to every level, then E selects the previous error: that line.
    tmux.writeRaw('lE');
    screen = await tmux.waitForScreen((s) => /›08:12:29 checkout-api E queue full/.test(s), 'E on the queue full line');

    // Enter: every field of the selected line; Esc closes.
    tmux.writeRaw(KEY_BYTES.enter);
    screen = await tmux.waitForScreen((s) => s.includes('line details') && /depth\s+1000/.test(s), 'the line details');
    assert.match(screen, /queue\s+payments/);
    assert.match(screen, /message\s+queue full/);
    tmux.writeRaw(`${KEY_BYTES.escape}G/payments${KEY_BYTES.enter}`);
    await tmux.waitForScreen((s) => s.includes('/payments/') && !s.includes('line details'), 'the filter applied');
    const styled = await tmux.waitForStyledScreen((s) => cellStyles(s, 'payments').length > 0, 'the match drawn');
    for (const sgr of cellStyles(styled, 'payments')) assert.ok(sgr.includes('7'), `every cell of the match is inverse: ${JSON.stringify(sgr)}`);
    assert.ok(!cellStyles(styled, 'queue full')[0]!.includes('7'), 'the rest of the row is not');
  } finally {
    tmux.kill();
  }
});

test('80x24 NO_COLOR: the short time fits, and a filter match is still marked (inverse, no colour)', { skip: missing ?? false }, async () => {
  const tmux = start(80, 24, { NO_COLOR: '1' });
  try {
    await tmux.waitForScreen((s) => s.includes('health ok'), 'the log lines');
    tmux.writeRaw(`2/order${KEY_BYTES.enter}`);
    const screen = await tmux.waitForScreen((s) => s.includes('/order/') && s.includes('order placed'), 'the filter applied');
    assert.match(rowWith(screen, 'order placed'), /08:12:27 checkout-api I order placed/, screen);
    const styled = tmux.styledScreen();
    const cells = cellStyles(styled, 'order placed');
    assert.ok(cells.slice(0, 5).every((sgr) => sgr.includes('7')), `the match is inverse: ${JSON.stringify(cells)}`);
    assert.ok(!cells[6]!.includes('7'), 'and only the match');
    assert.ok(!/\x1b\[[0-9;]*(?:3[0-7]|38;5;\d+)m/.test(styled), 'no colour under NO_COLOR');
  } finally {
    tmux.kill();
  }
});
