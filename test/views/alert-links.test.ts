// The alert→board link as the views write it: the line under the selected alert (its board
// rows, its runbook link) and which board services are marked, in the worst firing alert's tone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AlertView } from '../../src/alerts/types.js';
import { alertDetail } from '../../views/alerts/alert-rows.js';
import { alertingServices } from '../../views/alerts/board-marks.js';

function alert(name: string, more: Partial<AlertView> = {}): AlertView {
  return { id: name, name, severity: null, identity: [], labels: {}, annotations: {}, summary: null, runbookUrl: null, since: 0, state: 'firing', silencedBy: [], service: null, ...more };
}

test('the line under an alert names its board rows and its runbook link, cut to the width', () => {
  const table: [string, AlertView, number, number, string | null][] = [
    ['on the board, one row', alert('A', { service: 'checkout-api' }), 1, 80, '  ↳ board: checkout-api (1 row)'],
    ['on the board, rows', alert('A', { service: 'checkout-api', runbookUrl: 'checkout.md#errors' }), 3, 80, '  ↳ board: checkout-api (3 rows) · runbook: checkout.md#errors'],
    ['a service with no checks', alert('A', { service: 'db' }), 0, 80, '  ↳ board: db'],
    ['only a link', alert('A', { runbookUrl: 'https://wiki.example/x' }), 0, 80, '  ↳ runbook: https://wiki.example/x'],
    ['neither', alert('A'), 0, 80, null],
    ['cut', alert('A', { runbookUrl: 'https://wiki.example/a/very/long/path' }), 0, 24, '  ↳ runbook: https://wi…'],
  ];
  for (const [name, view, rows, width, expected] of table) assert.equal(alertDetail(view, rows, width)?.trimEnd() ?? null, expected, name);
});

test('the board marks services with a firing alert in the worst tone; muted, pending and unlinked alerts mark nothing', () => {
  const marks = alertingServices([
    alert('a', { service: 'checkout-api', severity: 'warning' }),
    alert('b', { service: 'checkout-api', severity: 'critical' }),
    alert('c', { service: 'orders', severity: 'info' }),
    alert('d', { service: 'payments', severity: 'critical', state: 'silenced' }),
    alert('e', { service: 'search', state: 'pending' }),
    alert('f', { severity: 'critical' }),
  ]);
  assert.deepEqual([...marks].sort(), [['checkout-api', 'bad'], ['orders', 'info']]);
});
