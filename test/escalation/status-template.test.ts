import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftStatusUpdate } from '../../src/status-updates/template.js';

const snapshot = {
  id: 'INC-9',
  title: 'Payments queue stuck',
  severity: 'P1' as const,
  startedAt: Date.UTC(2026, 10, 23, 13, 0),
  resolvedAt: null,
  elapsedMs: 25 * 60_000,
  down: ['payments-worker systemctl: DOWN (exit 3)'],
  operator: 'ana@bastion',
};
const now = Date.UTC(2026, 10, 23, 13, 25);

test('each phase drafts its sentence, what is down, the latest actions and the next update time', () => {
  assert.deepEqual(draftStatusUpdate('investigating', { snapshot, actions: ['restart payments-worker: exit 0 in 3s'], now }), [
    '[INVESTIGATING] INC-9 Payments queue stuck — P1, open 25m00s',
    'We are investigating the problem.',
    'Impact: payments-worker systemctl: DOWN (exit 3)',
    'Actions: restart payments-worker: exit 0 in 3s',
    'Next update: 13:55 UTC (in 30m00s).',
  ]);
  assert.equal(draftStatusUpdate('monitoring', { snapshot: { ...snapshot, down: [] }, actions: [], now })[2], 'Impact: nothing is reported down right now.');
  const resolved = draftStatusUpdate('resolved', { snapshot: { ...snapshot, down: [] }, actions: ['a', 'b', 'c', 'd'], now }, 'Worker restarted.');
  assert.deepEqual(resolved, ['[RESOLVED] INC-9 Payments queue stuck — P1, open 25m00s', 'The incident is resolved. Worker restarted.', 'Actions: b; c; d']);
});
