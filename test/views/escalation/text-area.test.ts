// The status update editor's text model: lines split and joined, pastes inserted at the cursor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editArea, pasteIntoArea, type AreaState } from '../../../views/escalation/text-area.js';
import { decodeKeys } from '../../../views/keys/terminal-input.js';

function type(state: AreaState, raws: string[]): AreaState {
  return raws.flatMap(decodeKeys).reduce((s, { input, key }) => editArea(s, input, key), state);
}

const draft: AreaState = { lines: ['[INVESTIGATING] api', 'Impact: api down', 'Actions: none yet.'], row: 0, col: 0 };

test('Down then typing lands at the start of the next line', () => {
  const after = type(draft, ['\x1b[B', 'EU ']);
  assert.deepEqual(after, { lines: ['[INVESTIGATING] api', 'EU Impact: api down', 'Actions: none yet.'], row: 1, col: 3 });
});

test('Enter splits a line; Backspace at a line start joins it back; Delete at a line end joins the next', () => {
  const split = type(draft, ['\x1b[B', ...Array<string>(7).fill('\x1b[C'), '\r']);
  assert.deepEqual(split.lines.slice(1, 3), ['Impact:', ' api down']);
  assert.deepEqual(type(split, ['\x7f']).lines, draft.lines);
  assert.deepEqual(type({ ...draft, row: 0, col: draft.lines[0]!.length }, ['\x1b[3~']).lines[0], '[INVESTIGATING] apiImpact: api down');
});

test('a pasted block is inserted at the cursor, its lines kept, the cursor after it', () => {
  const after = pasteIntoArea({ ...draft, row: 1, col: 8 }, 'EU only.\nCard payments fail: ');
  assert.deepEqual(after.lines, ['[INVESTIGATING] api', 'Impact: EU only.', 'Card payments fail: api down', 'Actions: none yet.']);
  assert.deepEqual([after.row, after.col], [2, 20]);
  assert.deepEqual(pasteIntoArea(draft, 'one line ').lines[0], 'one line [INVESTIGATING] api');
});
