import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelConfig } from '../../src/config/types.js';
import { loadConfigText } from '../../src/config/load.js';
import { createExecutor } from '../../src/exec/index.js';
import { metricsCapability } from '../../src/metrics/capability.js';
import { MetricsPoller } from '../../src/metrics/poller.js';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import type { TimelineJournal } from '../../src/timeline/journal.js';
import { createWarroomStore } from '../../src/store/store.js';
import { rangeAnswer, startFakeServer } from './fixtures/fake-server.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { waitFor } from '../helpers/wait-for.js';

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
    await waitFor(async () => ((store.getState().metrics.panels[1]?.series[0]?.values.length ?? 0) >= 3 ? true : undefined), { timeoutMs: 30_000, what: 'three rounds', intervalMs: 200 });
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

test('a query panel added at run time is listed at once, refreshed every step like the others, and recorded', async () => {
  const queries: string[] = [];
  const prom = await startFakeServer((url) => {
    const query = url.searchParams.get('query') ?? '';
    queries.push(query);
    return rangeAnswer(url, [{ metric: {}, value: () => (query.includes('http_requests_total') ? '42' : '1') }]);
  });
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const poller = new MetricsPoller({
    config: { prometheus: { url: prom.url, headers: {} }, rangeMs: 60_000, stepMs: 300, panels: [panel({ title: 'up', query: 'sum(up)' })] },
    store,
    recorder,
  });
  try {
    poller.start();
    await waitFor(async () => (store.getState().metrics.panels[0]?.current === 1 ? true : undefined), { timeoutMs: 30_000, what: 'the configured panel', intervalMs: 200 });
    const outcome = poller.addQueryPanel({
      title: 'Error rate',
      query: '  sum(rate(http_requests_total{code=~"5.."}[5m]))\n',
      from: { runbook: 'runbooks/api.md', section: 'Confirm', step: 'Error rate', line: 12 },
    });
    assert.deepEqual(outcome, { status: 'added', title: 'Error rate' });
    const listed = store.getState().metrics.panels[1];
    assert.equal(listed?.title, 'Error rate', 'listed in the same call, before its first answer');
    assert.equal(listed.warn, undefined);
    assert.equal(listed.crit, undefined);
    await waitFor(async () => (store.getState().metrics.panels[1]?.current === 42 ? true : undefined), { timeoutMs: 30_000, what: 'the added panel has a value', intervalMs: 200 });
    const added = store.getState().metrics.panels[1]!;
    assert.equal(added.state, 'none', 'no thresholds');
    assert.equal(added.source, 'query');
    assert.ok(queries.includes('sum(rate(http_requests_total{code=~"5.."}[5m]))'), 'the query is sent as written, trimmed');
    // Refreshed every step like the configured panels.
    const asked = () => queries.filter((q) => q.includes('http_requests_total')).length;
    const before = asked();
    await waitFor(async () => (asked() >= before + 2 ? true : undefined), { timeoutMs: 30_000, what: 'two more refreshes', intervalMs: 200 });

    const events = recorder.ofKind('metric.panel-added');
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.data, {
      panel: 'Error rate',
      query: 'sum(rate(http_requests_total{code=~"5.."}[5m]))',
      runbook: 'runbooks/api.md',
      section: 'Confirm',
      step: 'Error rate',
      line: 12,
    });
  } finally {
    await poller.stop();
    await prom.close();
  }
});

test('the same query is not added twice (whitespace aside), nor a configured one; without Prometheus nothing is added', async () => {
  const prom = await startFakeServer((url) => rangeAnswer(url, [{ metric: {}, value: () => '1' }]));
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const poller = new MetricsPoller({
    config: { prometheus: { url: prom.url, headers: {} }, rangeMs: 60_000, stepMs: 1000, panels: [panel({ title: 'jobs up', query: 'sum by (job) (up)' })] },
    store,
    recorder,
  });
  try {
    assert.deepEqual(poller.addQueryPanel({ title: 'again', query: 'sum by(job)(up)' }), { status: 'exists', title: 'jobs up' });
    assert.deepEqual(poller.addQueryPanel({ title: 'latency', query: 'histogram_quantile(0.95, x)' }), { status: 'added', title: 'latency' });
    assert.deepEqual(poller.addQueryPanel({ title: 'latency 2', query: 'histogram_quantile( 0.95 , x )' }), { status: 'exists', title: 'latency' });
    // Whitespace inside a label value is part of the query.
    assert.deepEqual(poller.addQueryPanel({ title: 'a b', query: 'x{n="a b"}' }), { status: 'added', title: 'a b' });
    assert.deepEqual(poller.addQueryPanel({ title: 'ab', query: 'x{n="ab"}' }), { status: 'added', title: 'ab' });
    await poller.refreshOnce();
    assert.deepEqual(store.getState().metrics.panels.map((p) => [p.title, p.current]), [['jobs up', 1], ['latency', 1], ['a b', 1], ['ab', 1]]);
    assert.equal(recorder.ofKind('metric.panel-added').length, 3);
  } finally {
    await prom.close();
  }

  const page = await startFakeServer(() => ({ body: 'g 2\n', contentType: 'text/plain' }));
  const scrapeOnly = new MetricsPoller({
    config: { rangeMs: 60_000, stepMs: 1000, panels: [panel({ title: 's', scrape: `${page.url}/metrics`, metric: 'g' })] },
    store: createWarroomStore(),
    recorder,
  });
  try {
    const refused = scrapeOnly.addQueryPanel({ title: 'q', query: 'up' });
    assert.equal(refused.status, 'unavailable');
    assert.match(refused.status === 'unavailable' ? refused.message : '', /^no Prometheus configured: /);
    assert.equal(scrapeOnly.panels.length, 1);
    assert.equal(recorder.ofKind('metric.panel-added').length, 3, 'nothing recorded');
  } finally {
    await page.close();
  }
});

test('a panel added while running is refreshed at once, not a step later', async () => {
  const prom = await startFakeServer((url) => rangeAnswer(url, [{ metric: {}, value: () => (url.searchParams.get('query') === 'added' ? '7' : '1') }]));
  const store = createWarroomStore();
  // A step far longer than the wait below: the added panel's value can only come from its own refresh.
  const poller = new MetricsPoller({
    config: { prometheus: { url: prom.url, headers: {} }, rangeMs: 600_000, stepMs: 120_000, panels: [panel({ title: 'first', query: 'first' })] },
    store,
    recorder: new MemoryRecorder(),
  });
  try {
    poller.start();
    await waitFor(async () => (store.getState().metrics.panels[0]?.current === 1 ? true : undefined), { timeoutMs: 30_000, what: 'first round', intervalMs: 200 });
    assert.equal(poller.addQueryPanel({ title: 'added', query: 'added' }).status, 'added');
    await waitFor(async () => (store.getState().metrics.panels[1]?.current === 7 ? true : undefined), { timeoutMs: 30_000, what: 'the added panel answered', intervalMs: 200 });
    assert.equal(prom.requests.filter((r) => r.url.searchParams.get('query') === 'first').length, 1, 'no new round was started for it');
  } finally {
    await poller.stop();
    await prom.close();
  }
});

test('panels added from runbooks come back when the incident is reopened, and show on every console of it', async () => {
  const prom = await startFakeServer((url) => rangeAnswer(url, [{ metric: {}, value: () => (url.searchParams.get('query') === 'sum(up)' ? '3' : '5') }]));
  const dir = mkdtempSync(join(tmpdir(), 'warroom-panels-'));
  const config = {
    ...loadConfigText('incident: { title: API errors }\n', 'warroom.yaml', {}),
    metrics: { prometheus: { url: prom.url, headers: {} }, rangeMs: 60_000, stepMs: 60_000, panels: [] },
  };
  const journal = openIncident(dir, { title: 'API errors', severity: 'P2', operator: 'ana', pollMs: 50 });
  const consoleOf = (recorder: TimelineJournal) => {
    const store = createWarroomStore();
    const capability = metricsCapability({ config, store, recorder, executor: createExecutor({ hosts: {} }), mode: 'live', operator: recorder.operator })!;
    return { store, capability };
  };
  const first = consoleOf(journal);
  let second: ReturnType<typeof consoleOf> | undefined;
  let other: TimelineJournal | undefined;
  try {
    await first.capability.start();
    assert.equal(first.store.getState().metrics.actions?.addQueryPanel({ title: 'Instances up', query: 'sum(up)' }).status, 'added');
    await first.capability.stop();
    // Reopened (another console on the same incident, as after a restart): the panel is back, not recorded again.
    other = resumeIncident(dir, journal.id, { operator: 'bo', pollMs: 50 });
    second = consoleOf(other);
    await second.capability.start();
    await waitFor(async () => (second!.store.getState().metrics.panels.find((p) => p.title === 'Instances up')?.current === 3 ? true : undefined), { timeoutMs: 30_000, what: 'the restored panel answers', intervalMs: 200 });
    // Ana adds another on her console: Bo's console shows it too.
    await first.capability.start();
    first.store.getState().metrics.actions?.addQueryPanel({ title: 'Errors', query: 'sum(rate(errors_total[5m]))' });
    await waitFor(async () => (second!.store.getState().metrics.panels.find((p) => p.title === 'Errors')?.current === 5 ? true : undefined), { timeoutMs: 30_000, what: "ana's new panel on bo's console", intervalMs: 200 });
    assert.deepEqual(second.store.getState().metrics.panels.map((p) => p.title), ['Instances up', 'Errors']);
    assert.deepEqual(first.store.getState().metrics.panels.map((p) => p.title), ['Instances up', 'Errors'], 'no duplicate from its own event');
    const added = other.events().filter((e) => e.kind === 'metric.panel-added');
    assert.deepEqual(added.map((e) => [e.operator, e.data.panel]), [['ana', 'Instances up'], ['ana', 'Errors']], 'each recorded once, by who added it');
  } finally {
    await first.capability.stop();
    await second?.capability.stop();
    other?.close();
    journal.close();
    await prom.close();
  }
});
