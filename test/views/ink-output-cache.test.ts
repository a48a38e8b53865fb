// Ink's Output (patches/ink+6.8.0.patch) keeps rows across frames: a row whose writes are those
// of the previous frame keeps its cells and text, wherever it was (a log line that scrolled up),
// lines of plain text and colour codes get their cells without Ink's token objects, other lines
// are tokenized piece by piece between their colour codes (pieces are kept), and a row's
// text is written without asking for codes between cells that share their styles. None of this
// may change what is drawn: here random frames, made to repeat and move rows, are drawn by the
// patched Output one after another and by a plain copy of Ink's own algorithm (no cache), and
// every frame's text and cells must be the same. The scroll plan, which now looks for a shift
// only where whole rows moved, is checked on the frames it must and must not plan for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';

const inkBuild = new URL('.', import.meta.resolve('ink')).href;

interface Write { x: number; y: number; text: string }
interface Clip { x1: number; x2: number; y1: number; y2: number }
type Op = { type: 'write'; write: Write } | { type: 'clip'; clip: Clip } | { type: 'unclip' };
interface Grid { width: number; rows: StyledChar[][]; lines: string[] }
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): { output: string; height: number; grid: Grid };
}
type OutputClass = new (options: { width: number; height: number }) => OutputLike;

const { default: Output, rowToString, plainStyledChars, piecedStyledChars } = (await import(`${inkBuild}output.js`)) as {
  default: OutputClass;
  rowToString: (row: (StyledChar | undefined)[]) => string;
  plainStyledChars: (line: string) => StyledChar[];
  piecedStyledChars: (line: string, tokensOf: (piece: string) => ReturnType<typeof tokenize>) => StyledChar[] | undefined;
};
const { planScroll } = (await import(`${inkBuild}scroll-plan.js`)) as {
  planScroll: (previous: Grid, next: Grid, diffRow: (a: StyledChar[], b: StyledChar[], width: number) => string) => { text: string } | undefined;
};
const { diffRow } = (await import(`${inkBuild}cell-diff.js`)) as { diffRow: (a: StyledChar[], b: StyledChar[], width: number) => string };

/** Upstream Ink 6.8's Output.get, uncached: a grid of blank cells, each write's characters laid in, each row stringified. */
function referenceFrame(width: number, height: number, ops: Op[]): { output: string; rows: StyledChar[][] } {
  const grid: StyledChar[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ({ type: 'char', value: ' ', fullWidth: false, styles: [] }) as StyledChar));
  const clips: Clip[] = [];
  for (const op of ops) {
    if (op.type === 'clip') clips.push(op.clip);
    if (op.type === 'unclip') clips.pop();
    if (op.type !== 'write') continue;
    let { x, y } = op.write;
    let lines = op.write.text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const widest = Math.max(...lines.map((line) => stringWidth(line)));
      if (x + widest < clip.x1 || x > clip.x2) continue;
      if (y + lines.length < clip.y1 || y > clip.y2) continue;
      lines = lines.map((line) => {
        const from = x < clip.x1 ? clip.x1 - x : 0;
        const w = stringWidth(line);
        const to = x + w > clip.x2 ? clip.x2 - x : w;
        // As patched before this cache (ink-patch.test.tsx): a line inside the clip is kept whole.
        return from === 0 && to === w ? line : sliceAnsi(line, from, to);
      });
      if (x < clip.x1) x = clip.x1;
      const from = y < clip.y1 ? clip.y1 - y : 0;
      const to = y + lines.length > clip.y2 ? clip.y2 - y : lines.length;
      lines = lines.slice(from, to);
      if (y < clip.y1) y = clip.y1;
    }
    lines.forEach((line, index) => {
      const row = grid[y + index];
      if (!row) return;
      let offsetX = x;
      for (const character of styledCharsFromTokens(tokenize(line))) {
        row[offsetX] = character;
        const characterWidth = Math.max(1, stringWidth(character.value));
        for (let k = 1; k < characterWidth; k++) row[offsetX + k] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        offsetX += characterWidth;
      }
    });
  }
  // The patch draws nothing past the width (a wide character whose second column would be past it is left out).
  for (const row of grid) {
    if (row.length > width) {
      if (row[width]?.value === '' && width > 0) row[width - 1] = { type: 'char', value: ' ', fullWidth: false, styles: [] };
      row.length = width;
    }
  }
  return { output: grid.map((row) => styledCharsToString(row.filter((c) => c !== undefined)).trimEnd()).join('\n'), rows: grid };
}

/** A cell as text and its style codes, for comparing grids made by different code. */
const cellKey = (cell: StyledChar | undefined) => (cell === undefined ? '∅' : `${cell.value}|${cell.styles.map((s) => s.code).join('')}`);

const SGR = ['\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[38;5;130m', '\x1b[1;4;32m', '\x1b[0m', '\x1b[m', '\x1b[48;2;10;20;30m', '\x1b[49m', '\x1b[7m'];
/** Styled text: ASCII, colour codes, and now and then wide, combining or box-drawing characters. */
const styledText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.string({ unit: fc.constantFrom(...'abc xyz0123-:.'.split('')), maxLength: 8 }) }, { weight: 3, arbitrary: fc.constantFrom(...SGR) }, { weight: 1, arbitrary: fc.constantFrom('漢字', 'e\u0301', '│', '▁▂▃', '●') }), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** A frame: a list of lines (a log pane) shifted by some rows, beside writes of a side column, inside clips now and then. */
const frames = fc.record({
  width: fc.integer({ min: 8, max: 40 }),
  height: fc.integer({ min: 3, max: 12 }),
  pool: fc.array(styledText, { minLength: 4, maxLength: 24 }),
  steps: fc.array(
    fc.record({
      shift: fc.integer({ min: 0, max: 4 }),
      logX: fc.integer({ min: 0, max: 12 }),
      side: fc.boolean(),
      sideText: styledText,
      clip: fc.option(fc.record({ x1: fc.integer({ min: 0, max: 6 }), w: fc.integer({ min: 2, max: 30 }), y1: fc.integer({ min: 0, max: 2 }), h: fc.integer({ min: 1, max: 12 }) }), { nil: undefined }),
      multiLine: fc.boolean(),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

test('Output draws every frame of a random sequence as uncached Ink does: text and cells', () => {
  fc.assert(
    fc.property(frames, ({ width, height, pool, steps }) => {
      let first = 0;
      for (const step of steps) {
        first += step.shift;
        const ops: Op[] = [];
        if (step.clip) ops.push({ type: 'clip', clip: { x1: step.clip.x1, x2: step.clip.x1 + step.clip.w, y1: step.clip.y1, y2: step.clip.y1 + step.clip.h } });
        const lines = Array.from({ length: height }, (_, i) => pool[(first + i) % pool.length]!);
        if (step.multiLine) ops.push({ type: 'write', write: { x: step.logX, y: 0, text: lines.join('\n') } });
        else lines.forEach((text, y) => ops.push({ type: 'write', write: { x: step.logX, y, text } }));
        if (step.clip) ops.push({ type: 'unclip' });
        if (step.side) ops.push({ type: 'write', write: { x: 0, y: first % height, text: step.sideText } });
        const output = new Output({ width, height });
        for (const op of ops) {
          if (op.type === 'write') output.write(op.write.x, op.write.y, op.write.text, { transformers: [] });
          else if (op.type === 'clip') output.clip(op.clip);
          else output.unclip();
        }
        const drawn = output.get();
        const reference = referenceFrame(width, height, ops);
        assert.equal(drawn.output, reference.output);
        assert.deepEqual(drawn.grid.lines, reference.output.split('\n'));
        assert.deepEqual(drawn.grid.rows.map((row) => Array.from(row, cellKey)), reference.rows.map((row) => Array.from(row, cellKey)));
      }
    }),
    { numRuns: 300 },
  );
});

test("a row's text is what styledCharsToString writes", () => {
  fc.assert(
    fc.property(fc.array(styledText, { maxLength: 6 }), fc.array(fc.boolean(), { maxLength: 40 }), (texts, holes) => {
      const row: (StyledChar | undefined)[] = texts.flatMap((text) => styledCharsFromTokens(tokenize(text)));
      // Ink's rows can have empty items (https://github.com/vadimdemedes/ink/pull/564).
      holes.forEach((hole, i) => hole && i < row.length && (row[i] = undefined));
      assert.equal(rowToString(row), styledCharsToString(row.filter((c): c is StyledChar => c !== undefined)));
    }),
    { numRuns: 500 },
  );
});

test('cells of plain text and colour codes are those of the tokenizer', () => {
  const plain = fc.array(fc.oneof(fc.string({ unit: fc.constantFrom(...' ~az09[;m'.split('')), maxLength: 10 }), fc.constantFrom(...SGR)), { maxLength: 10 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(plain, (line) => {
      assert.deepEqual(plainStyledChars(line), styledCharsFromTokens(tokenize(line)));
    }),
    { numRuns: 500 },
  );
});

test('cells of text between colour codes, tokenized piece by piece, are those of the tokenizer', () => {
  // Marks, joiners, emoji sequences, flags, wide text, and escapes other than colour codes.
  const hard = ['e\u0301', '\u0301', '\u200D', '\uFE0F', '👍🏽', '👩\u200D💻', '🇫🇷', '漢字', '✔', '▁▂', '│', '·', '\x9b31m', '\x1b]8;;http://x\x07', '\x1b[2K', '\x1b', '\t', '1\uFE0F\u20E3', '\u0600'];
  const text = fc.array(fc.oneof({ weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...'ab m;[0-'.split('')), maxLength: 5 }) }, { weight: 3, arbitrary: fc.constantFrom(...SGR) }, { weight: 3, arbitrary: fc.constantFrom(...hard) }), { maxLength: 10 }).map((parts) => parts.join(''));
  let pieced = 0;
  fc.assert(
    fc.property(text, (line) => {
      const cells = piecedStyledChars(line, (piece) => tokenize(piece));
      if (cells === undefined) return;
      pieced++;
      assert.deepEqual(cells, styledCharsFromTokens(tokenize(line)), JSON.stringify(line));
    }),
    { numRuns: 2000 },
  );
  assert.ok(pieced > 1000, `most lines were made piece by piece (${pieced})`);
});

/** A grid of plain rows, as Output makes them. */
function gridOf(width: number, texts: string[]): Grid {
  const output = new Output({ width, height: texts.length });
  texts.forEach((text, y) => output.write(0, y, text, { transformers: [] }));
  return output.get().grid;
}

test('the scroll plan moves rows that moved whole, and skips rows that moved only beside rows that stayed', () => {
  const width = 40;
  const log = (n: number) => `line ${n} ${'-'.repeat(n % 7)}`;
  const frame = (first: number, side: (y: number) => string) => Array.from({ length: 12 }, (_, y) => `${side(y).padEnd(20)}${log(first + y)}`);
  // A log pane beside blank rows: whole rows moved up by two.
  const blankSide = planScroll(gridOf(width, frame(0, () => '')), gridOf(width, frame(2, () => '')), diffRow);
  assert.ok(blankSide !== undefined && /\x1b\[\d+;\d+r/.test(blankSide.text), 'rows that moved whole are scrolled');
  // The same pane beside a board whose rows all differ and stay: no row moved whole.
  const board = (y: number) => `check-${y} UP ${y * 7}ms`;
  assert.equal(planScroll(gridOf(width, frame(0, board)), gridOf(width, frame(2, board)), diffRow), undefined);
});
