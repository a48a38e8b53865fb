import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { PanelConfig } from '../../src/config/types.js';
import { ExpositionParseError, parseExposition } from '../../src/metrics/exposition.js';
import { bucketQuantile } from '../../src/metrics/histogram.js';
import { MetricsPanel } from '../../src/metrics/panel.js';
import { readPage, valueBetween } from '../../src/metrics/scrape-reading.js';
import { MetricsSourceError } from '../../src/metrics/source-error.js';
import { startFakeServer, type FakeAnswer } from './fixtures/fake-server.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';

const STEP = 1000;
const T0 = 1_700_000_000_000;

/** A scrape panel against a page the test rewrites between refreshes. */
async function scrapePanel(extra: Partial<PanelConfig>) {
  const page: { answer: FakeAnswer } = { answer: { body: '', contentType: 'text/plain; version=0.0.4' } };
  const server = await startFakeServer(() => page.answer);
  const recorder = new MemoryRecorder();
  const config: PanelConfig = {
    title: 'queue',
    scrape: `${server.url}/metrics`,
    labels: {},
    unit: 'count',
    below: false,
    pos: { file: 'x', line: 1, col: 1 },
    ...extra,
  };
  const panel = new MetricsPanel('p0', config, { rangeMs: 60 * STEP, stepMs: STEP, timeoutMs: 2000, recorder });
  const setPage = (body: string, status = 200, contentType = 'text/plain; version=0.0.4') => {
    page.answer = { body, status, contentType };
  };
  return { server, panel, recorder, setPage };
}

const values = (panel: MetricsPanel, now: number) => panel.view(now).series[0]!.values;

test('gauge: summed over the series matching the labels', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'queue_size', labels: { queue: 'payments' } });
  try {
    setPage('# TYPE queue_size gauge\nqueue_size{queue="payments",shard="1"} 10\nqueue_size{queue="payments",shard="2"} 5\nqueue_size{queue="mail"} 99\n');
    await panel.refresh(T0);
    assert.equal(panel.view(T0).current, 15);
    assert.equal(panel.view(T0).source, 'scrape');
  } finally {
    await server.close();
  }
});

test('counter: per-second rate between scrapes, a reset counts from zero, first scrape is a gap', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'http_requests_total' });
  const page = (a: number, b: number) => `# TYPE http_requests_total counter\nhttp_requests_total{code="200"} ${a}\nhttp_requests_total{code="500"} ${b}\n`;
  try {
    setPage(page(100, 10));
    await panel.refresh(T0);
    setPage(page(150, 20)); // +60 over 2 s
    await panel.refresh(T0 + 2000);
    setPage(page(30, 22)); // the 200 series restarted: +30, +2 over 1 s
    await panel.refresh(T0 + 3000);
    assert.deepEqual(values(panel, T0 + 3000), [null, 30, 32]);
  } finally {
    await server.close();
  }
});

test('OpenMetrics counter named with or without _total', async () => {
  for (const metric of ['jobs', 'jobs_total']) {
    const { server, panel, setPage } = await scrapePanel({ metric });
    try {
      const om = 'application/openmetrics-text; version=1.0.0; charset=utf-8';
      setPage('# TYPE jobs counter\njobs_total 1\njobs_created 1.7e9\n# EOF\n', 200, om);
      await panel.refresh(T0);
      setPage('# TYPE jobs counter\njobs_total 11 # {trace_id="a"} 1\njobs_created 1.7e9\n# EOF\n', 200, om);
      await panel.refresh(T0 + 1000);
      assert.equal(panel.view(T0 + 1000).current, 10, metric);
    } finally {
      await server.close();
    }
  }
});

test('histogram: quantile of the observations between scrapes', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'latency_seconds', quantile: 0.5, unit: 'seconds' });
  const page = (b1: number, b2: number, inf: number) =>
    `# TYPE latency_seconds histogram\nlatency_seconds_bucket{le="0.1"} ${b1}\nlatency_seconds_bucket{le="1"} ${b2}\nlatency_seconds_bucket{le="+Inf"} ${inf}\nlatency_seconds_sum 1\nlatency_seconds_count ${inf}\n`;
  try {
    setPage(page(1000, 1000, 1000)); // old fast history that must not count
    await panel.refresh(T0);
    setPage(page(1000, 1100, 1100)); // 100 new observations, all in (0.1, 1]
    await panel.refresh(T0 + 1000);
    const median = panel.view(T0 + 1000).current!;
    assert.ok(Math.abs(median - 0.55) < 1e-9, `median ${median}`);
  } finally {
    await server.close();
  }
});

test('bucketQuantile matches histogram_quantile', () => {
  const b = (upperBound: number, count: number) => ({ upperBound, count });
  assert.equal(bucketQuantile(0.5, [b(1, 50), b(2, 100), b(Infinity, 100)]), 1);
  assert.equal(bucketQuantile(0.75, [b(1, 50), b(2, 100), b(Infinity, 100)]), 1.5);
  assert.equal(bucketQuantile(0.99, [b(1, 50), b(2, 90), b(Infinity, 100)]), 2, 'rank in +Inf: the highest finite bound');
  assert.equal(bucketQuantile(0.5, [b(1, 0), b(Infinity, 0)]), null);
  assert.equal(bucketQuantile(0.5, [b(1, 5), b(2, 10)]), null, 'no +Inf bucket');
});

test('errors: missing metric, bad page, HTTP status, all as messages', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'nope' });
  try {
    setPage('other 1\n');
    await panel.refresh(T0);
    assert.equal(panel.view(T0).error, 'metric nope not found on the page');
    setPage('other{ 1\n');
    await panel.refresh(T0 + 1000);
    assert.match(panel.view(T0 + 1000).error!, /^bad \/metrics page: line 1: /);
    setPage('\u001b[31mforbidden', 403);
    await panel.refresh(T0 + 2000);
    assert.equal(panel.view(T0 + 2000).error, 'HTTP 403: forbidden'); // colour dropped, nothing raw
  } finally {
    await server.close();
  }
});

test('stale: after two missed steps the panel says since when and keeps its data', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'queue_size' });
  try {
    setPage('queue_size 7\n');
    await panel.refresh(T0);
    setPage('down', 500);
    await panel.refresh(T0 + STEP);
    let view = panel.view(T0 + STEP);
    assert.equal(view.staleSince, null, 'one miss is not stale yet');
    assert.match(view.error!, /HTTP 500/);
    await panel.refresh(T0 + 2 * STEP);
    view = panel.view(T0 + 2 * STEP);
    assert.equal(view.staleSince, T0);
    assert.deepEqual(view.series[0]!.values, [7], 'last data kept');
    assert.equal(view.current, 7);
    setPage('queue_size 8\n');
    await panel.refresh(T0 + 3 * STEP);
    view = panel.view(T0 + 3 * STEP);
    assert.equal(view.staleSince, null);
    assert.equal(view.error, null);
  } finally {
    await server.close();
  }
});

test('every threshold level change is recorded, from ok → warn on, entering and leaving, with the value', async () => {
  const { server, panel, recorder, setPage } = await scrapePanel({ metric: 'queue_size', warn: 500, crit: 1000 });
  try {
    const feed = [100, 600, 1500, 990, 800, 800, 100, 100];
    for (const [i, v] of feed.entries()) {
      setPage(`queue_size ${v}\n`);
      await panel.refresh(T0 + i * STEP);
    }
    assert.deepEqual(
      recorder.events.map((e) => [e.kind, e.data.from, e.data.to, e.data.value]),
      [
        // The breach starts at warn: ok → warn was once never recorded.
        ['metric.threshold', 'ok', 'warn', 600],
        ['metric.threshold', 'warn', 'crit', 1500],
        ['metric.threshold', 'crit', 'warn', 800],
        ['metric.threshold', 'warn', 'ok', 100],
      ],
    );
    assert.equal(recorder.events[0]!.data.threshold, 500, 'entering warn names the warn line');
    assert.equal(recorder.events[0]!.data.peak, undefined, 'entering a level has no peak yet');
    assert.equal(recorder.events[1]!.data.panel, 'queue');
    assert.equal(recorder.events[1]!.data.display, '1.5k');
    assert.equal(recorder.events[1]!.data.threshold, 1000);
    assert.equal(recorder.events[2]!.data.peak, 1500, 'leaving crit names the peak of the breach');
    assert.equal(recorder.events[2]!.data.peakDisplay, '1.5k');
    assert.equal(recorder.events[3]!.data.peak, 1500, 'the return to ok closes the breach');
    assert.equal(panel.view(T0 + 8 * STEP).state, 'ok');
  } finally {
    await server.close();
  }
});

test('counter: a series that appears between scrapes counts from zero (a first 5xx shows at once)', async () => {
  const { server, panel, setPage } = await scrapePanel({ metric: 'http_requests_total', labels: { status: '500' } });
  try {
    setPage('# TYPE http_requests_total counter\nhttp_requests_total{status="200"} 100\n');
    await panel.refresh(T0);
    setPage('# TYPE http_requests_total counter\nhttp_requests_total{status="200"} 110\n');
    await panel.refresh(T0 + 1000);
    setPage('# TYPE http_requests_total counter\nhttp_requests_total{status="200"} 120\nhttp_requests_total{status="500"} 4\n');
    await panel.refresh(T0 + 2000);
    assert.deepEqual(values(panel, T0 + 2000), [null, null, 4], 'no matching series is no data, not zero');
  } finally {
    await server.close();
  }
});

test('fuzz: reading any parsed page for any selector only ever fails with a panel message', () => {
  const types = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
  const name = fc.constantFrom('m', 'm_total', 'm_bucket', 'm_sum', 'm_count', 'other');
  const line = fc.oneof(
    fc.tuple(fc.constantFrom(...types)).map(([t]) => `# TYPE m ${t}`),
    fc.tuple(name, fc.constantFrom('', '{le="0.5"}', '{le="+Inf"}', '{quantile="0.5"}', '{q="a"}'), fc.constantFrom('1', '0', 'NaN', '+Inf', '-3', '2e3')).map(([n, l, v]) => `${n}${l} ${v}`),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 12 }), name, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), (a, b, metric, quantile) => {
      const selector = { metric, labels: {}, ...(quantile !== undefined ? { quantile } : {}) };
      try {
        const first = readPage(parseExposition(`${a.join('\n')}\n`), selector);
        const second = readPage(parseExposition(`${b.join('\n')}\n`), selector);
        const value = valueBetween(first, second, 1, quantile);
        assert.ok(value === null || typeof value === 'number');
      } catch (error) {
        if (!(error instanceof MetricsSourceError) && !(error instanceof ExpositionParseError)) throw error;
      }
    }),
    { numRuns: 2000 },
  );
});
