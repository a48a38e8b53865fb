// The tmux helper itself, against a small program that prints each read it gets from the
// terminal in hex: a raw write arrives as ONE read with its bytes exactly as written, a paste is
// bracketed once the program asks for it (and plain before), and the styled screen carries the
// program's SGR codes per cell.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KEY_BYTES, stylesOf, styledRows, TmuxSession, tmuxMissing } from '../helpers/tmux.js';

const missing = tmuxMissing();
const dir = mkdtempSync(join(tmpdir(), 'warroom-tmux-helper-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Raw mode so the terminal hands every byte over as it comes; `b` turns bracketed paste on,
// `s` draws styled text; each read is printed as `read <hex>`.
const program = join(dir, 'reads.mjs');
writeFileSync(
  program,
  `process.stdin.setRawMode(true);
process.stdout.write('ready\\r\\n');
process.stdin.on('data', (data) => {
  process.stdout.write('read ' + data.toString('hex') + '\\r\\n');
  if (data.toString() === 'b') process.stdout.write('\\x1b[?2004h');
  if (data.toString() === 's') process.stdout.write('plain \\x1b[7minverse\\x1b[27m \\x1b[1;38;5;196mred\\x1b[0m\\r\\n');
});
`,
);

function start(): TmuxSession {
  return TmuxSession.start(`${process.execPath} ${program}; sleep 60`, { columns: 80, rows: 24 });
}

const hex = (text: string) => Buffer.from(text).toString('hex');

test('writeRaw delivers several keys in one read, byte for byte', { skip: missing ?? false }, async () => {
  const tmux = start();
  try {
    await tmux.waitForScreen((s) => s.includes('ready'), 'the program');
    const keys = `abc${KEY_BYTES.backspace.repeat(3)}ok${KEY_BYTES.left}\n${KEY_BYTES.ctrl('u')}${KEY_BYTES.enter}`;
    tmux.writeRaw(keys);
    const screen = await tmux.waitForScreen((s) => s.includes('read '), 'the read');
    assert.deepEqual(screen.split('\n').filter((l) => l.startsWith('read ')), [`read ${hex(keys)}`]);
  } finally {
    tmux.kill();
  }
});

test('paste is plain until the program asks for bracketed paste, then bracketed', { skip: missing ?? false }, async () => {
  const tmux = start();
  try {
    await tmux.waitForScreen((s) => s.includes('ready'), 'the program');
    tmux.paste('one\ntwo');
    await tmux.waitForScreen((s) => s.includes(`read ${hex('one\rtwo')}`), 'a plain paste (line feed sent as CR)');
    tmux.send('b');
    await tmux.waitForScreen((s) => s.includes(`read ${hex('b')}`), 'bracketed paste turned on');
    tmux.paste('one\ntwo');
    await tmux.waitForScreen((s) => s.includes(`read ${hex('\x1b[200~one\rtwo\x1b[201~')}`), 'a bracketed paste');
  } finally {
    tmux.kill();
  }
});

test('the styled screen gives each cell its SGR codes; the plain one has none', { skip: missing ?? false }, async () => {
  const tmux = start();
  try {
    await tmux.waitForScreen((s) => s.includes('ready'), 'the program');
    tmux.send('s');
    const styled = await tmux.waitForStyledScreen((s) => s.includes('red'), 'the styled line');
    assert.deepEqual(stylesOf(styled, 'plain'), [[]]);
    assert.deepEqual(stylesOf(styled, 'inverse'), [['7']]);
    const [red] = stylesOf(styled, 'red');
    assert.ok(red?.includes('1') && red.some((code) => /^38;5;196$/.test(code)), `bold red, got ${JSON.stringify(red)}`);
    const row = styledRows(styled).find((cells) => cells.map((c) => c.char).join('').startsWith('plain'))!;
    assert.equal(row.map((c) => c.char).join('').trimEnd(), 'plain inverse red');
    assert.ok(!tmux.screen().includes('\x1b['), 'screen() without styles has no escapes');
    // Three lines written (ready, the read, the styled line): the cursor waits at the start of the fourth.
    assert.deepEqual(tmux.cursor(), { x: 0, y: 3, visible: true });
  } finally {
    tmux.kill();
  }
});
