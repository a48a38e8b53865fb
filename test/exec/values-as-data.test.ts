// Attack: values handed to a command (config env values, runbook placeholder answers) are data.
// Each hostile value is given to commands that expand it quoted and unquoted, locally, over
// ssh2's server and over a real sshd; a marker file proves no part of a value ever ran, and the
// output proves the command saw the value exactly.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { childEnvironment, remoteLaunch, shellQuote } from '../../src/exec/command-env.js';
import { createExecutor, type Executor } from '../../src/exec/index.js';
import { realLab } from './openssh-lab.js';
import { sshdUnavailable } from './openssh-server.js';
import { generateKeyPair, startTestSshServer, type TestSshServer } from './ssh-test-server.js';

/** Hostile values; MARKER is replaced by a path that must never come to exist. */
const HOSTILE = [
  'pa$(touch MARKER)ss',
  'x" http://127.0.0.1:9/; touch MARKER; echo "',
  "'; touch MARKER; '",
  '`touch MARKER`',
  'one\ntouch MARKER',
  '${IFS}$(touch${IFS}MARKER)',
  'a\\"; touch MARKER #',
];

function scratch(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-values-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs every hostile value through `executor` and checks nothing ran and the value came through whole. */
async function attack(executor: Executor, dir: string, host?: string): Promise<string[]> {
  const sent: string[] = [];
  for (const [i, template] of HOSTILE.entries()) {
    const marker = join(dir, `marker-${i}`);
    const value = template.replaceAll('MARKER', marker);
    sent.push(value);
    const where = host ? { host } : {};
    const quoted = await executor.run(`printf '%s' "$V"`, { ...where, env: { V: value } });
    assert.equal(quoted.error, undefined, `${value}: ${quoted.error}`);
    assert.equal(quoted.stdout, value, `"$V" reads back exactly: ${JSON.stringify(value)}`);
    const braced = await executor.run('printf "[%s]" ${V}', { ...where, env: { V: value } });
    assert.equal(braced.exitCode, 0, JSON.stringify(value));
    const defaulted = await executor.run('printf "%s" "${V:-fallback}" "${UNSET_HERE:-fallback}"', { ...where, env: { V: value, UNSET_HERE: null } });
    assert.equal(defaulted.stdout, `${value}fallback`);
    assert.equal(existsSync(marker), false, `nothing in ${JSON.stringify(value)} ran`);
  }
  return sent;
}

test('locally: hostile values reach the command as data, quoted or not', async (t) => {
  const dir = scratch(t);
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  await attack(executor, dir);
});

test('locally: a stream gets its values too, and a null value unsets an inherited variable', async (t) => {
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  process.env.WARROOM_TEST_INHERITED = 'inherited';
  t.after(() => delete process.env.WARROOM_TEST_INHERITED);
  const result = await executor.run('printf "%s" "${WARROOM_TEST_INHERITED:-default}"', { env: { WARROOM_TEST_INHERITED: null } });
  assert.equal(result.stdout, 'default');
  const lines: string[] = [];
  let ended = false;
  executor.stream('printf "%s\\n" "$V"', { env: { V: 'streamed $(id)' }, onLine: (line) => lines.push(line), onExit: () => (ended = true) });
  for (let i = 0; i < 200 && !ended; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(lines, ['streamed $(id)']);
});

test('childEnvironment sets and removes names; remoteLaunch puts no value on the command line', () => {
  const env = childEnvironment({ A: 'x', B: null }, { B: 'gone', C: 'kept' });
  assert.deepEqual(env, { A: 'x', C: 'kept' });
  assert.throws(() => childEnvironment({ 'A;rm': 'x' }), /not a variable name/);
  const launch = remoteLaunch('echo "$TOKEN"', { TOKEN: "s3cr'et", GONE: null });
  assert.equal(launch.exec, 'sh -s');
  assert.ok(!launch.exec.includes('s3cr'));
  assert.equal(launch.input, `TOKEN='s3cr'\\''et'; export TOKEN\nunset GONE\nexec "\${SHELL:-/bin/sh}" -c 'echo "$TOKEN"' </dev/null\n`);
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
});

async function ssh2Lab(t: TestContext): Promise<{ server: TestSshServer; executor: ReturnType<typeof createExecutor> }> {
  const dir = scratch(t);
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  t.after(() => server.close());
  const keyPath = join(home, '.ssh', 'id_ed25519');
  writeFileSync(keyPath, userKey.private, { mode: 0o600 });
  writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  const executor = createExecutor({
    hosts: { app: { name: 'app', address: '127.0.0.1', port: server.port, user: 'deploy', identityFile: keyPath, insecureAcceptNewHostKey: false } },
    knownHostsPath: join(home, '.ssh', 'known_hosts'),
    globalKnownHostsPath: null,
    sshConfigPath: join(home, '.ssh', 'config'),
    agentSocket: null,
    home,
  });
  t.after(() => executor.close());
  return { server, executor };
}

test("over ssh2's server: values are data, and never part of the exec request", async (t) => {
  const { server, executor } = await ssh2Lab(t);
  const sent = await attack(executor, scratch(t), 'app');
  assert.ok(server.commands.length >= HOSTILE.length);
  for (const command of server.commands) {
    assert.equal(command, 'sh -s');
    for (const value of sent) assert.ok(!command.includes(value));
  }
  // Without values nothing changes: the command is the exec request itself.
  const plain = await executor.run('echo plain', { host: 'app' });
  assert.equal(plain.stdout, 'plain\n');
  assert.equal(server.commands.at(-1), 'echo plain');
});

test('over a real sshd: values are data and the command runs in the login shell', async (t) => {
  const why = sshdUnavailable();
  if (why) return t.skip(why);
  const lab = await realLab(t, userInfo().username);
  await attack(lab.executor, scratch(t), 'lab');
  // The approved text reaches the login shell as written: bash syntax still works.
  const bashism = await lab.executor.run('[[ -n "$V" ]] && printf "%s" "${V//x/y}"', { host: 'lab', env: { V: 'xax' } });
  assert.equal(bashism.error, undefined, lab.sshd.log);
  assert.equal(bashism.stdout, 'yay');
});
