// How a column's rows are shared (views/layout.ts): what each slot needs first, the focused one
// its share, then one row at a time to the smallest that wants more; folding when rows run short.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLayout, shareColumn, type SlotNeed } from '../../views/layout.js';

const need = (slot: string, wants: number, least: number, priority: number): SlotNeed => ({ slot, wants, least, priority });
// The demo's panes at 80x24: five checks, a log stream, three panels, a runbook section of six rows.
const DEMO = [need('status', 7, 5, 4), need('logs', 1000, 4, 3), need('metrics', 3, 2, 1), need('runbook', 6, 3, 2)];

test('21 rows, the board focused: the board whole, the metrics folded, logs and runbook at least what is worth drawing', () => {
  assert.deepEqual(shareColumn(21, DEMO, 'status'), [9, 6, 1, 5]);
});

test('the focused pane grows and the lowest priority folds first', () => {
  const sizes = shareColumn(21, DEMO, 'logs');
  assert.ok(sizes[1]! >= 9, `logs focused: ${sizes}`);
  assert.equal(sizes[2], 1, 'metrics fold first');
  assert.equal(sizes.reduce((a, b) => a + b), 21);
});

test('a pane with little to show yields its rows: no slot gets more than it wants while another wants more', () => {
  const sizes = shareColumn(29, DEMO, 'status');
  assert.deepEqual(sizes.slice(0, 1), [9], 'the board gets its seven rows and frame, no blank rows');
  assert.equal(sizes[2], 5, 'the metrics their three panels');
  assert.equal(sizes.reduce((a, b) => a + b), 29);
  // Rows nobody wants go to the focused pane.
  assert.deepEqual(shareColumn(30, [need('a', 3, 2, 1), need('b', 4, 2, 1)], 'a'), [24, 6]);
});

test('rows left after folding open a folded slot if one row of it can show', () => {
  // 4 + 4 + 8 = 16 > 14 folds c; the 5 rows left once a and b are whole open it again (6 rows).
  const sizes = shareColumn(14, [need('a', 2, 2, 3), need('b', 2, 2, 2), need('c', 8, 6, 1)], 'a');
  assert.deepEqual(sizes, [4, 4, 6]);
});

test('a pane with only a notice stays folded while another pane wants its rows, and opens when none does', () => {
  const needs = [need('status', 17, 5, 4), need('logs', 2, 2, 3), need('metrics', 2, 2, 1), need('runbook', 2, 2, 2)].map((n, i) => (i > 0 ? { ...n, notice: true } : n));
  assert.deepEqual(shareColumn(21, needs, 'status'), [18, 1, 1, 1], 'the board whole; the notices on their title lines');
  assert.deepEqual(shareColumn(30, needs, 'status'), [19, 4, 4, 3], 'rows the board does not want open the notices, in registry order');
});

test('rows no content wants go to a slot that has more to show (extra), in registry order, when enough to draw it; then to the focused slot', () => {
  // The board, the panel list (its chart below as extra) and the runbook (its outline as extra) in
  // a 42-row column beside the logs: 16 rows nobody's content wants.
  const needs = [need('status', 7, 5, 4), { ...need('metrics', 5, 2, 1), extra: 8 }, { ...need('runbook', 8, 3, 2), extra: 21 }];
  assert.deepEqual(shareColumn(42, needs, 'status'), [9, 15, 18], 'the chart its 8 rows, the outline the other 8; none blank');
  assert.deepEqual(shareColumn(60, needs, 'status'), [14, 15, 31], 'both whole: the rows left go to the focused board');
  // Fewer rows left than an extra is worth drawing in (EXTRA_LEAST): the focused slot keeps them.
  assert.deepEqual(shareColumn(28, needs, 'status'), [11, 7, 10]);
  // ...unless a chart given its rows can draw taller: 120x40 with a suggestion line left the
  // outline two rows it could not use, and the board showed them blank.
  const chart = needs.map((n) => (n.slot === 'metrics' ? { ...n, stretches: true } : n));
  assert.deepEqual(shareColumn(36, chart, 'status'), [9, 17, 10]);
  assert.deepEqual(shareColumn(36, needs, 'status'), [11, 15, 10]);
  // A slot whose content wants rows gets them before any extra.
  assert.deepEqual(shareColumn(40, [...needs, need('logs', 1000, 4, 3)], 'status'), [9, 7, 10, 14]);
});

test('a terminal too small even for title lines leaves out the least important', () => {
  const sizes = shareColumn(3, DEMO, 'status');
  assert.equal(sizes.reduce((a, b) => a + b), 3);
  assert.ok(sizes[0]! >= 1);
});

test('two columns from 120x28 rows of panes, each column shared on its own; zoom shows the focused slot alone', () => {
  // Where the board and the metrics leave their column half blank, the runbook joins them and
  // the logs take the whole right column (160x45 left 20 blank rows beside a cut stream).
  const grid = computeLayout(160, 43, DEMO, 'status', false);
  assert.deepEqual(grid.map((column) => column.map((box) => box.slot)), [['status', 'metrics', 'runbook'], ['logs']]);
  assert.deepEqual(grid.map((column) => column.reduce((a, box) => a + box.height, 0)), [43, 43]);
  assert.deepEqual(grid[1], [{ slot: 'logs', width: 80, height: 43 }]);
  // Whatever the runbook's section wants, every pane but the stream is whole when the two columns
  // can hold them all, and the board keeps its corner.
  for (const [height, runbook] of [[28, 20], [43, 40], [48, 6], [28, 6]] as const) {
    const needs = [DEMO[0]!, DEMO[1]!, DEMO[2]!, need('runbook', runbook, 3, 2)];
    const layout = computeLayout(160, height, needs, 'status', false);
    const what = `${height} rows, a runbook of ${runbook}: ${JSON.stringify(layout)}`;
    for (const box of layout.flat()) {
      const wants = needs.find((n) => n.slot === box.slot)!.wants;
      if (box.slot !== 'logs') assert.ok(box.height - 2 >= wants, `${box.slot} whole, ${what}`);
      else assert.ok(box.height - 2 >= 17, `the logs keep a good part of a column, ${what}`);
    }
    assert.equal(layout[0]![0]!.slot, 'status', 'the board keeps its corner');
  }
  // A pane that has only a notice is not moved to open it: the columns stay as they were.
  const notice = computeLayout(200, 48, [need('status', 3, 3, 4), DEMO[1]!, DEMO[2]!, { ...need('runbook', 2, 2, 2), notice: true }], 'status', false);
  assert.deepEqual(notice.map((column) => column.map((box) => [box.slot, box.height])), [[['status', 43], ['metrics', 5]], [['logs', 47], ['runbook', 1]]]);
  assert.deepEqual(computeLayout(80, 21, DEMO, 'runbook', true), [[{ slot: 'runbook', width: 80, height: 21 }]]);
});
