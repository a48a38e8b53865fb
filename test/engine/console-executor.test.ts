import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostConfig, WarroomConfig } from '../../src/config/types.js';
import { Engine } from '../../src/engine/engine.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { createConsoleExecutor } from '../../src/engine/console-executor.js';
import { createWarroomStore } from '../../src/store/store.js';
import { generateKeyPair, startTestSshServer } from '../exec/ssh-test-server.js';
import { freePort } from '../helpers/free-port.js';

test('the console executor puts host states in the store and failures on the timeline', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-console-exec-'));
  mkdirSync(join(dir, '.ssh'));
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  t.after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const keyPath = join(dir, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  writeFileSync(join(dir, '.ssh', 'known_hosts'), `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  const deadPort = await freePort();
  const host = (name: string, port: number): HostConfig => ({
    name,
    address: '127.0.0.1',
    port,
    user: 'deploy',
    identityFile: keyPath,
    insecureAcceptNewHostKey: false,
  });
  // Only `hosts` matters to the executor.
  const config = { hosts: { 'app-1': host('app-1', server.port), 'app-2': host('app-2', deadPort) } } as unknown as WarroomConfig;
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const executor = createConsoleExecutor(config, store, recorder, { home: dir, agentSocket: null, globalKnownHostsPath: null });
  const engine = new Engine({ config, store, recorder, executor, mode: 'live', operator: 'op' }, []);
  await engine.start();

  const ok = await executor.run('echo up', { host: 'app-1' });
  assert.equal(ok.stdout, 'up\n');
  assert.equal(store.getState().hosts['app-1']?.state, 'connected');

  const down = await executor.run('echo never', { host: 'app-2' });
  assert.equal(down.error, `app-2 (127.0.0.1:${deadPort}): connection refused`);
  assert.deepEqual(
    { state: store.getState().hosts['app-2']?.state, reason: store.getState().hosts['app-2']?.reason },
    { state: 'failed', reason: 'connection refused' },
  );
  assert.deepEqual(
    recorder.ofKind('host.connection').map((e) => e.data),
    [{ host: 'app-2', state: 'failed', reason: 'connection refused', text: 'app-2: connection refused' }],
  );

  // Stopping the engine closes the executor and its connections.
  await engine.stop();
  assert.equal(store.getState().hosts['app-1']?.state, 'idle');
});
