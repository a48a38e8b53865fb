// Progress is recorded on the timeline and rebuilt from it, and a step's command runs for real.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkRunbook } from '../../src/runbooks/check.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { RunbookProgress } from '../../src/runbooks/progress.js';
import { prepareCommand, runPreparedCommand } from '../../src/runbooks/run-step.js';
import { sectionToOpen, suggestSections } from '../../src/runbooks/symptoms.js';
import type { TimelineRecorder } from '../../src/timeline/recorder.js';
import { memoryRecorder } from './memory-recorder.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const fixture = (name: string) => parseRunbook(readFileSync(fileURLToPath(new URL(`../fixtures/runbooks/${name}`, import.meta.url)), 'utf8'), name);

test('progress: events are recorded and restore the same state', () => {
  const runbook = fixture('checklist.md');
  const recorder = memoryRecorder();
  const progress = new RunbookProgress(runbook, recorder as TimelineRecorder);
  const before = runbook.sections[1]!;
  assert.equal(progress.nextOpen(before), 2, 'the two [x] items start done');
  progress.apply(before, before.steps[2]!, { status: 'done' });
  progress.apply(before, before.steps[3]!, { status: 'skipped', reason: 'flag already off' });
  progress.apply(before, before.steps[0]!, { status: 'undone' });
  progress.apply(before, before.steps[0]!, { status: 'noted', note: 'channel was renamed' });
  assert.deepEqual(recorder.events[1], {
    kind: 'runbook.step',
    data: { runbook: 'checklist.md', section: 'Before', line: before.steps[3]!.line, text: 'Writes paused at the app', status: 'skipped', reason: 'flag already off' },
  });

  const restored = RunbookProgress.restore(parseRunbook(readFileSync(fileURLToPath(new URL('../fixtures/runbooks/checklist.md', import.meta.url)), 'utf8'), 'other/dir/checklist.md'), recorder.events);
  const steps = restored.runbook.sections[1]!.steps;
  assert.equal(restored.state(steps[0]!).status, 'open');
  assert.deepEqual(restored.state(steps[0]!).notes, ['channel was renamed']);
  assert.equal(restored.state(steps[2]!).status, 'done');
  assert.deepEqual(restored.state(steps[3]!), { status: 'skipped', reason: 'flag already off', notes: [] });
  assert.deepEqual(restored.counts(), { total: 7, done: 3, skipped: 1 });
});

test('progress: events of another runbook and unknown steps are ignored; a moved step is found by its text', () => {
  const runbook = fixture('checklist.md');
  const moved = runbook.sections[2]!.steps[0]!;
  const restored = RunbookProgress.restore(runbook, [
    { kind: 'runbook.step', data: { runbook: 'elsewhere.md', line: moved.line, text: moved.text, status: 'done' } },
    { kind: 'runbook.step', data: { runbook: 'checklist.md', line: 999, text: 'no such step', status: 'done' } },
    { kind: 'note', data: { text: 'hello' } },
    { kind: 'runbook.step', data: { runbook: 'checklist.md', line: 2, text: moved.text, status: 'skipped', reason: 'done by hand' } },
  ]);
  assert.equal(restored.state(moved).status, 'skipped');
  assert.equal(restored.counts().skipped, 1);
});

test('running a step: placeholders bound to variables, output streamed and bounded, secrets masked in what is shown', async () => {
  const runbook = parseRunbook(['# t', '## s', '```bash', 'printf "one\\ntwo $X_TOKEN <word>\\n"; for i in $(seq 1 30); do echo "line $i"; done; printf "\\033[31mred\\033[0m\\n"; exit 3', '```'].join('\n'), 't.md');
  const command = runbook.sections[1]!.steps[0]!.commands[0]!;
  assert.deepEqual(command.placeholders, ['$X_TOKEN', '<word>']);
  assert.deepEqual(prepareCommand(command, {}).missing, ['$X_TOKEN', '<word>']);
  const prepared = prepareCommand(command, { $X_TOKEN: 's3cret', '<word>': 'hello' });
  assert.deepEqual(prepared.missing, []);
  assert.ok(prepared.run.startsWith('printf "one\\ntwo $X_TOKEN ${word}\\n";'), prepared.run);
  assert.deepEqual(prepared.env, { X_TOKEN: 's3cret', word: 'hello' });
  assert.equal(prepared.shown, prepared.run.replace('\u001b', '␛'));
  assert.ok(!prepared.shown.includes('s3cret'));

  const seen: string[] = [];
  const executor = new RecordingExecutor();
  const outcome = await runPreparedCommand(executor, prepared, { onLine: (l) => seen.push(l), bufferLines: 25 });
  assert.equal(outcome.exitCode, 3);
  assert.equal(outcome.output.last().length, 25);
  assert.equal(outcome.output.dropped, 8);
  assert.equal(outcome.tail.length, 20);
  assert.equal(outcome.tail.at(-1), 'red', 'colour escapes are removed');
  assert.equal(seen[0], 'one');
  assert.equal(seen[1], 'two *** hello', 'the values reached the command; the secret is masked in its output');
  assert.equal(executor.ran[0]!.command, prepared.run);

  const recorder = memoryRecorder();
  const progress = new RunbookProgress(runbook, recorder as TimelineRecorder);
  const section = runbook.sections[1]!;
  progress.apply(section, section.steps[0]!, { status: 'ran', command: outcome.shown, exitCode: outcome.exitCode, durationMs: outcome.durationMs, tail: outcome.tail });
  assert.equal(recorder.events[0]!.data.status, 'ran');
  assert.equal(recorder.events[0]!.data.exitCode, 3);
  assert.ok(!JSON.stringify(recorder.events).includes('s3cret'));
  assert.equal(RunbookProgress.restore(runbook, recorder.events).state(section.steps[0]!).lastRun?.exitCode, 3);
});

test('running a step on a host goes through the executor with that host; failure to start is an outcome', async () => {
  const executor = new RecordingExecutor();
  const outcome = await runPreparedCommand(executor, prepareCommand({ run: 'uptime', host: 'db-<n>.invalid', placeholders: ['<n>'], line: 1 }, { '<n>': '2' }));
  assert.deepEqual(executor.ran, [{ command: 'uptime', host: 'db-2.invalid' }]);
  assert.equal(outcome.exitCode, null);
  assert.match(outcome.error ?? '', /db-2/);
});

test('suggestions: outage, a named service, and error-rate panels pick their sections', () => {
  const runbook = fixture('scenario-blocks.md');
  const titles = (seen: Parameters<typeof suggestSections>[1]) => suggestSections(runbook, seen).map((s) => s.title);
  assert.equal(titles({ downServices: ['ledger', 'api'], critPanels: [], allDown: true })[0], 'Scenario 3: complete outage');
  assert.equal(titles({ downServices: ['ledger'], critPanels: [], allDown: false })[0], 'Scenario 1: ledger service not responding');
  assert.equal(titles({ downServices: [], critPanels: ['HTTP error rate'], allDown: false })[0], 'Scenario 2: high error rate on card authorisations');
  assert.deepEqual(titles({ downServices: [], critPanels: [], allDown: false }), []);
});

test('sectionToOpen: a suggested scenario heading without steps opens at its first steps', () => {
  const runbook = parseRunbook(
    ['# Title', '## Service down', '### Symptoms', '- api is down', '### Diagnose', '1. Look', '## Errors', '1. Count them', '## Empty', '### Nothing', 'text', '## Last'].join('\n'),
    'rb.md',
  );
  const index = (title: string) => runbook.sections.findIndex((s) => s.title === title);
  const [suggestion] = suggestSections(runbook, { downServices: ['api'], critPanels: [], allDown: false });
  assert.equal(suggestion?.title, 'Service down');
  assert.equal(runbook.sections[sectionToOpen(runbook, suggestion.index)]!.title, 'Diagnose', 'skips the heading and its Symptoms');
  assert.equal(sectionToOpen(runbook, index('Errors')), index('Errors'), 'a section with steps opens itself');
  assert.equal(sectionToOpen(runbook, index('Empty')), index('Empty'), 'no steps below: the heading itself');
  assert.equal(sectionToOpen(runbook, index('Title')), index('Diagnose'), 'the title opens at the first steps of the file');
});

test('check: unknown hosts and empty sections are reported with their lines', () => {
  const runbook = parseRunbook(['# Top', '## Empty', '## Work', '```bash', 'ssh known "ls"', 'ssh stranger "ls"', 'ssh $PICK "ls"', '```', '### Parent', '#### Child', 'text'].join('\n'), 'rb.md');
  assert.deepEqual(checkRunbook(runbook, ['known']), [
    { file: 'rb.md', line: 2, message: 'section "Empty" is empty' },
    { file: 'rb.md', line: 6, message: 'unknown host "stranger" (not in hosts: or ~/.ssh/config) in a command, line 6: it would connect as `ssh stranger` does, to the name stranger on port 22' },
  ]);
});

test('check: a PromQL block is reported only when no Prometheus is configured to chart it', () => {
  const runbook = parseRunbook(['# Errors', '1. Error rate:', '', '   ```promql', '   sum(rate(errors_total[5m]))', '   ```', '2. SQL for reference:', '', '   ```sql', '   select 1;', '   ```'].join('\n'), 'rb.md');
  assert.deepEqual(checkRunbook(runbook, [], { prometheus: false }), [
    { file: 'rb.md', line: 4, message: 'PromQL block cannot be charted: no metrics.prometheus in the config' },
  ]);
  assert.deepEqual(checkRunbook(runbook, [], { prometheus: true }), []);
  assert.deepEqual(checkRunbook(runbook, []), [], 'unknown by default: not reported');
});

test('progress keeps only the steps that are not plainly open: checked off in the file, or changed; an event finds its step by line, else by text', () => {
  const markdown = `# Keys\n\n- [x] Rotate key 0\n${Array.from({ length: 20_000 }, (_, i) => `- [ ] Rotate key ${i + 1}`).join('\n')}\n`;
  const runbook = parseRunbook(markdown, 'keys.md');
  const section = runbook.sections[0]!;
  const progress = new RunbookProgress(runbook, memoryRecorder() as TimelineRecorder);
  assert.deepEqual(Object.keys(progress.changed()), [String(section.steps[0]!.line)]);
  assert.deepEqual(progress.counts(), { total: 20_001, done: 1, skipped: 0 });
  progress.apply(section, section.steps[500]!, { status: 'noted', note: 'rotated by hand' });
  assert.deepEqual(progress.changed()[section.steps[500]!.line], { status: 'open', notes: ['rotated by hand'] });
  assert.equal(progress.state(section.steps[501]!).status, 'open');

  // The file edited: a line added at the top moves every step down one line.
  const moved = parseRunbook(markdown.replace('# Keys\n', '# Keys\n\n(edited)\n'), 'keys.md');
  const restored = RunbookProgress.restore(moved, [
    { kind: 'runbook.step', data: { runbook: 'keys.md', line: section.steps[7]!.line, text: 'Rotate key 7', status: 'done' } },
    { kind: 'runbook.step', data: { runbook: 'keys.md', line: section.steps[9]!.line, text: 'Rotate key 9', status: 'skipped', reason: 'gone' } },
  ]);
  const steps = moved.sections[0]!.steps;
  assert.equal(restored.state(steps[7]!).status, 'done');
  assert.equal(restored.state(steps[9]!).status, 'skipped');
  assert.equal(restored.state(steps[8]!).status, 'open');
  assert.deepEqual(restored.counts(), { total: 20_001, done: 2, skipped: 1 });
});
