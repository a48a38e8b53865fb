import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PanelConfig } from '../../src/config/types.js';
import { MetricsPanel } from '../../src/metrics/panel.js';
import { PrometheusClient } from '../../src/metrics/prom-api.js';
import { MetricsSourceError } from '../../src/metrics/source-error.js';
import { rangeAnswer, startFakeServer, type FakeAnswer } from './fixtures/fake-server.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';

const STEP = 15_000;
const RANGE = 10 * STEP;
const NOW = 1_700_000_000_000;

function panelConfig(extra: Partial<PanelConfig> = {}): PanelConfig {
  return { title: 'errors', query: 'up', labels: {}, unit: 'count', below: false, pos: { file: 'x', line: 1, col: 1 }, ...extra };
}

async function panelAgainst(handler: (url: URL) => FakeAnswer, extra: Partial<PanelConfig> = {}, timeoutMs = 2000) {
  const server = await startFakeServer(handler);
  const recorder = new MemoryRecorder();
  const client = new PrometheusClient({ url: server.url, headers: { 'X-Scope-OrgID': 'secret-tenant' }, bearerToken: 'tok-123' }, timeoutMs);
  const panel = new MetricsPanel('p0', panelConfig(extra), { rangeMs: RANGE, stepMs: STEP, timeoutMs, recorder, client });
  return { server, panel, recorder };
}

const errorCases: [string, FakeAnswer, RegExp][] = [
  [
    'bad PromQL (400 with the server error)',
    { status: 400, body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: '1:5: parse error: unexpected "}"' }) },
    /^HTTP 400: bad_data: 1:5: parse error: unexpected "}"$/,
  ],
  ['500 with a non-JSON body', { status: 500, body: 'upstream exploded\n' , contentType: 'text/plain' }, /^HTTP 500: not a Prometheus API answer \(upstream exploded\)$/],
  ['503 with an empty body', { status: 503, body: '', contentType: 'text/plain' }, /^HTTP 503: not a Prometheus API answer$/],
  [
    '"status":"error" body with 200',
    { status: 200, body: JSON.stringify({ status: 'error', errorType: 'timeout', error: 'query timed out in expression evaluation' }) },
    /^HTTP 200: timeout: query timed out in expression evaluation$/,
  ],
  [
    'escape sequences in the server message are neutralised',
    { status: 422, body: JSON.stringify({ status: 'error', errorType: 'execution', error: 'bad \u001b[2J\u001b]0;pwned\u0007 thing' }) },
    /^HTTP 422: execution: bad ␛\[2J␛\]0;pwned␇ thing$/,
  ],
  ['a vector where a matrix was expected', { body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }) }, /not a matrix/],
];

for (const [name, answer, expected] of errorCases) {
  test(`query error: ${name}`, async () => {
    const { server, panel } = await panelAgainst(() => answer);
    try {
      await panel.refresh(NOW);
      const view = panel.view(NOW);
      assert.ok(view.error, 'panel has an error');
      assert.match(view.error, expected);
      assert.ok(!view.error.includes('\u001b'));
      assert.ok(!view.error.includes('tok-123') && !view.error.includes('secret-tenant'));
    } finally {
      await server.close();
    }
  });
}

test('a very long server message is bounded', async () => {
  const { server, panel } = await panelAgainst(() => ({ status: 400, body: JSON.stringify({ status: 'error', error: 'x'.repeat(5000) }) }));
  try {
    await panel.refresh(NOW);
    assert.ok(panel.view(NOW).error!.length <= 220);
  } finally {
    await server.close();
  }
});

test('a server that never answers times out with a message', async () => {
  const { server, panel } = await panelAgainst(() => ({ body: '', hang: true }), {}, 300);
  try {
    await panel.refresh(NOW);
    assert.equal(panel.view(NOW).error, 'timed out after 0.3s');
  } finally {
    await server.close();
  }
});

test('connection refused is a message, not a throw', async () => {
  const server = await startFakeServer(() => ({ body: '' }));
  const url = server.url;
  await server.close();
  await assert.rejects(new PrometheusClient({ url, headers: {} }, 1000).query('up'), (e: unknown) => e instanceof MetricsSourceError && e.message === 'connection refused');
});

test('auth headers are sent; NaN, +Inf and missing steps are gaps, never zero', async () => {
  const { server, panel } = await panelAgainst((url) =>
    rangeAnswer(url, [
      {
        metric: { __name__: 'up', job: 'api' },
        value: (t) => {
          const i = Math.round(t / 15) % 10;
          if (i === 2) return 'NaN';
          if (i === 3) return '+Inf';
          if (i === 4) return undefined;
          return String(i + 1);
        },
      },
    ]),
  );
  try {
    await panel.refresh(NOW);
    const view = panel.view(NOW);
    assert.equal(view.error, null);
    assert.equal(server.requests[0]!.headers.authorization, 'Bearer tok-123');
    assert.equal(server.requests[0]!.headers['x-scope-orgid'], 'secret-tenant');
    assert.equal(view.times.length, RANGE / STEP + 1);
    const values = view.series[0]!.values;
    const indexOf = (i: number) => view.times.findIndex((t) => Math.round(t / 15000) % 10 === i);
    for (const gap of [2, 3, 4]) assert.equal(values[indexOf(gap)], null, `step ${gap} is a gap`);
    assert.equal(values[indexOf(5)], 6);
    assert.ok(!values.includes(0), 'no gap was plotted as zero');
    assert.equal(view.min, 1);
    assert.equal(view.max, 10);
  } finally {
    await server.close();
  }
});

test('many series: the top 3 by last value, named by their distinguishing label', async () => {
  const series = Array.from({ length: 12 }, (_, i) => ({ metric: { job: 'api', instance: `host-${i}` }, value: () => String(i) }));
  const { server, panel } = await panelAgainst((url) => rangeAnswer(url, series));
  try {
    await panel.refresh(NOW);
    const view = panel.view(NOW);
    assert.deepEqual(view.series.map((s) => s.name), ['host-11', 'host-10', 'host-9']);
    assert.equal(view.current, 11);
  } finally {
    await server.close();
  }
});

test('legend names series by the configured label', async () => {
  const series = [
    { metric: { pod: 'a', zone: 'eu' }, value: () => '1' },
    { metric: { pod: 'b', zone: 'us' }, value: () => '2' },
  ];
  const { server, panel } = await panelAgainst((url) => rangeAnswer(url, series), { legend: 'zone' });
  try {
    await panel.refresh(NOW);
    assert.deepEqual(panel.view(NOW).series.map((s) => s.name), ['us', 'eu']);
  } finally {
    await server.close();
  }
});

test('after the first load only the newest window is fetched and merged', async () => {
  const { server, panel } = await panelAgainst((url) => rangeAnswer(url, [{ metric: {}, value: (t) => String(t) }]));
  try {
    await panel.refresh(NOW);
    await panel.refresh(NOW + 2 * STEP);
    const [first, second] = server.requests.map((r) => r.url.searchParams);
    const span = Number(first!.get('end')) - Number(first!.get('start'));
    assert.equal(span, RANGE / 1000);
    assert.equal(Number(second!.get('start')), Number(first!.get('end')), 'refetches from the last end');
    assert.equal(Number(second!.get('end')) - Number(second!.get('start')), (2 * STEP) / 1000);
    const view = panel.view(NOW + 2 * STEP);
    assert.equal(view.times.length, RANGE / STEP + 1);
    assert.deepEqual(view.series[0]!.values, view.times.map((t) => t / 1000), 'merged window is contiguous');
  } finally {
    await server.close();
  }
});

test('instant query: vector and scalar answers', async () => {
  const server = await startFakeServer((url) =>
    url.searchParams.get('query') === 'scalar(1)'
      ? { body: JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1700000000, '1'] } }) }
      : { body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { job: 'a' }, value: [1700000000.5, 'NaN'] }] } }) },
  );
  try {
    const client = new PrometheusClient({ url: `${server.url}/`, headers: {}, basicAuth: { username: 'u', password: 'p' } });
    assert.deepEqual(await client.query('scalar(1)'), [{ labels: {}, atMs: 1700000000000, value: 1 }]);
    assert.deepEqual(await client.query('up', 1700000000500), [{ labels: { job: 'a' }, atMs: 1700000000500, value: null }]);
    assert.equal(server.requests[0]!.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.equal(server.requests[1]!.url.searchParams.get('time'), '1700000000.5');
    assert.equal(server.requests[0]!.url.pathname, '/api/v1/query');
  } finally {
    await server.close();
  }
});

test('a gap at the newest point reads as no current value, not the last number seen', async () => {
  const endSec = Math.floor(NOW / STEP) * (STEP / 1000);
  const { server, panel } = await panelAgainst((url) => rangeAnswer(url, [{ metric: {}, value: (t) => (t >= endSec ? 'NaN' : '5') }]), { crit: 1 });
  try {
    await panel.refresh(NOW);
    const view = panel.view(NOW);
    assert.equal(view.current, null);
    assert.equal(view.max, 5);
    assert.equal(view.state, 'ok', 'the threshold was not judged on an old value');
  } finally {
    await server.close();
  }
});
