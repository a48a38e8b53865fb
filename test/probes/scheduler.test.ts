import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { EventKind, TimelineRecorder } from '../../src/timeline/recorder.js';
import { HttpCheck } from '../../src/probes/http-check.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { CheckScheduler } from '../../src/probes/scheduler.js';
import type { RowUpdate } from '../../src/probes/types.js';
import { httpConfig, startHttp, type Loopback } from './loopback.js';
import { waitFor } from '../helpers/wait-for.js';

const pool = createHttpPool();
let server: Loopback;
/** Requests in flight per path, and the most ever per path. */
const perPath = new Map<string, { now: number; max: number; total: number }>();
let flapStatus = 200;

before(async () => {
  server = await startHttp((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const counts = perPath.get(path) ?? { now: 0, max: 0, total: 0 };
    perPath.set(path, counts);
    counts.now += 1;
    counts.total += 1;
    counts.max = Math.max(counts.max, counts.now);
    res.once('close', () => (counts.now -= 1));
    if (path === '/hang') return;
    if (path === '/flap') return res.writeHead(flapStatus).end();
    const delay = path.startsWith('/slow') ? 300 : path.startsWith('/busy') ? 60 : 0;
    setTimeout(() => res.end('ok'), delay);
  });
});
after(async () => {
  await server.close();
  await pool.close();
});

class MemoryRecorder implements TimelineRecorder {
  readonly events: { kind: EventKind; data: Record<string, unknown> }[] = [];
  record(kind: EventKind, data: Record<string, unknown>): void {
    this.events.push({ kind, data });
  }
}

describe('CheckScheduler', () => {
  it('never has more probes in flight than its bound, and batches results', async () => {
    const checks = Array.from({ length: 30 }, (_, i) => new HttpCheck(httpConfig(server.url(`/busy${i}`), { intervalMs: 150 }), pool, i));
    const batches: RowUpdate[][] = [];
    const before = server.stats.total;
    const scheduler = new CheckScheduler(checks, { concurrency: 4, onBatch: (b) => batches.push(b) });
    scheduler.start();
    try {
      await waitFor(() => batches.flat().length >= 90, { timeoutMs: 60_000, what: '90 results' });
    } finally {
      await scheduler.stop();
    }
    assert.ok(server.stats.total - before >= 90);
    assert.ok(server.stats.maxInFlight <= 4, `max in flight ${server.stats.maxInFlight}`);
    assert.ok(batches.length < batches.flat().length, 'results arrive in batches, not one by one');
  });

  it('never overlaps runs of one check', async () => {
    const check = new HttpCheck(httpConfig(server.url('/slow-one'), { intervalMs: 10 }), pool);
    const scheduler = new CheckScheduler([check], { onBatch: () => undefined });
    scheduler.start();
    try {
      await waitFor(() => (perPath.get('/slow-one')?.total ?? 0) >= 4, { timeoutMs: 30_000, what: 'four runs' });
    } finally {
      await scheduler.stop();
    }
    assert.equal(perPath.get('/slow-one')?.max, 1);
  });

  it('keeps probing other checks while one hangs', async () => {
    const hanging = new HttpCheck(httpConfig(server.url('/hang'), { intervalMs: 50, timeoutMs: 60_000 }), pool, 0);
    const fast = new HttpCheck(httpConfig(server.url('/fast'), { intervalMs: 50 }), pool, 1);
    const updates: RowUpdate[] = [];
    const scheduler = new CheckScheduler([hanging, fast], { concurrency: 2, onBatch: (b) => updates.push(...b) });
    scheduler.start();
    try {
      await waitFor(() => updates.filter((u) => u.row.id === fast.config.id).length >= 5, { timeoutMs: 30_000, what: 'five fast results' });
      assert.equal(updates.filter((u) => u.row.id === hanging.config.id).length, 0);
    } finally {
      await scheduler.stop();
    }
  });

  it('damps flapping and records each transition once', async () => {
    flapStatus = 200;
    const config = httpConfig(server.url('/flap'), { intervalMs: 30, headers: { Authorization: 'Bearer very-secret' } });
    const recorder = new MemoryRecorder();
    const updates: RowUpdate[] = [];
    const scheduler = new CheckScheduler([new HttpCheck(config, pool)], { recorder, onBatch: (b) => updates.push(...b) });
    scheduler.start();
    try {
      await waitFor(() => updates.some((u) => u.state === 'UP'), { timeoutMs: 30_000, what: 'first UP' });
      flapStatus = 503;
      await waitFor(() => recorder.events.length >= 1, { timeoutMs: 30_000, what: 'UP -> DOWN' });
      flapStatus = 200;
      await waitFor(() => recorder.events.length >= 2, { timeoutMs: 30_000, what: 'DOWN -> UP' });
    } finally {
      await scheduler.stop();
    }
    const changes = recorder.events.map((e) => `${e.data.from}->${e.data.to}`);
    assert.deepEqual(changes.slice(0, 2), ['UP->DOWN', 'DOWN->UP']);
    assert.equal(recorder.events[0]?.kind, 'check.state');
    assert.equal(recorder.events[0]?.data.reason, 'HTTP 503');
    assert.equal(recorder.events[0]?.data.service, 'svc');
    assert.ok(!JSON.stringify(recorder.events).includes('very-secret'));
    // The first DOWN result is only a raw result (history), the second moves the row.
    const firstDown = updates.findIndex((u) => u.raw === 'DOWN');
    assert.equal(updates[firstDown]?.state, 'UP');
    assert.equal(updates[firstDown + 1]?.state, 'DOWN');
    assert.equal(updates[firstDown + 1]?.transition?.from, 'UP');
  });
});

describe('CheckScheduler.stop', () => {
  it('cancels probes in flight instead of waiting for their timeout', async () => {
    const hanging = new HttpCheck(httpConfig(server.url('/hang'), { timeoutMs: 600_000 }), pool);
    const updates: RowUpdate[] = [];
    const scheduler = new CheckScheduler([hanging], { onBatch: (b) => updates.push(...b) });
    const before = perPath.get('/hang')?.total ?? 0;
    scheduler.start();
    await waitFor(() => (perPath.get('/hang')?.total ?? 0) > before, { timeoutMs: 30_000, what: 'the probe to reach the server' });
    await scheduler.stop(); // would take ten minutes if the probe were not cancelled
    assert.equal(updates.length, 0, 'a cancelled run reports nothing');
  });
});

describe('CheckScheduler.runNow', () => {
  it('probes a check again at once instead of waiting for its interval', async () => {
    const check = new HttpCheck(httpConfig(server.url('/fast-again'), { intervalMs: 600_000 }), pool);
    const updates: RowUpdate[] = [];
    const scheduler = new CheckScheduler([check], { onBatch: (b) => updates.push(...b) });
    scheduler.start();
    try {
      await waitFor(() => updates.length === 1, { timeoutMs: 30_000, what: 'first result' });
      scheduler.runNow(check.config.id);
      await waitFor(() => updates.length === 2, { timeoutMs: 30_000, what: 'second result long before the interval' });
    } finally {
      await scheduler.stop();
    }
  });
});
