import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { HostConfig } from '../../src/config/types.js';
import { createExecutor, type ExecutorOptions, type HostState } from '../../src/exec/index.js';
import { generateKeyPair, startTestSshServer, type KeyPair, type TestSshServer } from './ssh-test-server.js';
import { TcpProxy } from './tcp-proxy.js';
import { pidsWithMarker } from './process-probe.js';
import { waitFor } from '../helpers/wait-for.js';

interface Lab {
  dir: string;
  home: string;
  server: TestSshServer;
  hostKey: KeyPair;
  userKey: KeyPair;
  keyPath: string;
  knownHosts: string;
  states: HostState[];
  notices: string[];
  host(overrides?: Partial<HostConfig>): HostConfig;
  executor(hosts: Record<string, HostConfig>, extra?: Partial<ExecutorOptions>): ReturnType<typeof createExecutor>;
}

async function lab(t: TestContext): Promise<Lab> {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-ssh-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  const knownHosts = join(home, '.ssh', 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  const executors: Array<ReturnType<typeof createExecutor>> = [];
  t.after(async () => {
    await Promise.all(executors.map((e) => e.close()));
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const result: Lab = {
    dir,
    home,
    server,
    hostKey,
    userKey,
    keyPath,
    knownHosts,
    states: [],
    notices: [],
    host: (overrides = {}) => ({
      name: 'app-1',
      address: '127.0.0.1',
      port: server.port,
      user: 'deploy',
      identityFile: keyPath,
      insecureAcceptNewHostKey: false,
      ...overrides,
    }),
    executor: (hosts, extra = {}) => {
      const executor = createExecutor({
        hosts,
        knownHostsPath: knownHosts,
        globalKnownHostsPath: null,
        sshConfigPath: join(home, '.ssh', 'config'),
        agentSocket: null,
        home,
        backoffInitialMs: 200,
        backoffMaxMs: 1000,
        onHostState: (s) => result.states.push(s),
        onNotice: (text) => result.notices.push(text),
        ...extra,
      });
      executors.push(executor);
      return executor;
    },
  };
  return result;
}

test('runs a command over SSH: output, stderr, exit code', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const result = await executor.run('echo hello; echo oops >&2; exit 3', { host: 'app-1' });
  assert.equal(result.error, undefined);
  assert.equal(result.stdout, 'hello\n');
  assert.equal(result.stderr, 'oops\n');
  assert.equal(result.exitCode, 3);
  assert.deepEqual(
    l.states.map((s) => s.state),
    ['connecting', 'connected'],
  );
});

test('every command on a host shares one connection', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) => executor.run(`echo ${i}`, { host: 'app-1' })),
  );
  assert.deepEqual(
    results.map((r) => r.stdout),
    ['0\n', '1\n', '2\n', '3\n', '4\n', '5\n'],
  );
  assert.equal(l.server.connectionCount, 1);
});

test('reports a remote command killed by a signal', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const result = await executor.run('kill -TERM $$', { host: 'app-1' });
  assert.equal(result.exitCode, null);
  assert.equal(result.signal, 'SIGTERM');
});

test('a timeout sends TERM and closes the channel; the remote process ends', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const marker = `warroom-timeout-${randomBytes(4).toString('hex')}`;
  const result = await executor.run(`sleep 30 # ${marker}`, { host: 'app-1', timeoutMs: 1000 });
  assert.equal(result.timedOut, true);
  assert.equal(result.error, 'timed out after 1s');
  assert.ok(l.server.signals.includes('TERM'), `signals: ${l.server.signals.join(',')}`);
  await waitFor(() => pidsWithMarker(marker).length === 0, { timeoutMs: 10_000, what: 'remote sleep to end' });
});

test('an AbortSignal cancels a remote command', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const controller = new AbortController();
  const lines: string[] = [];
  const running = executor.run('echo started; sleep 30', {
    host: 'app-1',
    signal: controller.signal,
    onLine: (line) => lines.push(line),
  });
  await waitFor(() => lines.includes('started'), { what: 'the command to start' });
  controller.abort();
  const result = await running;
  assert.equal(result.cancelled, true);
  assert.equal(result.error, 'cancelled');
});

test('streams lines from a remote command and stop() ends it', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const marker = `warroom-stream-${randomBytes(4).toString('hex')}`;
  const lines: string[] = [];
  let exited = false;
  const handle = executor.stream(`i=0; while true; do echo line$i; i=$((i+1)); sleep 0.05; done # ${marker}`, {
    host: 'app-1',
    onLine: (line) => lines.push(line),
    onExit: () => (exited = true),
  });
  await waitFor(() => lines.length >= 5, { what: 'five streamed lines' });
  assert.deepEqual(lines.slice(0, 5), ['line0', 'line1', 'line2', 'line3', 'line4']);
  await handle.stop();
  await waitFor(() => pidsWithMarker(marker).length === 0, { timeoutMs: 10_000, what: 'remote loop to end' });
  assert.equal(exited, false);
});

test('a remote stream that ends reports its exit status', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() });
  const lines: string[] = [];
  const exit = await new Promise<{ exitCode: number | null }>((resolve) =>
    executor.stream('echo a; echo b; exit 7', { host: 'app-1', onLine: (line) => lines.push(line), onExit: resolve }),
  );
  assert.equal(exit.exitCode, 7);
  assert.deepEqual(lines, ['a', 'b']);
});

test('authentication failure names what was tried', async (t) => {
  const l = await lab(t);
  const stranger = generateKeyPair();
  const otherKey = join(l.home, '.ssh', 'id_other');
  writeFileSync(otherKey, stranger.private, { mode: 0o600 });
  const executor = l.executor({ 'app-1': l.host({ identityFile: otherKey }) });
  const result = await executor.run('echo never', { host: 'app-1' });
  assert.equal(result.error, `app-1 (127.0.0.1:${l.server.port}): authentication failed (tried ~/.ssh/id_other)`);
  assert.equal(l.states.at(-1)?.state, 'failed');
  assert.match(l.states.at(-1)?.reason ?? '', /authentication failed/);
});

test('without an identityFile the default keys are used', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host({ identityFile: undefined }) });
  const result = await executor.run('echo via-default-key', { host: 'app-1' });
  assert.equal(result.stdout, 'via-default-key\n');
});

test('an unknown host key is refused unless insecureAcceptNewHostKey', async (t) => {
  const l = await lab(t);
  writeFileSync(l.knownHosts, '');
  const strict = l.executor({ 'app-1': l.host() });
  const refused = await strict.run('echo never', { host: 'app-1' });
  assert.match(refused.error ?? '', /^app-1 \(127\.0\.0\.1:\d+\): unknown host key ssh-ed25519 SHA256:\S+: not in known_hosts/);
  assert.equal(l.server.commands.length, 0);

  const lenient = l.executor({ 'app-1': l.host({ insecureAcceptNewHostKey: true }) });
  const accepted = await lenient.run('echo accepted', { host: 'app-1' });
  assert.equal(accepted.stdout, 'accepted\n');
  assert.ok(l.notices.some((n) => /accepted new host key ssh-ed25519/.test(n)), l.notices.join('\n'));
});

test('a changed host key is refused, even with insecureAcceptNewHostKey', async (t) => {
  const l = await lab(t);
  writeFileSync(l.knownHosts, `[127.0.0.1]:${l.server.port} ${generateKeyPair().public}\n`);
  const executor = l.executor({ 'app-1': l.host({ insecureAcceptNewHostKey: true }) });
  const result = await executor.run('echo never', { host: 'app-1' });
  assert.match(result.error ?? '', /^app-1 \(127\.0\.0\.1:\d+\): host key mismatch: the server offered ssh-ed25519 SHA256:/);
  assert.equal(l.server.commands.length, 0);
});

test('hashed known_hosts entries are honoured', async (t) => {
  const l = await lab(t);
  const salt = randomBytes(20);
  const name = `[127.0.0.1]:${l.server.port}`;
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  writeFileSync(l.knownHosts, `|1|${salt.toString('base64')}|${hash} ${l.hostKey.public}\n`);
  const executor = l.executor({ 'app-1': l.host() });
  const result = await executor.run('echo hashed-ok', { host: 'app-1' });
  assert.equal(result.stdout, 'hashed-ok\n');
});

test('a key listed only in the global known_hosts file is accepted', async (t) => {
  const l = await lab(t);
  writeFileSync(l.knownHosts, '');
  const globalFile = join(l.dir, 'ssh_known_hosts');
  writeFileSync(globalFile, `[127.0.0.1]:${l.server.port} ${l.hostKey.public}\n`);
  const executor = l.executor({ 'app-1': l.host() }, { globalKnownHostsPath: globalFile });
  const result = await executor.run('echo global-ok', { host: 'app-1' });
  assert.equal(result.stdout, 'global-ok\n');
});

test('a server that never answers the handshake is "timed out after 1s"', async (t) => {
  const l = await lab(t);
  const silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  t.after(() => {
    silent.close();
  });
  const port = (silent.address() as { port: number }).port;
  const executor = l.executor({ 'app-1': l.host({ port }) }, { connectTimeoutMs: 1000 });
  const result = await executor.run('echo never', { host: 'app-1', timeoutMs: 30_000 });
  assert.equal(result.error, `app-1 (127.0.0.1:${port}): timed out after 1s`);
});

test('a closed port is "connection refused"', async (t) => {
  const l = await lab(t);
  const closedPort = l.server.port;
  await l.server.close();
  const executor = l.executor({ 'app-1': l.host({ port: closedPort }) });
  const result = await executor.run('echo never', { host: 'app-1' });
  assert.equal(result.error, `app-1 (127.0.0.1:${closedPort}): connection refused`);
});

test('names not in hosts: resolve through the ssh config, including ProxyJump', async (t) => {
  const l = await lab(t);
  writeFileSync(
    join(l.home, '.ssh', 'config'),
    [
      'Host web-*',
      '  HostName 127.0.0.1',
      `  Port ${l.server.port}`,
      '  User deploy',
      '  IdentityFile ~/.ssh/id_ed25519',
      'Host behind-bastion',
      '  HostName 127.0.0.1',
      `  Port ${l.server.port}`,
      '  User deploy',
      '  ProxyJump web-bastion',
      '',
    ].join('\n'),
  );
  const executor = l.executor({});
  const direct = await executor.run('echo from-config', { host: 'web-7' });
  assert.equal(direct.error, undefined);
  assert.equal(direct.stdout, 'from-config\n');
  const before = l.server.connectionCount;
  const jumped = await executor.run('echo through-jump', { host: 'behind-bastion' });
  assert.equal(jumped.error, undefined);
  assert.equal(jumped.stdout, 'through-jump\n');
  // The hop and the target: two more SSH sessions on the server.
  assert.equal(l.server.connectionCount, before + 2);
});

test('ssh-agent keys are used, and named in the failure when they do not fit', async (t) => {
  if (!existsSync('/usr/bin/ssh-agent')) return t.skip('ssh-agent not installed: apt-get install openssh-client');
  const l = await lab(t);
  const socket = join(l.dir, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  t.after(() => agent.kill());
  await waitFor(() => existsSync(socket), { timeoutMs: 10_000, what: 'the agent socket' });
  const host = l.host({ identityFile: undefined });
  rmSync(l.keyPath);
  const empty = await l.executor({ 'app-1': host }, { agentSocket: socket }).run('echo never', { host: 'app-1' });
  assert.equal(empty.error, `app-1 (127.0.0.1:${l.server.port}): authentication failed (tried agent)`);
  const keyFile = join(l.dir, 'agent-key');
  writeFileSync(keyFile, l.userKey.private, { mode: 0o600 });
  const added = spawnSync('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket }, encoding: 'utf8' });
  assert.equal(added.status, 0, added.stderr);
  const result = await l.executor({ 'app-1': host }, { agentSocket: socket }).run('echo via-agent', { host: 'app-1' });
  assert.equal(result.stdout, 'via-agent\n');
});

test('a dropped connection comes back: the stream resumes and the gap is a notice', async (t) => {
  const l = await lab(t);
  const proxy = new TcpProxy(l.server.port);
  await proxy.listen();
  t.after(() => proxy.drop());
  writeFileSync(l.knownHosts, `[127.0.0.1]:${proxy.port} ${l.hostKey.public}\n`);
  const executor = l.executor({ 'app-1': l.host({ port: proxy.port }) });
  const lines: string[] = [];
  const streamNotices: string[] = [];
  let exited = false;
  const handle = executor.stream('while true; do echo tick; sleep 0.05; done', {
    host: 'app-1',
    onLine: (line) => lines.push(line),
    onNotice: (text) => streamNotices.push(text),
    onExit: () => (exited = true),
  });
  await waitFor(() => lines.length >= 3, { what: 'lines before the drop' });
  await proxy.drop();
  await waitFor(() => l.states.some((s) => s.reason === 'connection lost'), { what: 'the drop to be noticed' });
  // Keep it down long enough for a reconnect attempt or two to fail.
  await waitFor(() => l.states.some((s) => s.reason === 'connection refused'), { what: 'a failed reconnect attempt' });
  const seenBefore = lines.length;
  await proxy.listen();
  await waitFor(() => lines.length >= seenBefore + 3, { timeoutMs: 30_000, what: 'lines after the reconnect' });
  assert.equal(exited, false);
  assert.equal(l.notices.length, 1, l.notices.join('\n'));
  assert.match(l.notices[0]!, /^app-1: connection lost \d\d:\d\d:\d\d–\d\d:\d\d:\d\d$/);
  assert.deepEqual(streamNotices, l.notices);
  assert.equal(l.states.at(-1)?.state, 'connected');
  assert.equal(l.server.commands.length, 2, 'the command was started again');
  await handle.stop();
});

test('runs beyond the per-host channel limit queue; a queued run that times out gives its slot back', async (t) => {
  const l = await lab(t);
  const executor = l.executor({ 'app-1': l.host() }, { maxChannelsPerHost: 2 });
  for (let round = 0; round < 2; round++) {
    const slow = [executor.run('sleep 1; echo a', { host: 'app-1' }), executor.run('sleep 1; echo b', { host: 'app-1' })];
    const queued = await executor.run('echo c', { host: 'app-1', timeoutMs: 200 });
    assert.equal(queued.timedOut, true);
    assert.deepEqual(
      (await Promise.all(slow)).map((r) => r.stdout),
      ['a\n', 'b\n'],
    );
  }
  // Had the timed-out runs kept their slots, both would be gone now and this would hang.
  const results = await Promise.all([executor.run('echo x', { host: 'app-1' }), executor.run('echo y', { host: 'app-1' })]);
  assert.deepEqual(
    results.map((r) => r.stdout),
    ['x\n', 'y\n'],
  );
});

test('a silent network cut is caught by keepalives and the stream resumes', async (t) => {
  const l = await lab(t);
  const proxy = new TcpProxy(l.server.port);
  await proxy.listen();
  t.after(() => proxy.drop());
  writeFileSync(l.knownHosts, `[127.0.0.1]:${proxy.port} ${l.hostKey.public}\n`);
  const executor = l.executor({ 'app-1': l.host({ port: proxy.port }) }, { keepaliveIntervalMs: 250, keepaliveCountMax: 2 });
  const lines: string[] = [];
  const handle = executor.stream('while true; do echo tick; sleep 0.05; done', { host: 'app-1', onLine: (line) => lines.push(line) });
  await waitFor(() => lines.length >= 3, { what: 'lines before the cut' });
  proxy.freeze();
  await waitFor(() => l.states.some((s) => s.reason === 'connection lost'), { timeoutMs: 30_000, what: 'keepalives to notice the cut' });
  const seenBefore = lines.length;
  await waitFor(() => lines.length >= seenBefore + 3, { timeoutMs: 30_000, what: 'lines after the reconnect' });
  assert.equal(l.notices.length, 1, l.notices.join('\n'));
  assert.match(l.notices[0]!, /^app-1: connection lost /);
  await handle.stop();
  // The frozen connection never finishes closing on its own: cut it before the server shuts down.
  await proxy.drop();
});
