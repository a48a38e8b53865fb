import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectedIndex, statusCursorReducer, type StatusCursor } from '../../views/status/use-status-cursor.js';

const start: StatusCursor = { selectedId: null, sort: 'worst-first', details: false };

describe('status cursor', () => {
  it('starts on the first row and stops at both ends', () => {
    const ids = ['a', 'b'];
    let c = statusCursorReducer(start, { type: 'select-previous', ids });
    assert.equal(c.selectedId, 'a');
    c = statusCursorReducer(c, { type: 'select-next', ids });
    c = statusCursorReducer(c, { type: 'select-next', ids });
    assert.equal(c.selectedId, 'b');
  });

  it('follows the selected row when the order changes', () => {
    const c = statusCursorReducer(start, { type: 'select-next', ids: ['a', 'b', 'c'] });
    assert.equal(selectedIndex(c, ['c', 'a', 'b']), 2);
    assert.equal(selectedIndex(c, ['x', 'y']), 0, 'a vanished row falls back to the first');
  });

  it('toggles sort and details; close-details only closes', () => {
    assert.equal(statusCursorReducer(start, { type: 'toggle-sort' }).sort, 'config');
    const open = statusCursorReducer(start, { type: 'toggle-details' });
    assert.equal(open.details, true);
    assert.equal(statusCursorReducer(open, { type: 'close-details' }).details, false);
    assert.equal(statusCursorReducer(start, { type: 'close-details' }).details, false);
    assert.equal(statusCursorReducer(start, { type: 'select-next', ids: [] }), start);
  });
});
