// Emoji that terminals draw at a width of their own, in a real terminal (tmux): a log line with a
// joined family, a flag sequence, a red heart with its variation selector, a skin-tone thumb and
// a keycap once pushed the logs pane's right border out of place (tmux 3.3 draws the heart in
// one column where string-width counts two, the thumb in four where it counts two, and a row cut
// inside the family left half a sequence). Every pane row must end on its border, at the last
// column, whatever the data holds; the incident title and a runbook step carry the same emoji.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

const EMOJI = 'family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 heart ❤️ thumb 👍🏽 keycap 1️⃣ coder 👨‍💻 warn ⚠️';

const LINES = [
  `first ${EMOJI} end`,
  // Long enough to be cut inside the emoji at 100 columns, wherever the columns fall.
  `${'x'.repeat(40)} ${EMOJI} ${EMOJI} ${EMOJI} tail`,
  `last plain line`,
];

/** Columns a row takes in a terminal that draws each code point on its own (tmux, unjoined). */
function drawnWidth(row: string): number {
  let width = 0;
  for (const char of row) width += stringWidth(char);
  return width;
}

const BOX_START = /^[│║┌╔└╚]/;
const BOX_END = /[│║┐╗┘╝]$/;

for (const [columns, rows] of [[100, 32], [80, 24]] as const) {
  test(`${columns}x${rows}: emoji in a log line, the title and a runbook step keep every border in its column`, { skip: missing ?? false }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warroom-emoji-'));
    writeFileSync(join(dir, 'app.log'), `${LINES.join('\n')}\n`);
    writeFileSync(join(dir, 'emoji.md'), [
      `# Emoji drill ❤️`,
      '',
      '## Steps',
      '',
      `1. Check the ${EMOJI} service and say so`,
      '',
      '   ```sh',
      '   true',
      '   ```',
      '',
    ].join('\n'));
    writeFileSync(join(dir, 'warroom.yaml'), [
      'incident:',
      `  title: Emoji ${EMOJI}`,
      '  runbook: emoji.md',
      'services:',
      '  - name: api',
      '    checks:',
      '      - tcp: 127.0.0.1:1',
      '        interval: 5s',
      '    logs:',
      `      - file: ${join(dir, 'app.log')}`,
      '',
    ].join('\n'));
    const tmux = TmuxSession.start(warroomShellLine('open --as emoji'), { columns, rows, cwd: dir, env: { HOME: dir } });
    try {
      const screen = await tmux.waitForScreen((s) => s.includes('last plain line') && s.includes('👍'), 'the log lines');
      // The emoji are on screen, drawn one by one (no joiner reaches the terminal).
      assert.ok(screen.includes('👍'), screen);
      assert.doesNotMatch(screen, /[\u200d\ufe0f\u20e3]|\ud83c[\udffb-\udfff]/, 'no joiner or modifier reaches the terminal');
      const boxRows = screen.split('\n').filter((row) => BOX_START.test(row));
      assert.ok(boxRows.length >= 10, screen);
      for (const row of boxRows) {
        assert.match(row, BOX_END, `a row that leaves its border:\n${row}\n\n${screen}`);
        assert.equal(drawnWidth(row), columns, `a row of the wrong width:\n${row}\n\n${screen}`);
      }
    } finally {
      tmux.kill();
    }
  });
}
