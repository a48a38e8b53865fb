import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../src/engine/engine.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { statusBoardCapability } from '../../src/probes/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import { portChecks, service, warroomConfig } from './fixture-config.js';
import { testExecutor } from './test-executor.js';
import { startHttp } from './loopback.js';
import { waitFor } from '../helpers/wait-for.js';

describe('status board capability', () => {
  it('is not started when no service has checks', () => {
    const context = { config: warroomConfig([service('x', [])]), store: createWarroomStore(), recorder: new MemoryRecorder(), executor: testExecutor(), mode: 'live' as const, operator: 'op' };
    assert.equal(statusBoardCapability(context), null);
  });

  it('probes into the store with the engine and stops cleanly', async () => {
    let status = 200;
    const server = await startHttp((_req, res) => res.writeHead(status).end());
    const store = createWarroomStore();
    const recorder = new MemoryRecorder();
    const config = warroomConfig([service('web', portChecks('web', [server.port]).map((c) => ({ ...c, intervalMs: 50, downAfter: 1 })))]);
    const engine = new Engine({ config, store, recorder, executor: testExecutor(), mode: 'live', operator: 'op' }, [statusBoardCapability]);
    await engine.start();
    try {
      const row = () => Object.values(store.getState().checks.rows)[0];
      await waitFor(() => row()?.state === 'UP', { timeoutMs: 30_000, what: 'UP' });
      status = 503;
      await waitFor(() => row()?.state === 'DOWN', { timeoutMs: 30_000, what: 'DOWN' });
      assert.equal(row()?.reason, 'HTTP 503');
      assert.deepEqual(recorder.ofKind('check.state').map((e) => [e.data.from, e.data.to]), [['UP', 'DOWN']]);
    } finally {
      await engine.stop();
      await server.close();
    }
  });
});
