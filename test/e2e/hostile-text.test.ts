// The attack suite for text, through a real terminal (tmux): hostile log lines, a hostile HTTP
// body, a hostile runbook (headings that set the title and write the clipboard, a command that
// conceals its tail) and secrets in commands, output and the environment. It proves what the
// user's terminal would see: nothing hostile acts on it (pane title, window name, tmux's
// clipboard buffers, no conceal attribute, no raw bidi control; `capture-pane -e`), and no
// secret reaches the screen, the journal or either export.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { TmuxSession, tmuxMissing, WARROOM_BIN, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const skip = tmuxMissing();
const COLUMNS = 160;
const ROWS = 48;

/** Secrets the run must never show or record. */
const DB_PASSWORD = 'Zq9-db-secret-77';
const BEARER = 'sk_test_abcdefgh12345678';
const BASIC_PASSWORD = 'hunter2pass-9';
const SECRETS = [DB_PASSWORD, BEARER, BASIC_PASSWORD, Buffer.from(`admin:${BASIC_PASSWORD}`).toString('base64')];

/** Anything a terminal would act on, in captured or exported text (ESC is checked apart). */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1a\x1c-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_BODY = 'boom \x1b]0;pwned-by-body\x07 \x1b]52;c;cHduZWQtYnktYm9keQ==\x07 \u202eevil\u202c \x1b[8mhidden-body\x1b[0m';

const LOG_LINES = [
  'plain line before the attack',
  'title attack \x1b]0;pwned-by-log\x07 end',
  'clipboard attack \x1b]52;c;cHduZWQtYnktbG9n\x07 end',
  'bidi attack user\u202etxt.exe end',
  'passthrough \x1bPtmux;\x1b\x1b]0;pwned-by-dcs\x07\x1b\\ end',
  'window name \x1bkpwned-by-esc-k\x1b\\ end',
  'conceal \x1b[8mhidden-log-text\x1b[0m end',
  `token echoed Authorization: Bearer ${BEARER} end`,
];

function runbook(port: number): string {
  return [
    '# Hostile runbook \x1b]0;pwned-by-heading\x07',
    '',
    '## Check the service \x1b]52;c;cHduZWQtYnktaGVhZGluZw==\x07 now',
    '',
    '1. Show what is hidden:',
    '',
    '   ```sh',
    '   echo ok \x1b[8m; echo concealed-tail \x1b[0m',
    '   ```',
    '',
    '2. Call the admin API:',
    '',
    '   ```sh',
    `   curl -s -H "Authorization: Bearer ${BEARER}" http://127.0.0.1:${port}/echo`,
    '   ```',
    '',
    '3. Check the credentials the service sees:',
    '',
    '   ```sh',
    `   printenv DB_PASSWORD; curl -s -u admin:${BASIC_PASSWORD} http://127.0.0.1:${port}/echo`,
    '   ```',
    '',
  ].join('\n');
}

function config(port: number, logFile: string): string {
  return [
    'incident:',
    '  title: Hostile text drill',
    '  runbook: hostile.md',
    'services:',
    '  - name: api',
    '    checks:',
    `      - http: http://127.0.0.1:${port}/health`,
    '        interval: 1s',
    '        timeout: 1s',
    '  - name: db',
    '    checks:',
    // Expanded when the config loads: the value is in the command the status board shows.
    "      - command: \"test -n '-p${DB_PASSWORD}'\"",
    '        interval: 1s',
    '        timeout: 1s',
    '    logs:',
    `      - file: ${logFile}`,
    '',
  ].join('\n');
}

/** SGR parameters that hide text (8, conceal) anywhere on the styled screen. */
function concealed(styled: string): boolean {
  for (const match of styled.matchAll(/\x1b\[([0-9;:]*)m/g)) {
    const params = match[1]!.split(/[;:]/);
    for (let i = 0; i < params.length; i++) {
      if (params[i] === '38' || params[i] === '48' || params[i] === '58') {
        i += params[i + 1] === '5' ? 2 : 4; // a colour's own parameters are not attributes
        continue;
      }
      if (params[i] === '8') return true;
    }
  }
  return false;
}

/** What the terminal holds besides the screen: title, window name, clipboard buffers. */
function terminalState(tmux: TmuxSession): { title: string; window: string; buffers: string } {
  const [title = '', window = ''] = tmux.tmux(['display-message', '-p', '-t', 'main', '#{pane_title}\t#{window_name}']).trimEnd().split('\t');
  return { title, window, buffers: tmux.tmux(['list-buffers']).trim() };
}

/** Asserts the screen and the terminal show nothing hostile and no secret. */
function assertClean(tmux: TmuxSession, before: { title: string; window: string }, when: string): string {
  const styled = tmux.styledScreen();
  const text = tmux.screen();
  const state = terminalState(tmux);
  assert.equal(state.title, before.title, `${when}: the pane title changed to ${JSON.stringify(state.title)}`);
  assert.equal(state.window, before.window, `${when}: the window name changed`);
  assert.equal(state.buffers, '', `${when}: something wrote tmux's clipboard (OSC 52): ${state.buffers}`);
  assert.ok(!concealed(styled), `${when}: concealed text on screen`);
  assert.doesNotMatch(text, RAW_CONTROL, `${when}: a raw control or bidi character on screen`);
  for (const secret of SECRETS) assert.ok(!text.includes(secret), `${when}: the secret ${secret} is on screen`);
  for (const line of text.split('\n')) assert.ok(stringWidth(line) <= COLUMNS, `${when}: a line wider than the terminal: ${line}`);
  return text;
}

test('hostile log lines, HTTP body and runbook reach the terminal inert, and no secret reaches screen, journal or export', { skip: skip ?? false, timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-hostile-'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/echo') {
      res.end(`the service saw Authorization: ${req.headers.authorization ?? 'none'}\n`);
      return;
    }
    res.statusCode = 500;
    res.end(HOSTILE_BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const logFile = join(dir, 'app.log');
  writeFileSync(logFile, `${LOG_LINES.join('\n')}\n`);
  writeFileSync(join(dir, 'hostile.md'), runbook(port));
  writeFileSync(join(dir, 'warroom.yaml'), config(port, logFile));
  const env = { DB_PASSWORD, HOME: dir };

  // The console starts once tmux is set to accept OSC 52 into its buffers (as a user's tmux
  // with set-clipboard on would), so a clipboard write cannot go unnoticed.
  const go = join(dir, 'go');
  const tmux = TmuxSession.start(`while [ ! -e ${go} ]; do sleep 0.05; done; ${warroomShellLine('open --as drill')}`, { columns: COLUMNS, rows: ROWS, cwd: dir, env });
  try {
    tmux.tmux(['set-option', '-s', 'set-clipboard', 'on']);
    // The window name then changes only by escape sequence (ESC k), not by the running command.
    tmux.tmux(['set-option', '-g', 'allow-rename', 'on']);
    tmux.tmux(['set-option', '-g', 'automatic-rename', 'off']);
    tmux.tmux(['rename-window', '-t', 'main', 'drill-window']);
    const before = terminalState(tmux);
    writeFileSync(go, '');

    // Everything hostile is on screen, made visible: the log lines, the headings, the conceal.
    await tmux.waitForScreen(
      (s) => s.includes('4 Runbook') && s.includes('title attack ␛]0;pwned-by-log␇ end') && s.includes('✖ DOWN') && s.includes('Check the service ␛]52;c;'),
      'the console with the hostile log lines and runbook',
    );
    let screen = assertClean(tmux, before, 'the console open');
    assert.ok(screen.includes('bidi attack user\\u202etxt.exe end'), 'the bidi override shown as text');
    assert.ok(screen.includes('conceal hidden-log-text end'), 'concealed log text shown');
    assert.ok(screen.includes('Bearer ***'), 'the echoed token masked in the log pane');
    // ${NAME} stays in the command text and its value goes to the child's environment: the board
    // names the variable and never holds the value (checked with every secret below).
    assert.ok(screen.includes('-p\'"${DB_PASSWORD}"'), 'the password named, not expanded, on the status board');

    // The hostile body in the status details.
    tmux.send('1');
    await tmux.waitForScreen((s) => s.includes('▶1 Status'), 'the status board focused');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('boom ␛]0;pwned-by-body␇'), 'the hostile body in the details');
    screen = assertClean(tmux, before, 'the hostile body shown');
    assert.ok(screen.includes('\\u202eevil\\u202c'), 'bidi controls of the body shown as text');
    tmux.send('Escape');

    // The runbook: its title heading, then the section holding the steps, where the concealing
    // command is shown whole.
    tmux.send('4');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook'), 'the runbook focused');
    tmux.send('[');
    await tmux.waitForScreen((s) => s.includes('§ 1/2 Hostile runbook ␛]0;pwned-by-heading␇'), 'the hostile title heading');
    assertClean(tmux, before, 'the hostile title heading');
    tmux.send(']');
    await tmux.waitForScreen((s) => s.includes('Check the service ␛]52;c;cHduZWQtYnktaGVhZGluZw==␇ now') && s.includes('› [ ] Show what is hidden'), 'the hostile section');
    screen = assertClean(tmux, before, 'the hostile section');
    assert.ok(screen.includes('$ echo ok ␛[8m; echo concealed-tail ␛[0m'), 'the concealing command shown with its escapes');

    // Step 2: the bearer token is masked in the row, the confirmation and the echoed output.
    tmux.send('j');
    await tmux.waitForScreen((s) => s.includes('› [ ] Call the admin API') && s.includes('Bearer ***'), 'step 2 selected, its token masked');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('Proceed? y / N'), 'the step confirmation');
    assertClean(tmux, before, 'the confirmation of step 2');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('the service saw Authorization: Bearer ***'), "step 2's output, masked");
    assertClean(tmux, before, "step 2's output");

    // Step 3: a secret-named environment variable's value and curl -u's password, masked.
    tmux.send('j');
    await tmux.waitForScreen((s) => s.includes('› [ ] Check the credentials'), 'step 3 selected');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('Proceed? y / N') && s.includes('-u admin:***'), 'the confirmation of step 3, masked');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('the service saw Authorization: Basic ***'), "step 3's output");
    // The runbook zoomed, so its output box holds both lines: printenv's is `***` alone.
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('the service saw Authorization: Basic ***') && /(^|[│║])[^\w│║]*\*\*\*\W*$/m.test(s), "step 3's output, masked");
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('1 Status'), 'the runbook unzoomed');
    assertClean(tmux, before, "step 3's output");

    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
    assertClean(tmux, before, 'after quitting');
  } finally {
    tmux.kill();
    await new Promise((resolve) => server.close(resolve));
  }

  // The journal and both exports hold no secret; the exports no terminal control either.
  const incidents = join(dir, '.warroom', 'incidents');
  const [incident] = readdirSync(incidents);
  const journal = readFileSync(join(incidents, incident!, 'journal.jsonl'), 'utf8');
  const exported = (format: string) => {
    const run = spawnSync(process.execPath, [WARROOM_BIN, 'export', '--format', format], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...{ DB_PASSWORD, HOME: dir } } });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const markdown = exported('md');
  const json = exported('json');
  assert.ok(journal.includes('Call the admin API'), 'the run steps are on the timeline');
  for (const [where, content] of [['journal', journal], ['markdown export', markdown], ['json export', json]] as const) {
    for (const secret of SECRETS) assert.ok(!content.includes(secret), `${where} holds the secret ${secret}`);
  }
  for (const [where, content] of [['markdown export', markdown], ['json export', json]] as const) {
    assert.ok(!content.includes('\x1b'), `${where} holds a raw ESC`);
    assert.doesNotMatch(content.replace(/\n/g, ''), RAW_CONTROL, `${where} holds a raw control or bidi character`);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('warroom runbook, status and check print hostile text inert, and no secret', { skip: skip ?? false, timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-hostile-cli-'));
  const server: Server = createServer((req, res) => {
    // A JSON answer whose mismatch the reason quotes: the target's own words reach the table.
    res.setHeader('content-type', 'application/json');
    res.end(req.url === '/json' ? JSON.stringify({ status: '\u202eevil \u001b]0;pwned-by-json\u0007' }) : HOSTILE_BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const logFile = join(dir, 'app.log');
  writeFileSync(logFile, 'one line\n');
  writeFileSync(join(dir, 'hostile.md'), runbook(port));
  writeFileSync(
    join(dir, 'warroom.yaml'),
    `${config(port, logFile)}  - name: web\n    checks:\n      - http: http://127.0.0.1:${port}/json\n        expect: { json: { status: ok } }\n`,
  );
  // A config whose contact name would set the title: refused, the message itself inert.
  writeFileSync(join(dir, 'bad.yaml'), 'escalation:\n  contacts:\n    "lead\\e]2;pwned-by-contact\\a": {}\n');

  const bin = `${process.execPath} ${WARROOM_BIN}`;
  const commands = [`${bin} runbook hostile.md`, `${bin} runbook hostile.md --json`, `${bin} status`, `${bin} status --json`, `${bin} check --config bad.yaml`];
  const go = join(dir, 'go');
  const line = `while [ ! -e ${go} ]; do sleep 0.05; done; ${commands.map((c, i) => `${c} > out${i}.txt 2>&1; echo "$?" >> exits.txt; cat out${i}.txt`).join('; ')}; echo all-done; sleep 120`;
  const tmux = TmuxSession.start(line, { columns: COLUMNS, rows: ROWS, cwd: dir, env: { DB_PASSWORD, HOME: dir } });
  try {
    tmux.tmux(['set-option', '-s', 'set-clipboard', 'on']);
    tmux.tmux(['set-option', '-g', 'allow-rename', 'on']);
    tmux.tmux(['set-option', '-g', 'automatic-rename', 'off']);
    tmux.tmux(['rename-window', '-t', 'main', 'drill-window']);
    const before = terminalState(tmux);
    writeFileSync(go, '');
    await tmux.waitForScreen((s) => s.includes('all-done'), 'every command printed');
    assertClean(tmux, before, 'after runbook, status and check');
    // Everything they printed went through the terminal above; read it whole from the files.
    const outputs = commands.map((_, i) => readFileSync(join(dir, `out${i}.txt`), 'utf8'));
    const exits = readFileSync(join(dir, 'exits.txt'), 'utf8').trim().split('\n').map(Number);
    assert.deepEqual(exits, [0, 0, 1, 1, 2], 'runbook ok twice, status not all UP twice, check refused the config');
    for (const [i, out] of outputs.entries()) {
      assert.ok(!out.includes('\x1b'), `${commands[i]}: a raw ESC in its output`);
      assert.doesNotMatch(out.replace(/\n/g, ''), RAW_CONTROL, `${commands[i]}: a raw control or bidi character`);
      for (const secret of SECRETS) assert.ok(!out.includes(secret), `${commands[i]}: the secret ${secret}`);
    }
    assert.ok(outputs[0]!.includes('# Hostile runbook ␛]0;pwned-by-heading␇'), 'the heading shown inert');
    assert.ok(outputs[0]!.includes('$ echo ok ␛[8m; echo concealed-tail ␛[0m'), 'the concealing command shown whole');
    assert.ok(outputs[0]!.includes('-u admin:***') && outputs[0]!.includes('Bearer ***'), 'secrets written in the runbook masked');
    assert.equal(JSON.parse(outputs[1]!).sections[1].steps[0].commands[0].run, 'echo ok \x1b[8m; echo concealed-tail \x1b[0m', '--json keeps the exact command, escaped');
    assert.ok(outputs[2]!.includes('-p\'"${DB_PASSWORD}"'), 'status names the password, never its value');
    assert.ok(outputs[2]!.includes('\\u202eevil'), "status shows the target's bidi control as text");
    assert.equal(JSON.parse(outputs[3]!).find((r: { service: string }) => r.service === 'web').reason.includes('\u202e'), false, 'status --json quotes the reason neutralised');
    assert.match(outputs[4]!, /^bad\.yaml:3:5: escalation\.contacts\["lead\\u001b\]2;pwned-by-contact\\u0007"\]: key contains U\+001B \(ESC\)/m);
  } finally {
    tmux.kill();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
