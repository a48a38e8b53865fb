// Colour as the operator sees it: `warroom demo` in tmux on several terminal types, the screen
// read back with its styles (capture-pane -e). Found broken this way: no colour or style code at
// all on xterm-256color / tmux-256color (chalk counted the CI=0 the views were loaded with as a
// CI run), the metrics selection invisible, NO_COLOR looking exactly like the default.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();

/** The style of one cell, as the last SGR codes before it left it. */
interface CellStyle {
  fg: string | null;
  bg: string | null;
  bold: boolean;
  dim: boolean;
  inverse: boolean;
}

/** One screen line as characters with their styles. */
type StyledLine = Array<{ char: string; style: CellStyle }>;

/** Applies one SGR sequence's parameters to `style`. */
function applySgr(style: CellStyle, params: number[]): void {
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) Object.assign(style, { fg: null, bg: null, bold: false, dim: false, inverse: false });
    else if (p === 1) style.bold = true;
    else if (p === 2) style.dim = true;
    else if (p === 22) Object.assign(style, { bold: false, dim: false });
    else if (p === 7) style.inverse = true;
    else if (p === 27) style.inverse = false;
    else if ((p >= 30 && p <= 37) || (p >= 90 && p <= 97)) style.fg = String(p);
    else if (p === 39) style.fg = null;
    else if ((p >= 40 && p <= 47) || (p >= 100 && p <= 107)) style.bg = String(p);
    else if (p === 49) style.bg = null;
    else if (p === 38 || p === 48) {
      const width = params[i + 1] === 5 ? 2 : 4;
      const value = `${p};${params.slice(i + 1, i + 1 + width).join(';')}`;
      if (p === 38) style.fg = value;
      else style.bg = value;
      i += width;
    }
  }
}

/** Parses `capture-pane -e -p` output into styled lines (tmux carries styles across lines). */
function styledLines(capture: string): StyledLine[] {
  const style: CellStyle = { fg: null, bg: null, bold: false, dim: false, inverse: false };
  return capture.replace(/\n$/, '').split('\n').map((line) => {
    const cells: StyledLine = [];
    for (const match of line.matchAll(/\x1b\[([0-9;]*)m|([^\x1b])/gu)) {
      if (match[2] !== undefined) cells.push({ char: match[2], style: { ...style } });
      else applySgr(style, (match[1] || '0').split(';').map(Number));
    }
    return cells;
  });
}

/** The cells of the first line containing `text`, from where it starts. */
function cellsAt(lines: StyledLine[], text: string): StyledLine {
  for (const line of lines) {
    const plain = line.map((c) => c.char).join('');
    const at = plain.indexOf(text);
    if (at >= 0) return line.slice([...plain.slice(0, at)].length);
  }
  throw new Error(`"${text}" is not on screen`);
}

/** Every foreground/background colour code on the screen. */
function colourCodes(capture: string): string[] {
  const codes: string[] = [];
  for (const line of styledLines(capture)) for (const { style } of line) for (const c of [style.fg, style.bg]) if (c) codes.push(c);
  return codes;
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
      const capture = tmux.screen(true);
      const lines = styledLines(capture);
      const codes = colourCodes(capture);

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
      const up = cellsAt(lines, '✔ UP')[2]!.style;
      if (colours === 'none') assert.equal(up.fg, null);
      else assert.notEqual(up.fg, null, 'UP is coloured');

      // The metrics selection (the issue: invisible) is inverse, with and without colour; the
      // rows around it are not.
      const metricsRow = lines.find((line) => line.map((c) => c.char).join('').includes('checkout 5xx/s'))!;
      assert.ok(metricsRow.map((c) => c.char).join('').match(/[║│]›/), 'the first panel is the selected one');
      const titleStart = metricsRow.map((c) => c.char).join('').indexOf('checkout 5xx/s');
      assert.equal(metricsRow[titleStart]!.style.inverse, true, 'the selected panel is drawn inverse');
      const other = cellsAt(lines, 'checkout p95');
      assert.equal(other[0]!.style.inverse, false, 'the next panel is not');

      // Focus without colour: ▶ and a double rule on the focused pane, single rules elsewhere;
      // with colour the focused frame's colour differs too.
      const plain = lines.map((line) => line.map((c) => c.char).join(''));
      assert.equal(plain.filter((l) => l.includes('╔═▶')).length, 1, 'one focused pane');
      assert.ok(plain.some((l) => l.includes('┌─ 1 Status')), 'the status pane is drawn unfocused');
      const focusedRule = cellsAt(lines, '╔═▶3')[0]!.style;
      const otherRule = cellsAt(lines, '┌─ 1 Status')[0]!.style;
      assert.equal(focusedRule.bold, true, 'the focused title is bold');
      if (colours !== 'none') assert.notEqual(focusedRule.fg, otherRule.fg, 'focused and other frames differ in colour');
      else assert.equal(otherRule.dim, true, 'other frames are dim');
      tmux.send('q');
    } finally {
      tmux.kill();
    }
  });
}
