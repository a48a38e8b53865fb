// Each of warroom's own counters is fed by its area's real code path: probes run by the
// scheduler against loopback servers, lines ingested from a real file, actions run as local
// commands, escalations delivered to (and failing at) a local HTTP sink. Every value is read
// back the way Prometheus would, from the served /metrics page, as a change over the test.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { InstanceHealth } from '../../src/actions/instance-health.js';
import { ActionRunner } from '../../src/actions/runner.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { incidentSnapshot } from '../../src/escalation/snapshot.js';
import { LogHub, type LogsFlush } from '../../src/logs/hub.js';
import { CommandCheck } from '../../src/probes/command-check.js';
import { HttpCheck } from '../../src/probes/http-check.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { CheckScheduler } from '../../src/probes/scheduler.js';
import { TcpCheck } from '../../src/probes/tcp-check.js';
import type { RowUpdate } from '../../src/probes/types.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { createRedactor } from '../../src/text/redact.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { action } from '../actions/fixtures.js';
import { startSink } from '../escalation/http-sink.js';
import { escalationSetup } from '../escalation/setup.js';
import { waitFor } from '../helpers/wait-for.js';
import { localExecutor } from '../logs/local-executor.js';
import { commandConfig, httpConfig, startHttp, startTcp, tcpConfig } from '../probes/loopback.js';
import { serveForTest, type SelfScrape } from './self-scrape.js';

let self: SelfScrape;
const executor = localExecutor();
const dir = mkdtempSync(join(tmpdir(), 'warroom-selfmetrics-'));

before(async () => (self = await serveForTest()));
after(async () => {
  await self.close();
  await executor.close();
  rmSync(dir, { recursive: true, force: true });
});

test('probe latency: every run the scheduler takes is observed under its kind, in seconds', async () => {
  const http = await startHttp((_req, res) => setTimeout(() => res.end('ok'), 30));
  const tcp = await startTcp();
  const pool = createHttpPool();
  const checks = [
    new HttpCheck(httpConfig(http.url(), { intervalMs: 100 }), pool, 0),
    new TcpCheck(tcpConfig(tcp.port, { intervalMs: 100 }), 1),
    new CommandCheck(commandConfig('true', { intervalMs: 100 }), executor, 2),
  ];
  const before = await self.scrape();
  const countBefore = (kind: string) => before('warroom_probe_duration_seconds_count', { kind }) ?? 0;
  const sumBefore = (kind: string) => before('warroom_probe_duration_seconds_sum', { kind }) ?? 0;
  const updates: RowUpdate[] = [];
  const scheduler = new CheckScheduler(checks, { onBatch: (batch) => updates.push(...batch) });
  scheduler.start();
  const runsOf = (kind: string) => updates.filter((u) => u.row.kind === kind).length;
  try {
    await waitFor(() => ['http', 'tcp', 'command'].every((kind) => runsOf(kind) >= 3), { timeoutMs: 20_000, what: '3 runs of each check' });
  } finally {
    await scheduler.stop();
    await pool.close();
    await http.close();
    await tcp.close();
  }
  const after = await self.scrape();
  for (const kind of ['http', 'tcp', 'command']) {
    const count = (after('warroom_probe_duration_seconds_count', { kind }) ?? 0) - countBefore(kind);
    assert.equal(count, runsOf(kind), `${kind}: one observation per result the board received`);
  }
  // The HTTP server answers after 30 ms: the mean is in seconds, not milliseconds.
  const httpMean = ((after('warroom_probe_duration_seconds_sum', { kind: 'http' }) ?? 0) - sumBefore('http')) / runsOf('http');
  assert.ok(httpMean >= 0.025 && httpMean < 2, `http mean ${httpMean} s`);
});

test('log lines: a real file source is counted per source, history and cut lines included; nothing is dropped', async () => {
  const path = join(dir, 'api.log');
  writeFileSync(path, Array.from({ length: 50 }, (_, i) => `INFO history ${i}\n`).join(''));
  const flushes: LogsFlush[] = [];
  const hub = new LogHub({
    settings: { buffer: 500, errorRateNote: 1_000_000 },
    recorder: new MemoryRecorder(),
    sink: { logsFlushed: (flush) => flushes.push(flush) },
    pollMs: 50,
  });
  hub.addSource({ kind: 'file', tag: 'selfmetrics-api', service: 'api', path, lines: 100 });
  const atStart = await self.scrape();
  assert.equal(atStart('warroom_log_lines_ingested_total', { source: 'selfmetrics-api' }), 0, 'the series exists before any line');
  assert.equal(atStart('warroom_log_lines_dropped_total', { source: 'selfmetrics-api' }), 0);
  hub.start();
  try {
    await waitFor(() => flushes.at(-1)?.sources[0]?.linesTotal === 50, { timeoutMs: 15_000, what: 'the 50 lines of history' });
    let text = '';
    for (let i = 0; i < 2000; i++) text += `ERROR request ${i} failed\n`;
    appendFileSync(path, text);
    // Longer than a line may be: kept cut, with a marker, and still one line ingested.
    appendFileSync(path, `WARN ${'x'.repeat(10_000)}\n`);
    await waitFor(() => flushes.at(-1)?.sources[0]?.linesTotal === 2051, { timeoutMs: 15_000, what: 'all 2,051 lines flushed' });
  } finally {
    await hub.stop();
  }
  const scrape = await self.scrape();
  // The ring holds 500; the counter counts every line ingested, overwritten ones included.
  assert.equal(scrape('warroom_log_lines_ingested_total', { source: 'selfmetrics-api' }), 2051);
  assert.equal(scrape('warroom_log_lines_dropped_total', { source: 'selfmetrics-api' }), 0);
  assert.ok(flushes.length < 2051 / 10, `counted per flush, not per line (${flushes.length} flushes)`);
});

test('actions: each finished run is counted once by its result', async () => {
  const alwaysUp: InstanceHealth = { waitUntilUp: async () => true };
  const setup = (mode: ConsoleMode) => {
    const store = createWarroomStore();
    store.getState().setIncident({ mode });
    return { store, runner: new ActionRunner({ executor: new RecordingExecutor(), recorder: new MemoryRecorder(), store, hosts: {}, redactor: createRedactor({ secrets: [] }), health: alwaysUp }) };
  };
  const yes = async () => true;
  const results = ['succeeded', 'failed', 'timeout', 'cancelled', 'dry-run'];
  const before = await self.scrape();
  const live = setup('live');
  assert.equal((await live.runner.request(action({ name: 'ok', targets: [{ run: 'echo fine' }] }), { confirm: yes })).status, 'ran');
  assert.equal((await live.runner.request(action({ name: 'bad', targets: [{ run: 'exit 3' }] }), { confirm: yes })).status, 'ran');
  assert.equal((await live.runner.request(action({ name: 'slow', timeoutMs: 300, targets: [{ run: 'sleep 30' }] }), { confirm: yes })).status, 'ran');
  const pending = live.runner.request(action({ name: 'long', targets: [{ run: 'echo started; sleep 30' }] }), { confirm: yes });
  await waitFor(() => live.store.getState().actionRuns.at(-1)?.lines.includes('started'), { what: 'the long run to start' });
  live.runner.cancel();
  assert.equal((await pending).status, 'ran');
  const dry = setup('dry-run');
  assert.equal((await dry.runner.request(action({ name: 'rehearse', targets: [{ run: 'echo never' }] }), { confirm: yes })).status, 'ran');
  // Declined at the confirmation: never run, never counted.
  assert.equal((await live.runner.request(action({ name: 'no', targets: [{ run: 'echo no' }] }), { confirm: async () => false })).status, 'declined');
  const after = await self.scrape();
  for (const result of results) {
    assert.equal((after('warroom_actions_total', { result }) ?? 0) - (before('warroom_actions_total', { result }) ?? 0), 1, result);
  }
});

test('escalations: a delivery counts once with its final outcome, however many attempts it took', async () => {
  const good = await startSink([500, 200]);
  const bad = await startSink([503]);
  try {
    const config = {
      auto: false,
      policy: [],
      contacts: {
        ops: { name: 'ops', webhook: { url: `${good.url}/hook`, headers: {} } },
        lead: { name: 'lead', slack: { webhook: `${bad.url}/services/T0/B0/X`, mention: '@lead' } },
      },
    };
    const { pager, store, clock } = escalationSetup(config);
    const snapshot = incidentSnapshot(store.getState(), clock.now());
    const before = await self.scrape();
    const sent = (s: typeof before) => s('warroom_escalations_sent_total', { channel: 'webhook' }) ?? 0;
    const failed = (s: typeof before) => s('warroom_escalations_failed_total', { channel: 'slack' }) ?? 0;
    assert.deepEqual(await pager.page('ops', snapshot, 'test', false), { delivered: 1, total: 1, failures: [] });
    assert.equal((await pager.page('lead', snapshot, 'test', false)).delivered, 0);
    await pager.page('ops', snapshot, 'rehearsal', true);
    assert.equal(good.received.length, 2, 'a 500, then the 200');
    assert.equal(bad.received.length, 4, 'four attempts, all 503');
    const after = await self.scrape();
    assert.equal(sent(after) - sent(before), 1, 'sent once (the retry is not a second delivery; the dry run sent nothing)');
    assert.equal(failed(after) - failed(before), 1, 'failed once, after its retries');
    assert.equal((after('warroom_escalations_failed_total', { channel: 'webhook' }) ?? 0) - (before('warroom_escalations_failed_total', { channel: 'webhook' }) ?? 0), 0);
  } finally {
    await good.close();
    await bad.close();
  }
});
