import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { HttpCheckConfig } from '../../src/config/types.js';
import { createChecks } from '../../src/probes/check-factory.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { startStatusBoard } from '../../src/probes/status-board.js';
import { sweepOnce } from '../../src/probes/sweep.js';
import { createWarroomStore } from '../../src/store/store.js';
import type { EventKind } from '../../src/timeline/recorder.js';
import { instanceChecks, portChecks, service, warroomConfig } from './fixture-config.js';
import { testExecutor } from './test-executor.js';
import { closedPort, startHttp, startTcp, type Loopback } from './loopback.js';
import { waitFor } from '../helpers/wait-for.js';

const pool = createHttpPool();
const executor = testExecutor();
let healthy: Loopback;
let sick: Loopback;
let db: { port: number; close: () => Promise<void> };
let gone: number;

before(async () => {
  healthy = await startHttp((_req, res) => res.end('{"status":"healthy"}'));
  sick = await startHttp((_req, res) => res.writeHead(503).end());
  db = await startTcp();
  gone = await closedPort();
});
after(async () => {
  await healthy.close();
  await sick.close();
  await db.close();
  await pool.close();
});

function estate() {
  return warroomConfig([
    service('edge', portChecks('edge', [healthy.port, sick.port, gone])),
    service('db', instanceChecks('db', [{ name: 'db-1', port: db.port }, { name: 'db-2', port: gone }]), ['db-1', 'db-2']),
  ]);
}

describe('one row per port and per instance', () => {
  it('sweeps every row once, in config order', async () => {
    const outcomes = await sweepOnce(createChecks(estate(), { executor, pool }));
    assert.deepEqual(
      outcomes.map((o) => [o.row.service, o.row.instance ?? '', o.row.target, o.state, o.reason]),
      [
        ['edge', '', `127.0.0.1:${healthy.port}/health`, 'UP', 'HTTP 200'],
        ['edge', '', `127.0.0.1:${sick.port}/health`, 'DOWN', 'HTTP 503'],
        ['edge', '', `127.0.0.1:${gone}/health`, 'DOWN', 'connection refused'],
        ['db', 'db-1', `127.0.0.1:${db.port}`, 'UP', 'connected'],
        ['db', 'db-2', `127.0.0.1:${gone}`, 'DOWN', 'connection refused'],
      ],
    );
  });

  it('fills the store and records non-UP first states', async () => {
    const store = createWarroomStore();
    const events: { kind: EventKind; data: Record<string, unknown> }[] = [];
    const board = startStatusBoard({ config: estate(), store, executor, recorder: { record: (kind, data) => events.push({ kind, data }) }, pool });
    try {
      assert.equal(store.getState().checks.ids.length, 5);
      await waitFor(() => Object.values(store.getState().checks.rows).every((r) => r.lastAt !== null), { timeoutMs: 30_000, what: 'every row probed' });
    } finally {
      await board.stop();
    }
    const rows = store.getState().checks;
    assert.deepEqual(rows.ids.map((id) => rows.rows[id]?.state), ['UP', 'DOWN', 'DOWN', 'UP', 'DOWN']);
    assert.deepEqual(events.map((e) => e.data.to).sort(), ['DOWN', 'DOWN', 'DOWN']);
    assert.ok(events.every((e) => e.kind === 'check.state'));
  });
});

describe('secrets on the board', () => {
  it('masks configured secrets in targets, reasons and bodies before the store', async () => {
    const echo = await startHttp((req, res) => res.end(`{"seen":"${req.headers['x-api-key']}"}`));
    const secret = 'tok-0123456789';
    const config = warroomConfig([
      service('api', [
        { ...(portChecks('api', [echo.port])[0] as HttpCheckConfig), headers: { 'X-API-Key': secret } },
        { id: 'api#1', service: 'api', label: 'probe', kind: 'command', command: `echo ${secret}; exit 3`, intervalMs: 5000, timeoutMs: 2000, downAfter: 2, upAfter: 1, pos: { file: 'f', line: 1, col: 1 } },
      ]),
    ]);
    config.secrets = [secret];
    const store = createWarroomStore();
    const board = startStatusBoard({ config, store, executor, recorder: { record: () => undefined }, pool });
    try {
      await waitFor(() => Object.values(store.getState().checks.rows).every((r) => r.lastAt !== null), { timeoutMs: 30_000, what: 'both rows probed' });
    } finally {
      await board.stop();
      await echo.close();
    }
    const shown = JSON.stringify(store.getState().checks);
    assert.ok(shown.includes('exit 3'), shown);
    assert.ok(!shown.includes(secret), shown);
  });
});
