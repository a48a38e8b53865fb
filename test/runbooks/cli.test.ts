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
  assert.deepEqual(Object.keys(wrapped), ['title', 'level', 'line', 'steps']);
  assert.deepEqual(wrapped.steps[0].commands[0], { run: 'redis-cli info memory | grep used_memory_human', host: 'cache-2', placeholders: [] });
  assert.deepEqual(wrapped.steps[0].commands.at(-1), { run: 'systemctl status api', host: '$TARGET_HOST', placeholders: ['$TARGET_HOST'] });
  assert.deepEqual(Object.keys(wrapped.steps[0]), ['text', 'line', 'done', 'commands']);
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
  assert.deepEqual(problems.map((p) => `${p.line} ${p.message}`), ['35 unknown host "queue-1" (not in hosts: or ~/.ssh/config)']);
});
