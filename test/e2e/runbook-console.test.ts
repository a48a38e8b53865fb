// The runbook pane in a real terminal (tmux), with runbooks of the shapes authors write: before
// any runbook is open the one fitting the DOWN service is suggested and `r` opens it by title;
// a step holding choices asks which one (answer and Enter in one read) and runs only that; a
// command that never ends streams until Esc or `:cancel`; and a hostile runbook parses while the
// keyboard keeps working, ending in a message.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { KEY_BYTES, stylesOf, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const QUEUE_RUNBOOK = [
  '# Queue consumer playbook',
  '',
  '## Consumer stuck',
  '',
  '### Symptoms',
  '- `queue-api` is down',
  '- Messages pile up',
  '',
  '### Mitigate',
  '1. Relieve the queue. Pick one:',
  '   ```bash',
  '   # Option A: restart the consumer',
  '   echo "chose A: consumer restarted"',
  '',
  '   # Option B: move poison messages aside',
  '   # 1. Tell the owners in their channel first',
  '   # 2. Then move them',
  '   echo "chose B: poison moved aside"',
  '   ```',
  '2. Watch it drain:',
  '   ```bash',
  '   while true; do echo "depth $(date +%s%N)"; sleep 0.3; done',
  '   ```',
].join('\n');

/** A folder with a warroom.yaml watching a closed port (so `queue-api` goes DOWN) and the given incident settings. */
function workFolder(incident: string, runbooks: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-runbook-'));
  folders.push(dir);
  mkdirSync(join(dir, 'runbooks'));
  for (const [name, text] of Object.entries(runbooks)) writeFileSync(join(dir, 'runbooks', name), text);
  writeFileSync(join(dir, 'warroom.yaml'), [
    'incident:',
    incident,
    'services:',
    '  - name: queue-api',
    '    checks:',
    '      - http: http://127.0.0.1:1/health',
    '        interval: 1s',
  ].join('\n'));
  return dir;
}

/** Whether an SGR code sets a foreground colour (basic, bright, 256 or true colour). */
const isColour = (code: string) => /^(3[0-7]|9[0-7]|38;[25];)/.test(code);

test('suggested runbook opened by title; a choice runs alone; a live stream stops with Esc and with :cancel', { skip: missing ?? false, timeout: 240_000 }, async () => {
  const dir = workFolder('  runbooksDir: runbooks', { 'queue.md': QUEUE_RUNBOOK, 'disk.md': '# Disk space\n\n## Free it\n\n- [ ] delete old logs\n' });
  const tmux = TmuxSession.start(warroomShellLine('open --as e2e-lead'), { columns: 120, rows: 40, cwd: dir });
  try {
    // No runbook open yet: the one whose symptoms name the DOWN service is suggested.
    await tmux.waitForScreen((s) => /queue-api .*DOWN/.test(s), 'queue-api DOWN');
    tmux.send('4');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook'), 'runbook pane focused');
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('★ suggested (r or g): Queue consumer playbook › Consumer stuck (queue-api is down)'), 'the runbook suggested before one is open');
    tmux.send('r');
    const picker = await tmux.waitForScreen((s) => s.includes('Enter alone opens ★'), 'the picker');
    assert.match(picker, /1\. Disk space/);
    assert.match(picker, /2\. Queue consumer playbook {2}★ Consumer stuck \(queue-api is down\)/);
    assert.doesNotMatch(picker, /queue\.md|disk\.md/, 'titles, not file names');
    tmux.send('Enter');
    // Opened where the suggestion pointed: the scenario's steps, labelled with their parent, symptoms first.
    const opened = await tmux.waitForScreen((s) => /§ \d+\/\d+ Consumer stuck › Mitigate/.test(s) && s.includes('› [ ] Relieve the queue. Pick one:'), 'the suggested section');
    assert.ok(opened.indexOf('Symptoms: `queue-api` is down; Messages pile up') < opened.indexOf('› [ ] Relieve the queue'), 'symptoms before the steps');
    // Read back in colour: a choice, a thing to do by hand and the plain step text are told apart.
    const styled = tmux.styledScreen();
    const [choice] = stylesOf(styled, '◇ 2. Option B: move poison messages aside');
    const [byHand] = stylesOf(styled, '» 1. Tell the owners');
    assert.ok(choice?.some(isColour) && choice.includes('1'), `the choice is coloured and bold: ${JSON.stringify(choice)}`);
    assert.ok(byHand?.some(isColour), `the instruction is coloured: ${JSON.stringify(byHand)}`);
    assert.notDeepEqual(choice, byHand);

    // The choice: its number and Enter arrive in one read; only choice 2 is confirmed and run.
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('offers 2 choices: run one'), 'the choice question');
    tmux.writeRaw(`2${KEY_BYTES.enter}`);
    const confirm = await tmux.waitForScreen((s) => s.includes('Run "Relieve the queue. Pick one:", Option B: move poison messages aside?'), 'the confirmation of choice 2');
    assert.match(confirm, /by hand first:[\s│║]*» 1\. Tell the owners in their channel first/);
    assert.match(confirm, /\$ echo "chose B: poison moved aside"/);
    assert.doesNotMatch(confirm, /chose A/);
    tmux.send('y');
    const ran = await tmux.waitForScreen((s) => s.includes('✓ exit 0') && /^[│║ ]*chose B: poison moved aside/m.test(s), 'choice B ran');
    assert.doesNotMatch(ran, /^[│║ ]*chose A: consumer restarted/m);

    // The never-ending step: said before it starts, streamed with a visible way to stop it.
    tmux.send('Space');
    await tmux.waitForScreen((s) => s.includes('› [ ] Watch it drain:'), 'the next step');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('∞ never ends by itself: while true repeats until stopped;'), 'the warning in the confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('⟳ streaming — Esc/:cancel stops it') && (s.match(/depth \d+/g)?.length ?? 0) >= 3, 'the live stream');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => /■ stopped after \d/.test(s), 'stopped by Esc');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => s.includes('∞ never ends by itself'), 'the confirmation again');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('⟳ streaming — Esc/:cancel stops it'), 'streaming again');
    tmux.send(':');
    await tmux.waitForScreen((s) => s.split('\n').some((line) => line.startsWith(':')), 'the command line');
    tmux.type('cancel');
    tmux.send('Enter');
    await tmux.waitForScreen((s) => /■ stopped after \d/.test(s) && !s.includes('⟳ streaming'), 'stopped by :cancel');
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});

/** A cache runbook of our own: a contents list, a step of three choices (one holding written edits), and a block of instructions only. */
const CACHE_RUNBOOK = [
  '# Cache tier: evictions storm',
  '',
  '## Contents',
  '- [Mitigate](#mitigate)',
  '- [Recover](#recover)',
  '',
  '## Mitigate',
  '',
  '1. Take pressure off the cache. Pick one:',
  '   ```bash',
  '   # Option A: flush the hot keys',
  '   echo "A: hot keys flushed"',
  '',
  '   # Option B: send reads to the replica',
  '   # 1. Warn the storefront team first',
  '   # Edit conf/cache-routes.yaml:',
  '   #   reads: replica',
  '   # 2. Reload the router',
  '   echo "B: reads on the replica"',
  '',
  '   # Option C: double the memory',
  '   echo "C: memory doubled"',
  '   ```',
  '',
  '## Recover',
  '',
  '```bash',
  '# 1. Put reads back on the primary',
  '# 2. Tell the storefront team',
  '# 3. Close the incident channel',
  '```',
].join('\n');

test('at 80x24: Enter, a choice named by part of its label and Enter in one write confirm and run only that choice, its written edits in order', { skip: missing ?? false, timeout: 180_000 }, async () => {
  const dir = workFolder('  runbook: runbooks/cache.md', { 'cache.md': CACHE_RUNBOOK });
  const tmux = TmuxSession.start(warroomShellLine('open --as e2e-lead'), { columns: 80, rows: 24, cwd: dir });
  try {
    await tmux.waitForScreen((s) => s.includes('queue-api') && s.includes('Runbook'), 'the console up');
    tmux.writeRaw('4z');
    const pane = await tmux.waitForScreen((s) => s.includes('▶4 Runbook') && s.includes('› [ ] Take pressure off the cache. Pick one:'), 'the step with choices, zoomed');
    assert.doesNotMatch(pane, /\[ \] (Mitigate|Recover)$/m, 'the contents list is not steps');
    // The step and the choice in ONE write: Enter opens the question, "replica" + Enter answers it.
    tmux.writeRaw(`${KEY_BYTES.enter}replica${KEY_BYTES.enter}`);
    const confirm = await tmux.waitForScreen((s) => s.includes('Proceed? y / N'), 'the confirmation of the chosen option');
    assert.match(confirm, /choice: Option B: send reads to the replica/);
    // The author's words, in the order written, before the one command of that choice.
    const order = ['» 1. Warn the storefront team first', '» Edit conf/cache-routes.yaml:', 'reads: replica', '# 2. Reload the router', '$ echo "B: reads on the replica"'].map((text) => confirm.indexOf(text));
    assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `instructions and command in order: ${JSON.stringify(order)}\n${confirm}`);
    assert.doesNotMatch(confirm, /hot keys flushed|memory doubled/, 'the other choices are not in the confirmation');
    tmux.send('y');
    const ran = await tmux.waitForScreen((s) => s.includes('✓ exit 0') && /^[║│ ]*B: reads on the replica/m.test(s), 'choice B ran');
    assert.doesNotMatch(ran, /^[║│ ]*(A: hot keys flushed|C: memory doubled)/m, 'only the chosen commands ran');
    // A block of numbered comments alone is a step of instructions, in order, none dropped.
    tmux.send(']');
    const recover = await tmux.waitForScreen((s) => /§ \d+\/\d+ Recover/.test(s), 'the Recover section');
    const lines = ['» 1. Put reads back on the primary', '» 2. Tell the storefront team', '» 3. Close the incident channel'].map((text) => recover.indexOf(text));
    assert.ok(lines.every((at, i) => at >= 0 && (i === 0 || at > lines[i - 1]!)), `the three instructions in order:\n${recover}`);
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});

test('a hostile runbook parses off the console: keys work meanwhile, and it ends in a message', { skip: missing ?? false, timeout: 180_000 }, async () => {
  // The slowest shape known to markdown-it (a 1.9 MB table: seconds), ending in quotes nested
  // too deep, which are refused with their line once the whole file is read.
  const hostile = `| a | b | c |\n|---|---|---|\n${'| 1 | 2 | 3 |\n'.repeat(140_000)}\n${'> '.repeat(300)}deep\n`;
  const dir = workFolder('  runbook: runbooks/hostile.md', { 'hostile.md': hostile });
  const tmux = TmuxSession.start(warroomShellLine('open --as e2e-lead'), { columns: 100, rows: 30, cwd: dir });
  try {
    await tmux.waitForScreen((s) => s.includes('Opening the runbook…') && /queue-api/.test(s), 'the console up, the runbook still parsing');
    // The help overlay opens and closes while the parse is still going.
    tmux.send('?');
    await tmux.waitForScreen((s) => s.includes('Help: keys and : commands'), 'the help overlay');
    tmux.send('Escape');
    const back = await tmux.waitForScreen((s) => !s.includes('Help: keys') && s.includes('4 Runbook'), 'the panes again');
    assert.ok(back.includes('Opening the runbook…'), 'the keys were answered before the parse ended');
    await tmux.waitForScreen((s) => s.includes('not parsed') && s.includes('nesting too deep at line 140004'), 'the message', 120_000);
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }
});
