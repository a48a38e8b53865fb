import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckState, RowInfo, RowUpdate } from '../../src/probes/types.js';
import { HISTORY_LENGTH, TRANSITIONS_KEPT } from '../../src/store/checks.js';
import { createWarroomStore } from '../../src/store/store.js';

const row = (id: string, order: number): RowInfo => ({ id, checkId: id, service: 's', check: id, kind: 'http', target: id, order });

function update(info: RowInfo, at: number, raw: CheckState, state: CheckState = raw, transition = false): RowUpdate {
  return {
    row: info,
    at,
    raw,
    state,
    reason: raw,
    latencyMs: 1,
    since: at,
    ...(transition ? { transition: { at, rowId: info.id, from: 'UP' as const, to: state, reason: raw, latencyMs: 1 } } : {}),
  };
}

describe('checks slice', () => {
  it('lists registered rows as UNKNOWN, not yet probed, in config order', () => {
    const store = createWarroomStore();
    store.getState().registerCheckRows([row('b', 1), row('a', 0)]);
    const { ids, rows } = store.getState().checks;
    assert.deepEqual(ids, ['a', 'b']);
    assert.deepEqual([rows.a?.state, rows.a?.reason], ['UNKNOWN', 'not yet probed']);
  });

  it('applies a batch in one commit, bounding history and transitions', () => {
    const store = createWarroomStore();
    const a = row('a', 0);
    store.getState().registerCheckRows([a]);
    let commits = 0;
    store.subscribe(() => (commits += 1));
    const batch = Array.from({ length: 50 }, (_, i) => update(a, i, i % 2 ? 'DOWN' : 'UP', 'DOWN', true));
    store.getState().applyCheckBatch(batch);
    const r = store.getState().checks.rows.a!;
    assert.equal(commits, 1);
    assert.equal(r.history.length, HISTORY_LENGTH);
    assert.equal(r.transitions.length, TRANSITIONS_KEPT);
    assert.equal(r.transitions.at(-1)?.at, 49);
    assert.equal(r.lastAt, 49);
  });

  it('places new series rows after their check and drops retired ones', () => {
    const store = createWarroomStore();
    store.getState().registerCheckRows([row('first', 0), row('fleet', 1), row('last', 2)]);
    store.getState().applyCheckBatch([
      update(row('fleet{a}', 1), 1, 'UP'),
      update(row('fleet{b}', 1), 1, 'DOWN'),
      { ...update(row('fleet', 1), 1, 'UNKNOWN'), gone: true },
    ]);
    assert.deepEqual(store.getState().checks.ids, ['first', 'fleet{a}', 'fleet{b}', 'last']);
    assert.equal(store.getState().checks.rows.fleet, undefined);
  });
});
