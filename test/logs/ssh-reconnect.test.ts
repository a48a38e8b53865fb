// A remote log source whose host goes away and comes back (ssh2's own server, on loopback, closed
// and started again on the same port): the source is stale since the loss, a gap marker stands
// in the stream where the data stopped and resumed, and the tail `tail -n N -F` re-sends on
// reconnect is not shown or counted a second time (issue #17: duplicates inflated error counts).
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createExecutor } from '../../src/exec/index.js';
import { LogHub, type LogsFlush } from '../../src/logs/hub.js';
import { LineFlag } from '../../src/logs/ring-buffer.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { generateKeyPair, startTestSshServer } from '../exec/ssh-test-server.js';
import { waitFor } from '../helpers/wait-for.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-logs-reconnect-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('an SSH host that goes away: stale since, one gap marker, the re-sent tail not counted twice', async () => {
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  let server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  const port = server.port;
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostKey.public}\n`);
  const executor = createExecutor({
    hosts: { 'app-1': { name: 'app-1', address: '127.0.0.1', port, user: 'deploy', identityFile: keyPath, insecureAcceptNewHostKey: false } },
    knownHostsPath: knownHosts,
    sshConfigPath: join(home, '.ssh', 'config'),
    agentSocket: null,
    home,
  });
  const path = join(dir, 'app.log');
  writeFileSync(path, 'INFO one\nERROR two\nINFO three\n');
  let latest: LogsFlush | null = null;
  const hub = new LogHub({ settings: { buffer: 100, errorRateNote: 1000 }, recorder: new MemoryRecorder(), executor, sink: { logsFlushed: (flush) => (latest = flush) } });
  hub.addSource({ kind: 'file', tag: 'api/app-1', service: 'api', instance: 'app-1', path, host: 'app-1', lines: 10 });
  hub.start();
  const lines = (flag: number) => {
    const ring = latest?.ring;
    const out: string[] = [];
    if (ring) for (let seq = ring.oldest; seq < ring.total; seq++) if ((ring.flags(seq) & flag) !== 0 || (flag === 0 && ring.flags(seq) === 0)) out.push(ring.text(seq));
    return out;
  };
  const source = () => latest!.sources[0]!;
  try {
    await waitFor(() => lines(0).length === 3, { what: 'the first three lines' });
    assert.equal(source().staleSince, null);

    await server.close();
    await waitFor(() => latest !== null && source().staleSince !== null, { what: 'the source stale once the host is gone', timeoutMs: 20_000 });
    const staleSince = source().staleSince!;
    assert.equal(lines(0).length, 3, 'nothing new while away');
    // Written while the host was unreachable: arrives with the re-sent tail.
    appendFileSync(path, 'ERROR four\n');

    server = await startTestSshServer({ hostKey, authorizedKey: userKey, port });
    await waitFor(() => lines(0).includes('ERROR four') && source().staleSince === null, { what: 'the source back, with the line written meanwhile', timeoutMs: 30_000 });
    await waitFor(() => source().repeatsDropped === 3, { what: 'the re-sent tail dropped', timeoutMs: 10_000 });
    assert.deepEqual(lines(0), ['INFO one', 'ERROR two', 'INFO three', 'ERROR four'], 'each line once');
    assert.equal(source().errorsTotal, 2, 'ERROR two counted once');
    const markers = lines(LineFlag.marker);
    assert.equal(markers.length, 1, markers.join('\n'));
    assert.match(markers[0]!, /^— api\/app-1: no data (\d\d:\d\d:\d\d)–\d\d:\d\d:\d\d, reconnected —$/);
    const ring = latest!.ring;
    const markerSeq = [...Array(ring.total).keys()].find((seq) => (ring.flags(seq) & LineFlag.marker) !== 0)!;
    assert.equal(ring.text(markerSeq + 1), 'ERROR four', 'the marker stands where the data resumed');
    assert.ok(ring.time(markerSeq) >= staleSince);
  } finally {
    await hub.stop();
    await executor.close();
    await server.close();
  }
});
