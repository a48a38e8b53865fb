import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTodo, parseNoteInput, recordNotes } from '../../src/timeline/backfill.js';

// Local-time cases are built with the local Date constructor, so they hold in any TZ.
const NOW = new Date(2026, 10, 22, 14, 10, 0).getTime();
const local = (mo: number, d: number, h: number, m: number, s = 0): number => new Date(2026, mo, d, h, m, s).getTime();

const CASES: [string, { text: string; at?: number }[]][] = [
  ['deploy 4812 went out', [{ text: 'deploy 4812 went out' }]],
  ['13:52 deploy 4812 went out', [{ text: 'deploy 4812 went out', at: local(10, 22, 13, 52) }]],
  ['9:05:30 pager fired', [{ text: 'pager fired', at: local(10, 22, 9, 5, 30) }]],
  ['2026-11-21 23:58 first customer report', [{ text: 'first customer report', at: local(10, 21, 23, 58) }]],
  ['2026-11-21T23:58 iso form', [{ text: 'iso form', at: local(10, 21, 23, 58) }]],
  ['14:02Z utc time', [{ text: 'utc time', at: Date.UTC(2026, 10, 22, 14, 2) }]],
  ['2026-11-21 08:00 UTC utc date', [{ text: 'utc date', at: Date.UTC(2026, 10, 21, 8, 0) }]],
  ['23:30 later than now means yesterday', [{ text: 'later than now means yesterday', at: local(10, 21, 23, 30) }]],
  ['14:10 right now', [{ text: 'right now', at: local(10, 22, 14, 10) }]],
  ['25:00 not a time', [{ text: '25:00 not a time' }]],
  ['2026-02-30 10:00 no such day', [{ text: '2026-02-30 10:00 no such day' }]],
  ['13:52', [{ text: '13:52' }]],
  [
    '13:50 first\n\n  13:55 second  \nthird without time\r\n',
    [{ text: 'first', at: local(10, 22, 13, 50) }, { text: 'second', at: local(10, 22, 13, 55) }, { text: 'third without time' }],
  ],
];

for (const [input, expected] of CASES) {
  test(`parses ${JSON.stringify(input)}`, () => {
    assert.deepEqual(parseNoteInput(input, NOW), expected);
  });
}

test('todo: notes are action items', () => {
  assert.equal(isTodo('todo: add alert on queue depth'), true);
  assert.equal(isTodo('TODO : x'), true);
  assert.equal(isTodo('not a todo: really'), false);
});

test('recordNotes marks timed notes as backfilled and flags todos', () => {
  const recorded: unknown[] = [];
  const count = recordNotes({ record: (kind, data, options) => recorded.push([kind, data, options]) }, '13:52 deploy\ntodo: fix alerting', NOW);
  assert.deepEqual(count, { added: 2, held: 0 });
  assert.deepEqual(recorded, [
    ['note', { text: 'deploy' }, { at: local(10, 22, 13, 52), backfilled: true }],
    ['note', { text: 'todo: fix alerting', todo: true }, {}],
  ]);
});
