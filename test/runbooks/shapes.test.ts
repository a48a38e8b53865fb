// The Markdown shapes real runbooks use, read as their authors meant them (one fixture runbook of
// our own per shape): choices are choices, comment lines are instructions kept in order, lists
// that describe are not steps, severities written as bold paragraphs, and commands that never end.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { commandsOfChoice } from '../../src/runbooks/alternatives.js';
import { endlessReason } from '../../src/runbooks/endless.js';
import type { Runbook, Step } from '../../src/runbooks/model.js';
import { parseRunbook } from '../../src/runbooks/parse.js';

const fixture = (name: string): Runbook =>
  parseRunbook(readFileSync(fileURLToPath(new URL(`../fixtures/runbooks/${name}`, import.meta.url)), 'utf8'), name);

function step(runbook: Runbook, text: string): Step {
  const found = runbook.sections.flatMap((s) => s.steps).find((s) => s.text.startsWith(text));
  assert.ok(found, `no step starting "${text}" in ${runbook.file}`);
  return found;
}

/** What running a choice would run, as command lines. */
const runs = (s: Step, choice: number) => commandsOfChoice(s, s.alternatives[choice]!).map((i) => s.commands[i]!.run.split('\n')[0]);

test('Option A/B/C/D in one shell block are four choices, each running only its own commands', () => {
  const relieve = step(fixture('alternatives.md'), 'Step 2: Relieve the cluster');
  assert.deepEqual(relieve.alternatives.map((a) => a.label), [
    'Option A: Restart the stuck nodes (if heap is full)',
    'Option B: Shed load at the gateway (if traffic doubled)',
    'Option C: Roll back the index template (if a deploy changed it)',
    'Option D: Add capacity',
  ]);
  assert.deepEqual(runs(relieve, 1), ["curl -X PUT http://gateway.internal:9000/limits -d '{\"qps\": 50}'"]);
  assert.deepEqual(runs(relieve, 3), ['./cluster.sh scale --data-nodes 5']);
  assert.deepEqual(relieve.alternatives.flatMap((a) => a.commands), [0, 1, 2, 3], 'every command belongs to exactly one choice');
});

test('"(if …)" conditions, either/or paragraphs and "If …" bullets are choices too; a lone condition splits the step', () => {
  const runbook = fixture('alternatives.md');
  assert.deepEqual(step(runbook, 'Step 3: Contain the damage').alternatives.map((a) => a.commands), [[0], [1]]);
  const cache = step(runbook, 'Bring the cache back');
  assert.equal(cache.text, 'Bring the cache back', 'the "Either" line leads into its block, not into the step name');
  assert.deepEqual(cache.alternatives.map((a) => [a.label, a.commands]), [['Either warm it from the snapshot:', [0]], ['or let it fill from live traffic:', [1]]]);
  const replicas = step(runbook, 'Fix the replica count');
  assert.deepEqual(replicas.alternatives.map((a) => a.label), ['If replicas are missing:', 'If a shard is stuck initialising:']);
  // "Drain", then "if it is still above 10k, purge": the purge runs only when chosen.
  const backlog = step(runbook, 'Clear the backlog');
  assert.deepEqual(backlog.alternatives.map((a) => [a.label, runs(backlog, backlog.alternatives.indexOf(a))]), [
    ['Drain the retry queue', ['./queue.sh drain retries']],
    ['If the queue is still above 10k, purge it', ['./queue.sh purge retries']],
  ]);
});

test('a step without labels has no choices: its commands run in order', () => {
  const runbook = parseRunbook('# R\n\n## Go\n```bash\n# Option A: only one option\nuptime\nfree -m\n```\n', 'r.md');
  assert.deepEqual(runbook.sections[1]!.steps[0]!.alternatives, []);
});

test('comment lines in a shell block are instructions, kept in order with the commands, edits with their indentation', () => {
  const runbook = fixture('instructions.md');
  const recovery = step(runbook, 'Recovery');
  assert.deepEqual(recovery.instructions.map((i) => [i.text, i.before]), [
    ['1. Turn off request throttling for now', 0],
    ['Edit config/limits.yaml:\n  throttle:\n    enabled: false', 0],
    ['2. Tell the API team in #api-oncall', 0],
  ]);
  assert.equal(recovery.commands[0]!.description, '3. Restart the limiter so it reads the file again');
  assert.equal(recovery.commands[0]!.run, 'sudo systemctl restart ratelimiter');

  // A comment parted from the commands by blank lines, and one after the last command, are kept too.
  const counters = step(runbook, 'Check the counters');
  assert.deepEqual(counters.instructions.map((i) => [i.text, i.before]), [
    ['Afterwards, compare with the dashboard by hand', 1],
    ['If the count keeps growing, page the API team', 2],
  ]);
  // A block of comments only is a manual step whose instructions are the same kind of thing.
  const page = step(runbook, 'Page the owners');
  assert.deepEqual(page.commands, []);
  assert.deepEqual(page.instructions.map((i) => i.text), ['1. Open the on-call schedule', '2. Call the primary for the limiter', '3. If nobody answers in 5 minutes, call the secondary']);
  // Words above an `ssh HOST` or `cd DIR` line, which are not commands of their own, stay.
  const login = step(runbook, 'Inside a login');
  assert.deepEqual(login.instructions.map((i) => i.text), ['Log in to the limiter host', 'Go to the service folder']);
  assert.deepEqual(login.commands.map((c) => [c.host, c.run]), [['limiter-1', 'cd /srv/ratelimiter && ./bin/ctl status']]);
});

test('lists that describe are not steps; task lists, numbered lists and lists under procedural headings are', () => {
  const runbook = fixture('descriptive-lists.md');
  const section = (title: string) => runbook.sections.find((s) => s.title === title)!;
  for (const title of ['Contents', 'Participants', 'Symptoms', 'Impact', 'Root causes', 'Service classes', 'Prevention', 'References']) {
    assert.deepEqual(section(title).steps, [], `"${title}" has no steps`);
  }
  assert.deepEqual(section('Contents').text.map((t) => t.text), ['Contents: Summary · Detection & Response (Checks) · Root causes']);
  assert.deepEqual(section('Root causes').text.map((t) => t.text), ['• A full metadata volume', '• A bad gateway release'], 'kept as text, not lost');
  assert.deepEqual(section('Symptoms').symptoms, ['Uploads hang after 30 s', '`s3 ls` returns 503']);
  assert.deepEqual(section('Detection & Response').steps.map((s) => [s.text, s.done]), [['Page acknowledged', false], ['Storage dashboard opened', false], ['Channel created', true]]);
  assert.deepEqual(section('Checks').steps.map((s) => s.text), ['Count the failing requests', 'Look at the gateway error log']);
  assert.deepEqual(section('Mitigation').steps.map((s) => s.text), ['Move writes to the secondary region', 'Pause the nightly export job']);
});

test('a list holding commands is steps whatever its heading says', () => {
  const runbook = parseRunbook('# R\n\n## Known causes\n\n1. Full disk\n   ```bash\n   df -h\n   ```\n', 'r.md');
  assert.deepEqual(runbook.sections[1]!.steps.map((s) => s.commands[0]?.run), ['df -h']);
});

test('severity levels as bold paragraphs with criteria, as "**P1**: ..." items, and as tables', () => {
  const runbook = fixture('severity-paragraphs.md');
  assert.deepEqual(runbook.severities.map((s) => [s.level, s.response, s.criteria?.length ?? 0]), [
    ['SEV-1 (Critical)', '5 minutes', 3],
    ['SEV-2 (High)', '30 minutes', 2],
    ['SEV-3 (Medium)', 'next business day', 2],
    ['SEV-4 (Low)', '', 1],
    ['P1', '15 min', 0],
    ['P2', '1 hour', 0],
  ]);
  assert.equal(runbook.severities[0]!.description, 'Card payments fail for every merchant; Money can be lost or double-charged; Response: within 5 minutes, around the clock');
  assert.deepEqual(runbook.sections.find((s) => s.title === 'Severity Levels')!.steps, [], 'criteria are not steps');
  // A scenario written "**P1: Checkout outage response**" is not a severity definition.
  assert.ok(!runbook.severities.some((s) => s.level.includes('Checkout')));
  assert.deepEqual(step(runbook, 'Confirm the outage').commands.map((c) => c.run), ['curl -sf https://pay.example.test/health']);
  assert.deepEqual(fixture('escalation-tables.md').severities.map((s) => s.level), ['SEV-1', 'SEV-2', 'SEV-3']);
});

test('commands that never end are recognised, and those that end are not', () => {
  const runbook = fixture('endless-commands.md');
  const commands = runbook.sections.flatMap((s) => s.steps).flatMap((s) => s.commands);
  const endless = commands.filter((c) => c.endless !== undefined).map((c) => c.run.split(' ').slice(0, 3).join(' '));
  assert.deepEqual(endless, [
    'ping worker-7.internal',
    "watch -n 2",
    'tail -f /var/log/worker.log',
    'sudo journalctl -fu',
    'docker compose logs',
    'kubectl logs -f',
    'kubectl get pods',
    'while true; do',
    'top',
    './collector.sh &',
  ]);
  const cases: [string, boolean][] = [
    ['ssh web-1 "tail -F /var/log/app.log"', true],
    ['tail -100f app.log', true],
    ['journalctl -uconfig-sync -n 20', false],
    ['top -bn1', false],
    ['ping -w 5 host', false],
    ['docker stats', true],
    ['docker stats --no-stream', false],
    ['timeout 10 tail -f x', false],
    ['vmstat 1', true],
    ['vmstat 1 5', false],
    ['tcpdump -i eth0', true],
    ['tcpdump -c 100 -i eth0', false],
    ['echo "while true; do"', false],
    ['a && b', false],
    ['sleep 5 & wait', false],
    // Words a shell joins or unquotes still name the program (endless.ts answers most commands before parsing them).
    ['ta"i"l -f x', true],
    ["'watch' df -h", true],
    ['t\\ail -F x', true],
    ['/usr/bin/tail -f x', true],
    ['uptime; df -h', false],
  ];
  for (const [run, never] of cases) assert.equal(endlessReason(run) !== undefined, never, run);
});
