// The output view's rows, search and scroll as pure functions: what row a line starts at, where a
// match is painted across a wrapped line, and where search and n/N leave the view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineStarts, matchingLines, outputRows, rowPieces } from '../../../views/output/output-rows.js';
import { keptRuns } from '../../../views/output/run-doc.js';
import { FRESH, outputViewReducer, type OutputFrame } from '../../../views/output/use-output-view.js';

const LINES = Array.from({ length: 200 }, (_, i) => String(i + 1));

function frame(lines: readonly string[], width: number, room: number): OutputFrame {
  const rows = outputRows(lines, width);
  return { of: 'run-1', lines, starts: lineStarts(rows), rows: rows.length, room };
}

test('long lines wrap into rows that remember their line; every line starts a row', () => {
  const rows = outputRows(['abcdefgh', '', 'xy'], 3);
  assert.deepEqual(rows.map((r) => [r.text, r.line, r.from]), [['abc', 0, 0], ['def', 0, 3], ['gh', 0, 6], ['', 1, 0], ['xy', 2, 0]]);
  assert.deepEqual(lineStarts(rows), [0, 3, 4]);
});

test('a match cut by the wrap is painted on both rows; search ignores case unless the query has a capital', () => {
  const line = 'xxERRORyy';
  const rows = outputRows([line], 4);
  assert.deepEqual(rowPieces(rows[0]!, line, 'error'), [{ text: 'xx', match: false }, { text: 'ER', match: true }]);
  assert.deepEqual(rowPieces(rows[1]!, line, 'error'), [{ text: 'ROR', match: true }, { text: 'y', match: false }]);
  assert.deepEqual(matchingLines(['Error', 'error', 'ERROR'], 'error'), [0, 1, 2]);
  assert.deepEqual(matchingLines(['Error', 'error', 'ERROR'], 'Error'), [0]);
});

test('scrolling: pages, lines, top and end stay within the output', () => {
  const f = frame(LINES, 80, 10);
  let s = outputViewReducer(FRESH, { type: 'scroll', move: { by: 'page', step: -1 }, frame: f });
  assert.equal(s.back, 9);
  s = outputViewReducer(s, { type: 'scroll', move: { to: 'top' }, frame: f });
  assert.equal(s.back, 190);
  s = outputViewReducer(s, { type: 'scroll', move: { by: 'line', step: -1 }, frame: f });
  assert.equal(s.back, 190, 'not past line 1');
  s = outputViewReducer(s, { type: 'scroll', move: { to: 'end' }, frame: f });
  assert.equal(s.back, 0);
});

test('search shows the nearest match above the bottom; n goes older, N newer, both wrap round', () => {
  const f = frame(LINES, 80, 10);
  let s = outputViewReducer(FRESH, { type: 'search', query: '99', frame: f });
  assert.equal(s.match, 198, 'from the newest end: line 199');
  const bottom = 200 - s.back;
  assert.ok(198 >= bottom - 10 && 198 < bottom, 'line 199 is in view');
  s = outputViewReducer(s, { type: 'next', toward: 'older', frame: f });
  assert.equal(s.match, 98);
  assert.ok(98 >= 200 - s.back - 10 && 98 < 200 - s.back, 'line 99 is in view');
  s = outputViewReducer(s, { type: 'next', toward: 'older', frame: f });
  assert.equal(s.match, 198, 'round to the newest');
  s = outputViewReducer(s, { type: 'next', toward: 'newer', frame: f });
  assert.equal(s.match, 98, 'and back');
  s = outputViewReducer(s, { type: 'search', query: 'nowhere', frame: f });
  assert.deepEqual([s.match, s.query], [-1, 'nowhere']);
});

test("another run's output starts fresh", () => {
  const f = frame(LINES, 80, 10);
  const s = outputViewReducer(FRESH, { type: 'search', query: '137', frame: f });
  const other = outputViewReducer(s, { type: 'scroll', move: { by: 'line', step: -1 }, frame: { ...f, of: 'run-2' } });
  assert.deepEqual([other.back, other.query, other.match], [1, '', -1]);
});

test('kept runs: actions and the runbook step in the order they started, each in the words the overlay shows', () => {
  const action = (id: string, startedAt: number) => ({
    id, service: 'api', action: 'count', target: 'local', command: 'seq 1 200', state: 'succeeded' as const,
    startedAt, finishedAt: startedAt + 65_000, lines: ['1'], dropped: 0, progress: '', summary: 'count api: exit 0',
  });
  const step = { id: 'runbook:7', shown: 'sleep 30', startedAt: 2_000, lines: [], dropped: 3, running: true, exitCode: null, durationMs: 0 };
  const runs = keptRuns([action('action-1', 1_000), action('action-2', 3_000)], step, 12_000);
  assert.deepEqual(runs.map((r) => r.key), ['action-1', 'runbook:7@2000', 'action-2']);
  assert.equal(runs[0]!.title, '✔ succeeded count api · 1m05s');
  assert.deepEqual([runs[1]!.title, runs[1]!.running, runs[1]!.runId, runs[1]!.dropped], ['⟳ running runbook step · 10s', true, 'runbook:7', 3]);
  assert.deepEqual(keptRuns([], null, 0), []);
});
