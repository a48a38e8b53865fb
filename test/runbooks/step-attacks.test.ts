// Attacks on "what you approve is what runs", through the runbook controller with real command
// execution (locally, and over ssh2's own server): a marker file proves that nothing the lead
// did not see and approve ever ran.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { createExecutor, type Executor } from '../../src/exec/index.js';
import { RunbookController } from '../../src/runbooks/controller.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { createWarroomStore } from '../../src/store/store.js';
import { generateKeyPair, startTestSshServer } from '../exec/ssh-test-server.js';
import { waitFor } from '../helpers/wait-for.js';

function scratch(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-step-attack-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Console {
  store: ReturnType<typeof createWarroomStore>;
  recorder: MemoryRecorder;
  controller: RunbookController;
}

function consoleWith(t: TestContext, executor: Executor, markdown: string, env: Record<string, string> = {}): Console {
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  const controller = new RunbookController({ store, recorder, executor, env });
  controller.attach();
  controller.show(parseRunbook(markdown, 'attack.md'));
  t.after(() => controller.stop());
  return { store, recorder, controller };
}

/** Answers the open dialog whose title matches; returns what it showed (title, lines, what to type). */
function answer(store: Console['store'], title: RegExp, reply: string | null): Promise<{ text: string; mustType?: string }> {
  return waitFor<{ text: string; mustType?: string } | undefined>(() => {
    const dialog = store.getState().dialog;
    if (!dialog || !title.test(dialog.title)) return undefined;
    const shown = { text: [dialog.title, ...dialog.lines].join('\n'), ...(dialog.mustType ? { mustType: dialog.mustType } : {}) };
    store.getState().closeDialog(reply);
    return shown;
  }, { what: `dialog ${title}` }) as Promise<{ text: string; mustType?: string }>;
}

function step(command: string): string {
  return ['# Attack', '## Steps', '1. **Do it**', '   ```bash', `   ${command}`, '   ```'].join('\n');
}

async function finished(store: Console['store']): Promise<string[]> {
  await waitFor(() => store.getState().runbook.output?.running === false, { what: 'the step to finish' });
  return store.getState().runbook.output?.lines ?? [];
}

test('a command hidden after 400 spaces is shown in the confirmation; declined, it does not run', async (t) => {
  const dir = scratch(t);
  const marker = join(dir, 'marker');
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  const c = consoleWith(t, executor, step(`echo fine${' '.repeat(400)}; touch ${marker}`));
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  const shown = await answer(c.store, /Run "Do it"/, null);
  await run;
  assert.ok(shown.text.includes(`; touch ${marker}`), 'the whole line is in the confirmation');
  assert.equal(existsSync(marker), false);
});

test('an escape sequence in a command is made visible: ESC[8m cannot conceal what runs', async (t) => {
  const dir = scratch(t);
  const marker = join(dir, 'marker');
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  const c = consoleWith(t, executor, step(`echo ok \u001b[8m; touch ${marker} \u001b[0m`));
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  const shown = await answer(c.store, /Run "Do it"/, null);
  await run;
  assert.ok(!shown.text.includes('\u001b'), 'no raw escape reaches the dialog');
  assert.ok(shown.text.includes(`echo ok ␛[8m; touch ${marker} ␛[0m`), shown.text);
  assert.equal(existsSync(marker), false);
});

const HOSTILE_VALUES = [
  'x" http://127.0.0.1:9/; touch MARKER; echo "',
  "x'; touch MARKER; echo '",
  '$(touch MARKER)',
  '`touch MARKER`',
  'a\ntouch MARKER',
];

test('hostile placeholder answers are data: approved, the step runs with the value and nothing else', async (t) => {
  const dir = scratch(t);
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  for (const [i, template] of HOSTILE_VALUES.entries()) {
    const marker = join(dir, `marker-${i}`);
    const value = template.replaceAll('MARKER', marker);
    const token = HOSTILE_VALUES[(i + 1) % HOSTILE_VALUES.length]!.replaceAll('MARKER', `${marker}-token`).replace('\n', ' ');
    // `;` ends each value: output passes the console's redactor, whose header rule masks one
    // word after `X-Token:` (so `***]` would lose its bracket).
    const c = consoleWith(t, executor, step(`printf '[%s;]' "X-Token: $API_TOKEN" <target> 'single <target>'`));
    const run = c.controller.run(c.store.getState().runbook.opensAt);
    await answer(c.store, /Value for \$API_TOKEN/, token);
    await answer(c.store, /Value for <target>/, value);
    const shown = await answer(c.store, /Run "Do it"/, 'yes');
    await run;
    const lines = await finished(c.store);
    assert.ok(!shown.text.includes(token), `a secret is named, not shown: ${shown.text}`);
    assert.equal(existsSync(marker), false, `nothing in ${JSON.stringify(value)} ran`);
    assert.equal(existsSync(`${marker}-token`), false, `nothing in ${JSON.stringify(token)} ran`);
    assert.deepEqual(lines, `[X-Token: ***;][${value};][single ${value};]`.split('\n'), 'the command got each value whole');
    assert.ok(!JSON.stringify(c.recorder.events).includes(token), 'the secret is not in the timeline');
  }
});

test('a secret spanning lines is masked line by line when the command echoes it', async (t) => {
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  const c = consoleWith(t, executor, step('printf "%s\\n" "$API_TOKEN"'), { API_TOKEN: 'first-part\nsecond-part' });
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  await answer(c.store, /Run "Do it"/, 'yes');
  await run;
  assert.deepEqual(await finished(c.store), ['***', '***']);
});

test('an environment value with $(…) and quotes stays data, and a secret one is never shown or recorded', async (t) => {
  const dir = scratch(t);
  const marker = join(dir, 'marker');
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  const password = `pa$(touch ${marker})ss"'`;
  const c = consoleWith(t, executor, step('echo "$DB_PASSWORD" | wc -c; echo "${DB_USER}"'), { DB_PASSWORD: password, DB_USER: 'o\'brien "x"' });
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  const shown = await answer(c.store, /Run "Do it"/, 'yes');
  await run;
  const lines = await finished(c.store);
  assert.equal(existsSync(marker), false);
  assert.deepEqual(lines.map((l) => l.trim()), [String(Buffer.byteLength(password) + 1), 'o\'brien "x"']);
  assert.ok(!shown.text.includes(password) && shown.text.includes('DB_PASSWORD: secret, not shown'), shown.text);
  assert.ok(!JSON.stringify(c.recorder.events).includes('pa$('), 'the secret is not in the timeline');
});

test('a destructive step needs the typed confirmation; declined, nothing is removed', async (t) => {
  const dir = scratch(t);
  const victim = join(dir, 'victim');
  mkdirSync(victim);
  writeFileSync(join(victim, 'data'), 'keep me');
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  for (const command of [`rm -rf ${victim}`, `rm -Rf ${victim}`, `true && sudo rm -r ${victim}`, `bash -c "rm -rf ${victim}"`, `find ${victim} -delete`]) {
    const c = consoleWith(t, executor, step(command));
    const run = c.controller.run(c.store.getState().runbook.opensAt);
    const shown = await answer(c.store, /Run "Do it"/, null);
    await run;
    assert.ok(shown.mustType !== undefined, `${command} asks for a typed confirmation`);
    assert.match(shown.text, /⚠ destructive/);
    assert.equal(readFileSync(join(victim, 'data'), 'utf8'), 'keep me');
  }
  // A placeholder value that makes a harmless-looking command destructive counts too.
  const c = consoleWith(t, executor, step('kubectl <verb> pod web-1'));
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  await answer(c.store, /Value for <verb>/, 'delete');
  const shown = await answer(c.store, /Run "Do it"/, null);
  await run;
  assert.equal(shown.mustType, 'kubectl');
});

test('a host placeholder that is not a host name is refused before anything runs', async (t) => {
  const executor = createExecutor({ hosts: {} });
  t.after(() => executor.close());
  const c = consoleWith(t, executor, step('ssh <host> "uptime"'));
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  await answer(c.store, /Value for <host>/, 'app-1; touch /tmp/x');
  await run;
  assert.equal(c.store.getState().dialog, null, 'no confirmation is offered');
  assert.match(c.store.getState().flash?.text ?? '', /not run: the host "app-1; touch \/tmp\/x" is not a host name/);
});

test("over ssh2's server: `ssh host \"…\"` steps get hostile values as data, never on the command line", async (t) => {
  const dir = scratch(t);
  const home = join(dir, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true });
  const hostKey = generateKeyPair();
  const userKey = generateKeyPair();
  const server = await startTestSshServer({ hostKey, authorizedKey: userKey });
  t.after(() => server.close());
  writeFileSync(join(home, '.ssh', 'id'), userKey.private, { mode: 0o600 });
  writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${server.port} ${hostKey.public}\n`);
  const executor = createExecutor({
    hosts: { app: { name: 'app', address: '127.0.0.1', port: server.port, user: 'deploy', identityFile: join(home, '.ssh', 'id'), insecureAcceptNewHostKey: false } },
    knownHostsPath: join(home, '.ssh', 'known_hosts'),
    globalKnownHostsPath: null,
    sshConfigPath: join(home, '.ssh', 'config'),
    agentSocket: null,
    home,
  });
  t.after(() => executor.close());
  const marker = join(dir, 'marker');
  const value = `x" ; touch ${marker}; echo "`;
  const c = consoleWith(t, executor, step(`ssh app "printf '%s|' \\"$API_TOKEN\\" '<svc>'"`), { API_TOKEN: `t$(touch ${marker})` });
  const run = c.controller.run(c.store.getState().runbook.opensAt);
  await answer(c.store, /Value for <svc>/, value);
  const shown = await answer(c.store, /Run "Do it"/, 'yes');
  await run;
  const lines = await finished(c.store);
  assert.equal(existsSync(marker), false, 'nothing in the values ran on the host');
  assert.deepEqual(lines, [`***|${value}|`]);
  assert.match(shown.text, /on app \(SSH\):/);
  assert.ok(shown.text.includes('sent on the SSH channel, not on the command line'), shown.text);
  assert.deepEqual(server.commands, ['sh -s'], 'the exec request holds no value');
});
