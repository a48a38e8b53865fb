import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelConfig } from '../../src/config/types.js';
import { MetricsPoller } from '../../src/metrics/poller.js';
import { createWarroomStore } from '../../src/store/store.js';
import { rangeAnswer, startFakeServer } from './fixtures/fake-server.js';
import { MemoryRecorder } from '../../src/engine/memory-recorder.js';
import { waitFor } from './fixtures/poll.js';

const pos = { file: 'test', line: 1, col: 1 };
const panel = (extra: Partial<PanelConfig> & { title: string }): PanelConfig => ({ labels: {}, unit: 'count', below: false, pos, ...extra });

test('one store commit per refresh round, whatever the number of panels', async () => {
  const prom = await startFakeServer((url) => rangeAnswer(url, [{ metric: {}, value: () => '1' }]));
  const page = await startFakeServer(() => ({ body: 'g 2\n', contentType: 'text/plain' }));
  const store = createWarroomStore();
  const poller = new MetricsPoller({
    config: {
      prometheus: { url: prom.url, headers: {} },
      rangeMs: 60_000,
      stepMs: 1000,
      panels: [panel({ title: 'a', query: 'a' }), panel({ title: 'b', query: 'b' }), panel({ title: 'c', scrape: `${page.url}/metrics`, metric: 'g' })],
    },
    store,
    recorder: new MemoryRecorder(),
  });
  let commits = 0;
  const unsubscribe = store.subscribe(() => commits++);
  try {
    await poller.refreshOnce();
    assert.equal(commits, 1);
    assert.deepEqual(store.getState().metrics.panels.map((p) => [p.title, p.current]), [['a', 1], ['b', 1], ['c', 2]]);
    await poller.refreshOnce();
    assert.equal(commits, 2);
  } finally {
    unsubscribe();
    await prom.close();
    await page.close();
  }
});

test('start refreshes every step until stopped; a query panel without prometheus says so', async () => {
  const page = await startFakeServer(() => ({ body: 'g 2\n', contentType: 'text/plain' }));
  const store = createWarroomStore();
  const poller = new MetricsPoller({
    config: { rangeMs: 60_000, stepMs: 200, panels: [panel({ title: 'q', query: 'up' }), panel({ title: 's', scrape: `${page.url}/metrics`, metric: 'g' })] },
    store,
    recorder: new MemoryRecorder(),
  });
  try {
    poller.start();
    await waitFor('three rounds', async () => ((store.getState().metrics.panels[1]?.series[0]?.values.length ?? 0) >= 3 ? true : undefined), 30_000);
    await poller.stop();
    const rounds = store.getState().metrics.panels[1]!.series[0]!.values.length;
    assert.equal(store.getState().metrics.panels[0]!.error, 'no prometheus configured for this query');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(store.getState().metrics.panels[1]!.series[0]!.values.length, rounds, 'no rounds after stop');
  } finally {
    await poller.stop();
    await page.close();
  }
});

test('store slice: selection is clamped and the chart toggles', () => {
  const store = createWarroomStore();
  const s = () => store.getState();
  s().selectMetricsPanel(1);
  assert.equal(s().metrics.selected, 0);
  const view = { id: 'x', title: 't', unit: 'count' as const, below: false, source: 'query' as const, times: [], series: [], current: null, min: null, max: null, state: 'none' as const, error: null, staleSince: null, updatedAt: null };
  s().setMetricsPanels([view, { ...view, id: 'y' }, { ...view, id: 'z' }]);
  s().selectMetricsPanel(5);
  assert.equal(s().metrics.selected, 2);
  s().setMetricsPanels([view]);
  assert.equal(s().metrics.selected, 0);
  s().setMetricsChart(true);
  assert.equal(s().metrics.chartOpen, true);
});

test('panels scraping the same page share one GET per round', async () => {
  const page = await startFakeServer(() => ({ body: '# TYPE g gauge\ng{q="a"} 2\ng{q="b"} 5\n# TYPE c counter\nc 1\n', contentType: 'text/plain' }));
  const store = createWarroomStore();
  const url = `${page.url}/metrics`;
  const poller = new MetricsPoller({
    config: {
      rangeMs: 60_000,
      stepMs: 1000,
      panels: [panel({ title: 'a', scrape: url, metric: 'g', labels: { q: 'a' } }), panel({ title: 'b', scrape: url, metric: 'g' }), panel({ title: 'c', scrape: url, metric: 'c' })],
    },
    store,
    recorder: new MemoryRecorder(),
  });
  try {
    await poller.refreshOnce();
    assert.equal(page.requests.length, 1);
    assert.deepEqual(store.getState().metrics.panels.map((p) => p.current), [2, 7, null]);
    await poller.refreshOnce();
    assert.equal(page.requests.length, 2);
  } finally {
    await page.close();
  }
});
