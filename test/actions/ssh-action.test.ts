import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { ActionRunner } from '../../src/actions/runner.js';
import type { HostConfig } from '../../src/config/types.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { createExecutor } from '../../src/exec/index.js';
import { createWarroomStore } from '../../src/store/store.js';
import { redact } from '../../src/text/redact.js';
import { generateKeyPair, startTestSshServer } from '../exec/ssh-test-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { action } from './fixtures.js';

/** Two configured hosts on one in-process SSH server, and a runner using the real executor. */
async function sshLab(t: TestContext) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-actions-ssh-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  const host = (name: string): HostConfig => ({ name, address: '127.0.0.1', port: server.port, user: 'deploy', identityFile: keyPath, insecureAcceptNewHostKey: false });
  const hosts = { 'app-1': host('app-1'), 'app-2': host('app-2') };
  const executor = createExecutor({ hosts, knownHostsPath: knownHosts, sshConfigPath: join(home, '.ssh', 'config'), agentSocket: null, home });
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const ups: string[] = [];
  const runner = new ActionRunner({ executor, recorder, store, hosts, redactor: redact, health: { waitUntilUp: async (_s, i) => (ups.push(String(i)), true) } });
  t.after(async () => {
    await executor.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { server, runner, recorder, store, ups };
}

test('a rolling restart over SSH runs on each host in turn and records user@address:port', async (t) => {
  const { server, runner, recorder, ups } = await sshLab(t);
  const a = action({
    service: 'gateway',
    rolling: true,
    targets: [
      { instance: 'app-1', host: 'app-1', run: 'echo restarting app-1' },
      { instance: 'app-2', host: 'app-2', run: 'echo restarting app-2' },
    ],
  });
  const outcome = await runner.request(a, { confirm: async () => true });
  assert.ok(outcome.status === 'ran' && outcome.ok, JSON.stringify(outcome));
  assert.equal(outcome.status === 'ran' && outcome.summary, 'gateway: 2/2 restarted');
  assert.deepEqual(server.commands, ['echo restarting app-1', 'echo restarting app-2']);
  assert.deepEqual(ups, ['app-1', 'app-2']);
  const finished = recorder.ofKind('action.finished').map((e) => e.data);
  assert.deepEqual(finished.map((d) => [d.instance, d.target, d.exitCode]), [
    ['app-1', `deploy@127.0.0.1:${server.port}`, 0],
    ['app-2', `deploy@127.0.0.1:${server.port}`, 0],
  ]);
  assert.deepEqual(finished[0]!.outputTail, ['restarting app-1']);
});

test('cancelling an action over SSH ends the remote command', async (t) => {
  const { runner, store, recorder } = await sshLab(t);
  const a = action({ targets: [{ host: 'app-1', run: 'echo begun; sleep 30' }] });
  const pending = runner.request(a, { confirm: async () => true });
  await waitFor(() => store.getState().actionRuns[0]?.lines.includes('begun'), { what: 'remote output', timeoutMs: 20_000 });
  assert.equal(runner.cancel(), true);
  const outcome = await pending;
  assert.ok(outcome.status === 'ran' && !outcome.ok && outcome.summary.includes('cancelled'), JSON.stringify(outcome));
  assert.equal(recorder.ofKind('action.finished')[0]!.data.cancelled, true);
});

test('a remote failure stops the roll with the exit code', async (t) => {
  const { runner, server } = await sshLab(t);
  const a = action({
    service: 'gateway',
    rolling: true,
    targets: [
      { instance: 'app-1', host: 'app-1', run: 'exit 1' },
      { instance: 'app-2', host: 'app-2', run: 'echo never' },
    ],
  });
  const outcome = await runner.request(a, { confirm: async () => true });
  assert.equal(outcome.status === 'ran' && outcome.summary, 'gateway: 0/2 restarted, app-1 failed: exit 1 (1 not run)');
  assert.deepEqual(server.commands, ['exit 1']);
});
