// The runbook pane with the shapes authors write (fixtures of our own): a step that holds choices
// asks which one and confirms and runs only that; instructions written in a block show in the
// confirmation; a command that never ends streams until Esc; a host outside the config says
// where it really goes; labels carry their parent, symptoms come first, g never lands on an
// empty heading; the picker names runbooks by title and suggests one before any is open.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { RunbookController } from '../../src/runbooks/controller.js';
import { hostDescriber } from '../../src/runbooks/host-notes.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { createWarroomStore } from '../../src/store/store.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const fixtures = fileURLToPath(new URL('../fixtures/runbooks/', import.meta.url));
// Every console, controller (a running command is stopped) and executor goes at the end, whatever failed.
const cleanups: (() => void | Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

function setup(markdown: string, options: { runbooksDir?: string; columns?: number; rows?: number } = {}) {
  const store = createWarroomStore();
  store.getState().focusPane('runbook');
  // Zoomed: the whole width for the steps, so rows are not cut short.
  store.getState().toggleZoom();
  const ui = renderConsole({ columns: options.columns ?? 120, rows: options.rows ?? 44, store });
  const recorder = new MemoryRecorder();
  const executor = new RecordingExecutor();
  const home = mkdtempSync(join(tmpdir(), 'warroom-hosts-'));
  const controller = new RunbookController({
    store: ui.store,
    recorder,
    executor,
    env: {},
    describeHost: hostDescriber({ 'known-box': { address: '127.0.0.1', port: 22, insecureAcceptNewHostKey: false } as never }, { home, username: 'lead' }),
    ...(options.runbooksDir ? { runbooksDir: options.runbooksDir } : {}),
  });
  controller.attach();
  cleanups.push(() => controller.stop(), () => executor.close(), () => ui.unmount());
  if (markdown !== '') controller.show(parseRunbook(markdown, 'shapes.md'));
  return { ui, recorder, executor, controller };
}

const CHOICES = [
  '# Queue service',
  '',
  '## Mitigate',
  '',
  '### Relieve it',
  '```bash',
  '# Option A: restart the consumer',
  'echo restarting consumer',
  '',
  '# Option B: drain to the dead-letter queue (if messages are poison)',
  '# Moves everything aside',
  'echo draining',
  'echo drained',
  '',
  '# Option C: scale out',
  'echo scaling',
  '```',
].join('\n');

test('a step with choices asks which one, confirms only its commands and runs only those', async () => {
  const { ui, executor, recorder } = setup(CHOICES);
  await waitFor(() => ui.frame().includes('› [ ] Relieve it'), { what: 'the step' });
  assert.match(ui.frame(), /◇ 3 choices: Enter asks which one runs/);
  assert.match(ui.frame(), /◇ 2\. Option B: drain to the dead-letter queue/);
  await ui.press(KEYS.enter, (f) => f.includes('"Relieve it" offers 3 choices: run one') && f.includes('2. Option B: drain to the dead-letter queue (if messages are poison) — 2 commands'));
  await ui.press('2', (f) => f.includes('choice # 2'));
  await ui.press(KEYS.enter, (f) => f.includes('Run "Relieve it", Option B: drain to the dead-letter queue (if messages are poison)?'));
  const confirm = ui.frame();
  assert.match(confirm, /\$ echo draining/);
  assert.match(confirm, /\$ echo drained/);
  assert.doesNotMatch(confirm, /echo restarting consumer|echo scaling/, 'the other choices are not shown');
  assert.match(confirm, /the step's other choices do not run/);
  await ui.press('y', (f) => f.includes('✓ exit 0'));
  await waitFor(() => executor.ran.length === 2 && !ui.store.getState().runbook.output?.running, { what: 'both commands of the choice' });
  assert.deepEqual(executor.ran.map((r) => r.command), ['echo draining', 'echo drained']);
  assert.deepEqual(recorder.ofKind('runbook.step').map((e) => e.data.choice), ['Option B: drain to the dead-letter queue (if messages are poison)', 'Option B: drain to the dead-letter queue (if messages are poison)']);
  ui.unmount();
});

test('Esc at the choice runs nothing; a number that names no choice runs nothing', async () => {
  const { ui, executor } = setup(CHOICES);
  await waitFor(() => ui.frame().includes('› [ ] Relieve it'), { what: 'the step' });
  await ui.press(KEYS.enter, (f) => f.includes('offers 3 choices'));
  await ui.press(KEYS.escape, (f) => !f.includes('offers 3 choices'));
  await ui.press(KEYS.enter, (f) => f.includes('offers 3 choices'));
  await ui.press('7', (f) => f.includes('choice # 7'));
  await ui.press(KEYS.enter, (f) => f.includes('no choice matches "7": nothing ran'));
  assert.equal(executor.ran.length, 0);
  ui.unmount();
});

test('instructions written in the block show in order in the step and in the confirmation', async () => {
  const markdown = readFileSync(join(fixtures, 'instructions.md'), 'utf8').replace('sudo systemctl restart ratelimiter', 'echo restarted');
  const { ui, executor } = setup(markdown);
  await waitFor(() => ui.frame().includes('› [ ] Recovery'), { what: 'the step' });
  const frame = ui.frame();
  const order = ['» 1. Turn off request throttling for now', '» Edit config/limits.yaml:', 'throttle:', 'enabled: false', '» 2. Tell the API team', '# 3. Restart the limiter', '$ echo restarted'].map((t) => frame.indexOf(t));
  assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!)), `in order on screen:\n${frame}`);
  await ui.press(KEYS.enter, (f) => f.includes('Run "Recovery"?'));
  const confirm = ui.frame();
  const lines = ['by hand first:', '» 1. Turn off request throttling for now', '» Edit config/limits.yaml:', '    throttle:', '      enabled: false', '» 2. Tell the API team', 'locally:', '# 3. Restart the limiter so it reads the file again', '$ echo restarted'].map((t) => confirm.indexOf(t));
  assert.ok(lines.every((at, i) => at >= 0 && (i === 0 || at > lines[i - 1]!)), `confirmation in order:\n${confirm}`);
  await ui.press('y', (f) => f.includes('✓ exit 0'));
  assert.deepEqual(executor.ran.map((r) => r.command), ['echo restarted']);
  ui.unmount();
});

test('a command that never ends streams as it runs, says Esc/:cancel stops it, and Esc does', async () => {
  const markdown = ['# Live', '', '## Watch', '', '```bash', 'while true; do echo tick; sleep 0.1; done', '```'].join('\n');
  const { ui, recorder } = setup(markdown);
  await waitFor(() => ui.frame().includes('∞ streams until stopped'), { what: 'the endless mark on the step' });
  await ui.press(KEYS.enter, (f) => f.includes('∞ never ends by itself: while true repeats until stopped;') && f.includes('it streams until Esc or :cancel stops it'));
  await ui.press('y', (f) => f.includes('⟳ streaming — Esc/:cancel stops it (never ends by itself') && (f.match(/^.*tick.*$/gm)?.length ?? 0) >= 3);
  await ui.press(KEYS.escape, (f) => /■ stopped after \d/.test(f));
  await waitFor(() => recorder.ofKind('runbook.step').some((e) => e.data.status === 'ran'), { what: 'the run recorded' });
  const ran = recorder.ofKind('runbook.step').find((e) => e.data.status === 'ran')!;
  assert.equal(ran.data.stopped, true);
  assert.ok((ran.data.tail as string[]).includes('tick'));
  assert.ok(ui.frame().includes('Runbook') && !ui.frame().includes('1 Status'), 'Esc stopped the command and left the zoom alone');
  ui.unmount();
});

test('a host outside the config says in the confirmation that it is not configured and where it really connects', async () => {
  const markdown = ['# Boxes', '', '## Look', '', '```bash', 'ssh legacy-box "uptime"', 'ssh known-box "uptime"', '```'].join('\n');
  const { ui } = setup(markdown);
  await waitFor(() => ui.frame().includes('› [ ] Look'), { what: 'the step' });
  await ui.press(KEYS.enter, (f) => f.includes('Run "Look"?'));
  const confirm = ui.frame();
  assert.match(confirm, /on legacy-box \(SSH\):/);
  assert.match(confirm, /on legacy-box \(SSH\):\s*║\s*║\s*⚠ not in the config's hosts: connects as `ssh legacy-box` would,/);
  assert.match(confirm, /no ~\/\.ssh\/config entry: the name itself: lead@legacy-box port 22/);
  assert.match(confirm, /on known-box \(SSH\):/);
  assert.equal(confirm.match(/not in the config's hosts/g)?.length, 1, 'only the unknown host is described');
  await ui.press('n', (f) => !f.includes('Run "Look"?'));
  ui.unmount();
});

test('sections are labelled with their parent, symptoms come before the steps, and g never lands on an empty heading', async () => {
  const { ui } = setup(readFileSync(join(fixtures, 'scenarios.md'), 'utf8'));
  await waitFor(() => ui.frame().includes('Mail relay playbook') || ui.frame().includes('§ '), { what: 'first frame' });
  ui.store.getState().setRunbookObserved({ downServices: ['relay-out'], critPanels: [], allDown: false });
  // The parent "Scenario 2" mentions relay-out in its Symptoms: g opens its Diagnose, not the empty heading.
  await waitFor(() => ui.frame().includes('★ suggested (g): Common Incident Scenarios › Scenario 2: queue not draining (relay-out is down'), { what: 'the suggestion' });
  await ui.press('g', (f) => /§ \d+\/\d+ Scenario 2: queue not draining › Diagnose/.test(f));
  const frame = ui.frame();
  assert.ok(frame.indexOf('Symptoms: `relay-queue` depth grows; relay-out is down') < frame.indexOf('› [ ] Look at the queue'), 'symptoms first');
  assert.ok(!frame.includes('(nothing under this heading)'));
  // Two sections called Diagnose tell themselves apart.
  await ui.press('[', (f) => /§ \d+\/\d+ Scenario 2: queue not draining › Symptoms/.test(f));
  ui.unmount();
});

test('the picker names runbooks by title and, before any is open, suggests the one that fits what the console sees', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-picker-'));
  writeFileSync(join(dir, 'a.md'), '# Disk full\n\n## Free space\n\n- [ ] delete old logs\n');
  writeFileSync(join(dir, 'b.md'), readFileSync(join(fixtures, 'scenarios.md'), 'utf8'));
  writeFileSync(join(dir, 'c.md'), '# Disk full\n\n## Other\n\n- [ ] a twin title\n');
  const { ui, controller } = setup('', { runbooksDir: dir });
  ui.store.getState().setRunbook({ error: 'no runbook open — r picks one from the runbooks folder' });
  ui.store.getState().setRunbookObserved({ downServices: ['relay-out'], critPanels: [], allDown: false });
  // The folder is read on the parser's worker thread (started cold here, under tsx): allow it time.
  await waitFor(() => ui.frame().includes('★ suggested (r or g): Mail relay playbook › Scenario 2: queue not draining (relay-out is down)'), { what: 'the runbook suggested before one is open', timeoutMs: 60_000 });
  await ui.press('r', (f) => f.includes('Enter alone opens ★') && f.includes('2. Mail relay playbook  ★'));
  const picker = ui.frame();
  assert.match(picker, /1\. Disk full \(a\.md\)/, 'twin titles tell their files apart');
  assert.match(picker, /3\. Disk full \(c\.md\)/);
  await ui.press(KEYS.enter, (f) => /§ \d+\/\d+ Scenario 2: queue not draining › Diagnose/.test(f));
  assert.equal(ui.store.getState().runbook.doc?.title, 'Mail relay playbook');
  void controller;
  ui.unmount();
});
