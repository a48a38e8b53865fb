// Log sources on a remote host, through the real executor over SSH (an in-process ssh2 server
// on loopback that runs commands locally, from the exec tests).
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createExecutor } from '../../src/exec/index.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { LogHub, type LogsFlush } from '../../src/logs/hub.js';
import { Level } from '../../src/logs/level.js';
import { LineFlag } from '../../src/logs/ring-buffer.js';
import { generateKeyPair, startTestSshServer, type TestSshServer } from '../exec/ssh-test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-logs-ssh-'));
let server: TestSshServer;
let executor: ReturnType<typeof createExecutor>;

before(async () => {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  executor = createExecutor({
    hosts: { 'app-1': { name: 'app-1', address: '127.0.0.1', port: server.port, user: 'deploy', identityFile: keyPath, insecureAcceptNewHostKey: false } },
    knownHostsPath: knownHosts,
    sshConfigPath: join(home, '.ssh', 'config'),
    agentSocket: null,
    home,
  });
});

after(async () => {
  await executor.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a file on a host is followed with tail -F over SSH, rotation included', async () => {
  const path = join(dir, 'remote app.log');
  writeFileSync(path, 'INFO one\nINFO two\nERROR three\n');
  let latest: LogsFlush | null = null;
  const hub = new LogHub({
    settings: { buffer: 100, errorRateNote: 1000 },
    recorder: new MemoryRecorder(),
    executor,
    sink: { logsFlushed: (flush) => (latest = flush) },
  });
  hub.addSource({ kind: 'file', tag: 'api/app-1', service: 'api', instance: 'app-1', path, host: 'app-1', lines: 2 });
  hub.start();
  const texts = () => {
    const ring = latest?.ring;
    if (!ring) return [];
    const out: string[] = [];
    for (let seq = ring.oldest; seq < ring.total; seq++) if (!(ring.flags(seq) & LineFlag.stderr)) out.push(ring.text(seq));
    return out;
  };
  try {
    await waitFor(() => texts().length === 2, { what: 'the last two lines' });
    assert.deepEqual(texts(), ['INFO two', 'ERROR three']);
    assert.ok(server.commands.some((c) => c.startsWith('tail -n 2 -F -- ')), server.commands.join('\n'));
    appendFileSync(path, 'WARN four\n');
    await waitFor(() => texts().includes('WARN four') && latest!.sources[0].warnsTotal === 1, { what: 'an appended line, counted' });
    assert.equal(latest!.sources[0].errorsTotal, 1);
    assert.equal(latest!.ring.level(latest!.ring.newest), Level.warn);
    renameSync(path, `${path}.1`);
    writeFileSync(path, 'ERROR after rotation\n');
    await waitFor(() => texts().includes('ERROR after rotation'), { what: 'the rotated-in file' });
  } finally {
    await hub.stop();
  }
});

test('a command over SSH that exits is restarted; its stderr is a source error', async () => {
  let latest: LogsFlush | null = null;
  const hub = new LogHub({
    settings: { buffer: 100, errorRateNote: 1000 },
    recorder: new MemoryRecorder(),
    executor,
    sink: { logsFlushed: (flush) => (latest = flush) },
  });
  hub.addSource({ kind: 'command', tag: 'worker', service: 'worker', command: 'echo "INFO tick"; echo "disk gone" >&2; exit 1', host: 'app-1' });
  hub.start();
  try {
    await waitFor(() => (latest?.sources[0].linesTotal ?? 0) >= 2 && server.commands.filter((c) => c.includes('INFO tick')).length >= 2, { what: 'a restart' });
    assert.ok(latest!.sourceErrors.some((e) => e.source === 'worker' && e.text === 'disk gone'));
  } finally {
    await hub.stop();
  }
});
