// Colour as the operator sees it: `warroom demo` in tmux on several terminal types, the screen
// read back with its styles (capture-pane -e). Found broken this way: no colour or style code at
// all on xterm-256color / tmux-256color (chalk counted the CI=0 the views were loaded with as a
// CI run), the metrics selection invisible, NO_COLOR looking exactly like the default.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { styledRows, TmuxSession, tmuxMissing, warroomShellLine, type StyledCell } from '../helpers/tmux.js';

const missing = tmuxMissing();

/** A cell's style, from its SGR codes. */
function styleOf(cell: StyledCell): { fg: string | null; bg: string | null; bold: boolean; dim: boolean; inverse: boolean } {
  return {
    fg: cell.sgr.find((c) => /^(3[0-7]|9[0-7]|38;.*)$/.test(c)) ?? null,
    bg: cell.sgr.find((c) => /^(4[0-7]|10[0-7]|48;.*)$/.test(c)) ?? null,
    bold: cell.sgr.includes('1'),
    dim: cell.sgr.includes('2'),
    inverse: cell.sgr.includes('7'),
  };
}

/** The cells of the first line containing `text`, from where it starts. */
function cellsAt(lines: StyledCell[][], text: string): StyledCell[] {
  for (const line of lines) {
    const plain = line.map((c) => c.char).join('');
    const at = plain.indexOf(text);
    if (at >= 0) return line.slice([...plain.slice(0, at)].length);
  }
  throw new Error(`"${text}" is not on screen`);
}

/** Every foreground/background colour code on the screen. */
function colourCodes(lines: StyledCell[][]): string[] {
  return lines.flatMap((line) => line.flatMap((cell) => [styleOf(cell).fg, styleOf(cell).bg].filter((c): c is string => c !== null)));
}

interface Case {
  name: string;
  env: Record<string, string>;
  colours: 'ansi256' | 'basic' | 'none';
}

const CASES: Case[] = [
  { name: 'TERM=xterm-256color', env: { TERM: 'xterm-256color' }, colours: 'ansi256' },
  { name: 'TERM=tmux-256color', env: { TERM: 'tmux-256color' }, colours: 'ansi256' },
  { name: 'TERM=xterm-256color with CI=true (a CI variable does not turn colour off)', env: { TERM: 'xterm-256color', CI: 'true' }, colours: 'ansi256' },
  { name: 'TERM=xterm (16 colours)', env: { TERM: 'xterm' }, colours: 'basic' },
  { name: 'TERM=screen (16 colours)', env: { TERM: 'screen' }, colours: 'basic' },
  { name: 'NO_COLOR=1', env: { TERM: 'xterm-256color', NO_COLOR: '1' }, colours: 'none' },
  { name: 'FORCE_COLOR=3 on TERM=xterm', env: { TERM: 'xterm', FORCE_COLOR: '3' }, colours: 'ansi256' },
];

for (const { name, env, colours } of CASES) {
  test(`colour on ${name}: states, focus and the metrics selection are drawn as designed`, { skip: missing ?? false }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'warroom-colour-'));
    const tmux = TmuxSession.start(warroomShellLine('demo'), { columns: 120, rows: 40, cwd, env });
    try {
      await tmux.waitForScreen((s) => /✔ UP/.test(s) && s.includes('checkout 5xx/s'), 'the console with checks and panels');
      tmux.send('3');
      await tmux.waitForScreen((s) => s.includes('▶3 Metrics') && /[║│]›/.test(s), 'the metrics pane focused');
      const lines = styledRows(tmux.styledScreen());
      const codes = colourCodes(lines);

      if (colours === 'ansi256') {
        assert.ok(codes.some((c) => c.startsWith('38;5;')), `256-colour shades drawn; codes seen: ${[...new Set(codes)].join(' ')}`);
      } else if (colours === 'basic') {
        assert.ok(codes.some((c) => /^3[0-7]$/.test(c)), `basic colours drawn; codes seen: ${[...new Set(codes)].join(' ')}`);
        assert.deepEqual(codes.filter((c) => c.startsWith('38;') || c.startsWith('48;')), [], 'only the 16 basic colours');
      } else {
        assert.deepEqual(codes, [], 'NO_COLOR: no colour code anywhere');
      }
      // Never white or black text: unreadable on one of the two backgrounds.
      assert.deepEqual(codes.filter((c) => ['30', '37', '90', '97', '38;5;0', '38;5;15', '38;5;16', '38;5;231'].includes(c)), [], 'no white or black text');

      // The state of a check: its word in the state's colour (or bold/plain without colour).
      const up = styleOf(cellsAt(lines, '✔ UP')[2]!);
      if (colours === 'none') assert.equal(up.fg, null);
      else assert.notEqual(up.fg, null, 'UP is coloured');

      // The metrics selection (the issue: invisible) is inverse, with and without colour; the
      // rows around it are not.
      const metricsRow = lines.find((line) => line.map((c) => c.char).join('').includes('checkout 5xx/s'))!;
      assert.ok(metricsRow.map((c) => c.char).join('').match(/[║│]›/), 'the first panel is the selected one');
      const titleStart = metricsRow.map((c) => c.char).join('').indexOf('checkout 5xx/s');
      assert.equal(styleOf(metricsRow[titleStart]!).inverse, true, 'the selected panel is drawn inverse');
      const other = cellsAt(lines, 'checkout p95');
      assert.equal(styleOf(other[0]!).inverse, false, 'the next panel is not');

      // Focus without colour: ▶ and a double rule on the focused pane, single rules elsewhere;
      // with colour the focused frame's colour differs too.
      const plain = lines.map((line) => line.map((c) => c.char).join(''));
      assert.equal(plain.filter((l) => l.includes('╔═▶')).length, 1, 'one focused pane');
      assert.ok(plain.some((l) => l.includes('┌─ 1 Status')), 'the status pane is drawn unfocused');
      const focusedRule = styleOf(cellsAt(lines, '╔═▶3')[0]!);
      const otherRule = styleOf(cellsAt(lines, '┌─ 1 Status')[0]!);
      assert.equal(focusedRule.bold, true, 'the focused title is bold');
      if (colours !== 'none') assert.notEqual(focusedRule.fg, otherRule.fg, 'focused and other frames differ in colour');
      else assert.equal(otherRule.dim, true, 'other frames are dim');
      tmux.send('q');
    } finally {
      tmux.kill();
    }
  });
}
