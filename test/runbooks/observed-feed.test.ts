import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observedFeedCapability } from '../../src/runbooks/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import type { EngineContext } from '../../src/engine/capability.js';
import type { MetricsPanelView } from '../../src/metrics/types.js';
import type { AlertView } from '../../src/alerts/types.js';

import type { RowInfo, RowUpdate } from '../../src/probes/types.js';

function row(id: string, service: string): RowInfo {
  return { id, checkId: id, service, check: id, kind: 'http', target: id, order: 0 };
}

function down(info: RowInfo, reason: string): RowUpdate {
  const at = Date.now();
  return { row: info, at, raw: 'DOWN', state: 'DOWN', reason, latencyMs: 1, since: at };
}

test('the runbook hears which services are DOWN and when everything is, and only when that changes', () => {
  const store = createWarroomStore();
  const feed = observedFeedCapability({ store } as unknown as EngineContext)!;
  feed.start();
  const state = () => store.getState();
  const a = row('a', 'checkout');
  const b = row('b', 'payments');
  state().registerCheckRows([a, b]);
  assert.deepEqual(state().runbook.observed, { downServices: [], critPanels: [], allDown: false, alerts: [] });

  state().applyCheckBatch([down(a, 'HTTP 503')]);
  assert.deepEqual(state().runbook.observed.downServices, ['checkout']);
  assert.equal(state().runbook.observed.allDown, false);
  const before = state().runbook.observed;
  state().focusPane('logs');
  assert.equal(state().runbook.observed, before, 'unrelated changes leave it alone');

  state().applyCheckBatch([down(b, 'connection refused')]);
  assert.deepEqual(state().runbook.observed, { downServices: ['checkout', 'payments'], critPanels: [], allDown: true, alerts: [] });
  feed.stop();
});

test('a critical panel counts until it goes stale (its source stopped answering)', () => {
  const store = createWarroomStore();
  const feed = observedFeedCapability({ store } as unknown as EngineContext)!;
  feed.start();
  const panel = (title: string, state: MetricsPanelView['state'], staleSince: number | null): MetricsPanelView => ({
    id: title, title, unit: 'count', below: false, source: 'scrape', times: [], series: [], current: 3, min: 0, max: 3,
    state, error: staleSince === null ? null : 'connection refused', staleSince, updatedAt: 1,
  });
  store.getState().setMetricsPanels([panel('5xx/s', 'crit', null), panel('p95 latency', 'crit', null), panel('queue', 'warn', null)]);
  assert.deepEqual(store.getState().runbook.observed.critPanels, ['5xx/s', 'p95 latency']);
  store.getState().setMetricsPanels([panel('5xx/s', 'crit', 1), panel('p95 latency', 'crit', null), panel('queue', 'warn', null)]);
  assert.deepEqual(store.getState().runbook.observed.critPanels, ['p95 latency']);
  feed.stop();
});

test('the runbook hears the firing alerts when the list says something new, not at every read', () => {
  const store = createWarroomStore();
  const feed = observedFeedCapability({ store } as unknown as EngineContext)!;
  feed.start();
  const view = (state: AlertView['state']): AlertView => ({
    id: 'f1', name: 'HighErrorRate', severity: 'warning', identity: [], labels: { alertname: 'HighErrorRate', service: 'checkout-api' }, annotations: {},
    summary: '5xx above 5%', runbookUrl: 'checkout.md#high-error-rate', since: 1, state, silencedBy: [], service: 'checkout-api',
  });
  store.getState().setAlerts({ list: [view('pending')], readAt: 1 });
  assert.deepEqual(store.getState().runbook.observed.alerts, [], 'a pending alert is not yet heard');
  store.getState().setAlerts({ list: [view('firing')], readAt: 2 });
  const heard = store.getState().runbook.observed;
  assert.deepEqual(heard.alerts, [{ name: 'HighErrorRate', summary: '5xx above 5%', services: ['checkout-api'], runbookUrl: 'checkout.md#high-error-rate' }]);
  store.getState().setAlerts({ list: [view('firing')], readAt: 3 });
  assert.equal(store.getState().runbook.observed, heard, 'the same alerts read again change nothing');
  store.getState().setAlerts({ list: [], readAt: 4 });
  assert.deepEqual(store.getState().runbook.observed.alerts, []);
  feed.stop();
});
