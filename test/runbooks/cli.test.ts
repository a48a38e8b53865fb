// `warroom runbook FILE` through the real command-line program: text, --json, and a missing file.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { checkRunbookFile, registerRunbook, runbookReport } from '../../src/cli/runbook.js';
import { UsageError } from '../../src/cli/usage-error.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/runbooks/${name}`, import.meta.url));

/** What the command prints (the action writes exactly this to stdout). */
async function runCli(args: string[]): Promise<string> {
  return runbookReport(args[1]!, args.includes('--json'));
}

test('--json has exactly the promised shape', async () => {
  const json = JSON.parse(await runCli(['runbook', fixture('ssh-sessions.md'), '--json']));
  assert.deepEqual(Object.keys(json), ['title', 'sections', 'severities', 'escalation']);
  assert.equal(json.title, 'Remote work');
  const wrapped = json.sections[2];
  assert.deepEqual(Object.keys(wrapped), ['title', 'label', 'level', 'line', 'symptoms', 'steps']);
  assert.deepEqual(wrapped.steps[0].commands[0], { run: 'redis-cli info memory | grep used_memory_human', host: 'cache-2', placeholders: [], line: 17 });
  assert.deepEqual(wrapped.steps[0].commands.at(-1), { run: 'systemctl status api', host: '$TARGET_HOST', placeholders: ['$TARGET_HOST'], line: 21 });
  assert.deepEqual(Object.keys(wrapped.steps[0]), ['text', 'line', 'done', 'commands', 'instructions', 'flow', 'alternatives']);
  const tables = JSON.parse(await runCli(['runbook', fixture('escalation-tables.md'), '--json']));
  assert.equal(tables.severities[0].level, 'SEV-1');
  assert.equal(tables.escalation[1].afterMinutes, 20);
});

test('text output lists sections, steps and commands with their source lines and hosts', async () => {
  const text = await runCli(['runbook', fixture('numbered-steps.md')]);
  assert.match(text, /^\s+5 {2}## Triage$/m);
  assert.match(text, /^\s+25 {9}\$ sudo systemctl restart checkout-workers {3}@web-1$/m);
  const tables = await runCli(['runbook', fixture('escalation-tables.md')]);
  assert.match(tables, /Severity levels:\n\s+7 {4}SEV-1: respond within 10 minutes — Customers cannot pay/);
  const references = await runCli(['runbook', fixture('reference-blocks.md')]);
  assert.match(references, /^\s+9 {9}\[promql reference, can be added as a metrics panel: press a on the step in the runbook pane\]$/m);
  assert.match(references, /^\s+5 {9}\[sql reference\]$/m);
});

test('a missing file is a usage error with a plain message', async () => {
  const program = new Command('warroom').exitOverride();
  registerRunbook(program);
  await assert.rejects(program.parseAsync(['runbook', fixture('does-not-exist.md')], { from: 'user' }), (error: unknown) => error instanceof UsageError && /runbook not found/.test(error.message));
  assert.deepEqual((await checkRunbookFile(fixture('does-not-exist.md'), [])).map((p) => p.line), [1]);
  const problems = await checkRunbookFile(fixture('numbered-steps.md'), ['web-1']);
  assert.deepEqual(problems.map((p) => `${p.line} ${p.message}`), [
    '35 unknown host "queue-1" (not in hosts: or ~/.ssh/config) in a command, line 35: it would connect as `ssh queue-1` does, to the name queue-1 on port 22',
  ]);
});

test('--json gives each step its commands and instructions in order, and its choices naming their commands', async () => {
  const json = JSON.parse(await runCli(['runbook', fixture('instructions.md'), '--json']));
  const recovery = json.sections[1].steps[0];
  assert.deepEqual(recovery.flow.map((f: { kind: string; text?: string; run?: string }) => f.text ?? f.run), [
    '1. Turn off request throttling for now',
    'Edit config/limits.yaml:\n  throttle:\n    enabled: false',
    '2. Tell the API team in #api-oncall',
    'sudo systemctl restart ratelimiter',
  ]);
  assert.equal(recovery.commands[0].description, '3. Restart the limiter so it reads the file again');
  const choices = JSON.parse(await runCli(['runbook', fixture('alternatives.md'), '--json']));
  const relieve = choices.sections[2].steps[0];
  assert.equal(choices.sections[2].label, 'Mitigate (first 10 minutes) › Step 2: Relieve the cluster');
  assert.deepEqual(relieve.alternatives.map((a: { label: string; commands: number[] }) => [a.label.slice(0, 8), a.commands]), [['Option A', [0]], ['Option B', [1]], ['Option C', [2]], ['Option D', [3]]]);
  assert.equal(relieve.commands[1].choice, 'Option B: Shed load at the gateway (if traffic doubled)');
  const endless = JSON.parse(await runCli(['runbook', fixture('endless-commands.md'), '--json']));
  assert.equal(endless.sections[1].steps[0].commands[0].endless, 'ping without -c pings until stopped');
  const severities = JSON.parse(await runCli(['runbook', fixture('severity-paragraphs.md'), '--json'])).severities;
  assert.deepEqual(severities[1], { level: 'SEV-2 (High)', response: '30 minutes', line: 10, description: 'One payment method is down; Response: within 30 minutes', criteria: ['One payment method is down', 'Response: within 30 minutes'] });
});

test('check groups a host used by many commands into one warning with their lines, and names never-ending commands', async () => {
  const problems = await checkRunbookFile(fixture('unknown-hosts.md'), ['known-box']);
  assert.deepEqual(problems.map((p) => [p.line, p.lines ?? [p.line]]), [[6, [6, 7, 8, 9, 17, 18]], [10, [10]]]);
  assert.match(problems[0]!.message, /^unknown host "legacy-box" \(not in hosts: or ~\/\.ssh\/config\) in 6 commands, lines 6, 7, 8, 9, 17, 18: they would connect as `ssh legacy-box` does/);
  const endless = await checkRunbookFile(fixture('endless-commands.md'), []);
  assert.equal(endless.length, 10, endless.map((p) => p.message).join('\n'));
  assert.match(endless[0]!.message, /^a command never ends by itself \(ping without -c pings until stopped\), line 7: the console runs it as a live stream until Esc or :cancel$/);
});
