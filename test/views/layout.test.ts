// How a column's rows are shared (views/layout.ts): what each slot needs first, the focused one
// its share, then one row at a time to the smallest that wants more; folding when rows run short.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLayout, shareColumn, type Layout, type SlotNeed } from '../../views/layout.js';

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

// The demo's panes at 160 columns: the board, the log stream (a band), the panel list with its
// chart as extra, the runbook section with its outline as extra.
const WIDE = [need('status', 7, 5, 4), { ...need('logs', 1000, 4, 3), band: true }, { ...need('metrics', 5, 2, 1), extra: 8, stretches: true }, { ...need('runbook', 7, 3, 2), extra: 21 }];

/** The layout as [slot, width, height] rows: the columns', then the band's. */
function boxes(layout: Layout): [string, number, number][] {
  return [...layout.columns.flat(), ...(layout.band ? [layout.band] : [])].map((box) => [box.slot, box.width, box.height]);
}

/** Each column's rows added up. */
function columnRows(layout: Layout): number[] {
  return layout.columns.map((column) => column.reduce((a, box) => a + box.height, 0));
}

test('wide: the band across the full width below two columns of whole panes; it takes every row they leave', () => {
  const layout = computeLayout(160, 43, WIDE, 'status', false);
  // The board and the panels on the left (16 rows), the runbook (9) on the right with its outline
  // beside them, the logs below: 27 rows across 160 columns.
  assert.deepEqual(boxes(layout), [['status', 80, 9], ['metrics', 80, 7], ['runbook', 80, 16], ['logs', 160, 27]]);
  assert.deepEqual(columnRows(layout), [16, 16]);
  // Narrow terminals stack every slot, the band's too, in registry order; zoom shows one slot.
  assert.deepEqual(computeLayout(119, 43, WIDE, 'status', false).columns.map((column) => column.map((box) => box.slot)), [['status', 'logs', 'metrics', 'runbook']]);
  assert.equal(computeLayout(119, 43, WIDE, 'status', false).band, undefined);
  assert.deepEqual(computeLayout(160, 43, WIDE, 'logs', true), { columns: [[{ slot: 'logs', width: 160, height: 43 }]] });
});

test('wide: the columns split so the band gets the most rows, a blank row counting as a row taken', () => {
  // A short runbook (200 columns wrap less): beside the board alone the panels and the runbook
  // take 15 rows and the board would keep 6 blank; beside the board and the panels the runbook
  // fills 16 with its outline.
  const short = WIDE.map((n) => (n.slot === 'runbook' ? { ...n, wants: 6 } : n));
  const layout = computeLayout(200, 47, short, 'status', false);
  assert.deepEqual(layout.columns.map((column) => column.map((box) => box.slot)), [['status', 'metrics'], ['runbook']]);
  assert.deepEqual(boxes(layout).at(-1), ['logs', 200, 31]);
  // A long runbook section goes beside the board and the panels; the band keeps its share (30 %).
  const long = WIDE.map((n) => (n.slot === 'runbook' ? { ...n, wants: 40 } : n));
  const tall = computeLayout(160, 43, long, 'status', false);
  assert.deepEqual(boxes(tall).at(-1), ['logs', 160, 13]);
  assert.deepEqual(columnRows(tall), [30, 30]);
  assert.equal(tall.columns[0]![0]!.slot, 'status', 'the board keeps its corner');
});

test('wide: the focused pane grows: a pane above with its extra, the band at the cost of the panes above (at their least, no blank rows)', () => {
  const metrics = computeLayout(160, 43, WIDE, 'metrics', false);
  assert.deepEqual(boxes(metrics), [['status', 80, 9], ['metrics', 80, 15], ['runbook', 80, 24], ['logs', 160, 19]], 'the chart below the panels');
  const logs = computeLayout(160, 43, WIDE, 'logs', false);
  const band = logs.band!.height;
  assert.ok(band > 27, `the focused logs have more than 27 rows: ${band}`);
  for (const box of logs.columns.flat()) {
    const n = WIDE.find((w) => w.slot === box.slot)!;
    assert.ok(box.height - 2 >= n.least, `${box.slot} keeps what is worth showing: ${JSON.stringify(logs)}`);
  }
  // Each column fills its rows: the runbook's outline gets at least the three rows it needs.
  assert.deepEqual(boxes(logs), [['status', 80, 7], ['metrics', 80, 5], ['runbook', 80, 12], ['logs', 160, 31]]);
});

test('wide: a band with only a notice (no log sources) folds below the columns while they want the rows, else opens; a short one yields its rows', () => {
  // A long runbook section wants every row above: the notice stays on its title line.
  const none = WIDE.map((n) => (n.slot === 'logs' ? { ...n, wants: 2, least: 2, notice: true } : n.slot === 'runbook' ? { ...n, wants: 40 } : n));
  const layout = computeLayout(160, 43, none, 'status', false);
  assert.deepEqual(layout.band, { slot: 'logs', width: 160, height: 1 });
  assert.deepEqual(columnRows(layout), [42, 42]);
  assert.deepEqual(computeLayout(160, 43, none, 'logs', false).band, { slot: 'logs', width: 160, height: 4 });
  // Panes above that leave rows unwanted, their extras shown (the demo's runbook and its outline
  // take 30 rows of 43): it opens.
  const shortRunbook = none.map((n) => (n.slot === 'runbook' ? { ...n, wants: 7 } : n));
  assert.deepEqual(computeLayout(160, 43, shortRunbook, 'status', false).band, { slot: 'logs', width: 160, height: 4 });
  // The timeline in the band with three events: its frame, status line and events; the rows left go above.
  const timeline = WIDE.map((n) => (n.slot === 'logs' ? { ...n, wants: 4, least: 3 } : n));
  const short = computeLayout(160, 43, timeline, 'status', false);
  assert.deepEqual(short.band, { slot: 'logs', width: 160, height: 6 });
  assert.deepEqual(columnRows(short), [37, 37]);
});

test('wide without a band: two columns of the whole height, the board in its corner', () => {
  const grid = computeLayout(160, 43, DEMO, 'status', false);
  assert.equal(grid.band, undefined);
  assert.deepEqual(grid.columns.map((column) => column.map((box) => box.slot)), [['status', 'metrics', 'runbook'], ['logs']]);
  assert.deepEqual(columnRows(grid), [43, 43]);
});

test('rows nobody wants go to the focused slot if shown, else to the last slot shown, never to a folded one', () => {
  // The board (3 rows) beside one metrics panel and an unconfigured runbook: the spare row goes
  // to the panels, and the runbook keeps its title line with its notice (a 2-row frame is empty).
  const needs = [need('metrics', 1, 1, 1), { ...need('runbook', 2, 2, 2), notice: true }];
  assert.deepEqual(shareColumn(5, needs, 'status'), [4, 1]);
  assert.deepEqual(shareColumn(5, needs, 'metrics'), [4, 1]);
});
