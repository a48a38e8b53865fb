import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { incidentSnapshot } from '../../src/escalation/snapshot.js';
import { backoffDelay, DEFAULT_RETRY } from '../../src/escalation/retry.js';
import { startSink, type HttpSink } from './http-sink.js';
import { escalationSetup } from './setup.js';

let sink: HttpSink;
before(async () => (sink = await startSink()));
after(() => sink.close());

function config(url: string) {
  return { auto: false, policy: [], contacts: { ops: { name: 'ops', webhook: { url, headers: {} } } } };
}

test('backoff doubles from the base delay and is capped', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => backoffDelay(DEFAULT_RETRY, n)), [1000, 2000, 4000, 8000]);
  assert.equal(backoffDelay({ attempts: 10, baseDelayMs: 1000, maxDelayMs: 5000 }, 6), 5000);
});

test('a 500 is retried with backoff and the 200 after it succeeds; every attempt is recorded and shown', async () => {
  sink.received.length = 0;
  sink.statuses = [500, 502, 200];
  const { pager, store, recorder, sleeps, clock } = escalationSetup(config(`${sink.url}/hook`));
  const report = await pager.page('ops', incidentSnapshot(store.getState(), clock.now()), 'test', false);
  assert.deepEqual(report, { delivered: 1, total: 1, failures: [] });
  assert.equal(sink.received.length, 3);
  assert.deepEqual(sleeps, [100, 200]);
  assert.deepEqual(recorder.events.map((e) => [e.kind, e.data.attempt, e.data.status]), [
    ['escalation.failed', 1, 500],
    ['escalation.failed', 2, 502],
    ['escalation.sent', 3, 200],
  ]);
  assert.deepEqual(store.getState().escalation.attempts.map((a) => [a.attempt, a.ok, a.willRetry]), [[1, false, true], [2, false, true], [3, true, false]]);
  assert.equal(store.getState().escalation.failure, null, 'a retried success is not an alarm');
});

test('a 400 is not retried; the failure is loud (store failure set, error flash, recorded)', async () => {
  sink.received.length = 0;
  sink.statuses = [400];
  const { controller, store, recorder, sleeps } = escalationSetup(config(`${sink.url}/hook`));
  const paging = controller.pageContact('ops');
  await new Promise((r) => setImmediate(r));
  assert.match(store.getState().dialog?.title ?? '', /Page ops now\?/);
  store.getState().closeDialog('yes');
  const report = await paging;
  assert.equal(report?.delivered, 0);
  assert.equal(sink.received.length, 1);
  assert.deepEqual(sleeps, []);
  assert.deepEqual(recorder.ofKind('escalation.failed').map((e) => [e.data.attempt, e.data.status, e.data.error]), [[1, 400, 'HTTP 400']]);
  assert.equal(store.getState().escalation.failure, 'paging ops via webhook failed: HTTP 400');
  assert.equal(store.getState().flash?.tone, 'error');
  sink.statuses = [200];
});

test('network errors are retried up to the limit, then reported', async () => {
  const closed = await startSink();
  const url = `${closed.url}/hook`;
  await closed.close();
  const { pager, store, recorder, sleeps, clock } = escalationSetup(config(url));
  const report = await pager.page('ops', incidentSnapshot(store.getState(), clock.now()), 'test', false);
  assert.equal(report.delivered, 0);
  assert.deepEqual(sleeps, [100, 200, 400]);
  assert.deepEqual(recorder.ofKind('escalation.failed').map((e) => [e.data.attempt, e.data.error]), [1, 2, 3, 4].map((n) => [n, 'connection refused']));
  assert.match(store.getState().escalation.failure ?? '', /connection refused/);
});

test('a timeout is retried', async () => {
  const { createServer } = await import('node:http');
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    if (hits === 1) return; // never answers: the client times out
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const { Pager } = await import('../../src/escalation/pager.js');
  const { store, recorder, clock } = escalationSetup(config(''));
  const pager = new Pager({ escalation: config(`http://127.0.0.1:${port}/`), store, recorder, redactor: (t) => t, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 300 });
  const report = await pager.page('ops', incidentSnapshot(store.getState(), clock.now()), 'test', false);
  server.closeAllConnections();
  server.close();
  assert.equal(report.delivered, 1);
  assert.match(String(recorder.ofKind('escalation.failed')[0]?.data.error), /timed out/);
});
