// How shell blocks become commands: table-driven over the cases runbooks actually contain.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPlaceholders, fillPlaceholders, assignedNames } from '../../src/runbooks/placeholders.js';
import { readBlock, isShellBlock } from '../../src/runbooks/shell-block.js';
import { readSsh } from '../../src/runbooks/ssh-wrap.js';
import { readMinutes, classifyTable } from '../../src/runbooks/tables.js';

const sshCases: [string, ReturnType<typeof readSsh>][] = [
  ['ssh web-1 "systemctl status nginx"', { kind: 'remote', host: 'web-1', run: 'systemctl status nginx' }],
  ["ssh web-1 'echo \"$HOME\"'", { kind: 'remote', host: 'web-1', run: 'echo "$HOME"' }],
  ['ssh -p 2201 -t ops@web-2 "df -h"', { kind: 'remote', host: 'web-2', run: 'df -h' }],
  ['ssh web-3 uptime -p', { kind: 'remote', host: 'web-3', run: 'uptime -p' }],
  ['ssh web-4', { kind: 'login', host: 'web-4' }],
  ['ssh web-5 "a" | grep b', { kind: 'none' }],
  ['ssh web-6 "say \\"hi\\""', { kind: 'remote', host: 'web-6', run: 'say "hi"' }],
  ['sshd -t', { kind: 'none' }],
  ['ssh', { kind: 'none' }],
  // A `<placeholder>` host is asked for before the run; a real redirect still means "not ssh's".
  ['ssh <load_balancer> "sudo nginx -t"', { kind: 'remote', host: '<load_balancer>', run: 'sudo nginx -t' }],
  ['ssh ops@<web_host> tail -n 50 <log_file>', { kind: 'remote', host: '<web_host>', run: 'tail -n 50 <log_file>' }],
  ['ssh web-7 cat < local.txt', { kind: 'none' }],
  ['ssh web-8 "cat /etc/hosts" > hosts.txt', { kind: 'none' }],
];

for (const [input, expected] of sshCases) {
  test(`readSsh: ${input}`, () => assert.deepEqual(readSsh(input), expected));
}

test('placeholders: found in order, assigned names and shell variables excluded', () => {
  const code = 'N=3\ncurl -H "X-Key: $API_KEY" https://x/<service_name>/${REGION}/$N/INC-XXXX $HOME $API_KEY';
  assert.deepEqual(findPlaceholders(code, assignedNames(code)), ['$API_KEY', '<service_name>', '${REGION}', 'INC-XXXX']);
  assert.deepEqual(findPlaceholders('cat <<EOF >> out 2>&1'), []);
});

test('fillPlaceholders replaces every occurrence, longest first', () => {
  assert.equal(fillPlaceholders('$API $API_KEY <svc> <svc>', { $API: 'a', $API_KEY: 'k', '<svc>': 'web' }), 'a k web web');
});

test('a bare ssh line sends the rest of the block to that host until exit; cd carries over', () => {
  const block = readBlock('bash', 'ssh app-9\ncd /srv/app\ngit log -1\nexit\nhostname', 10);
  assert.deepEqual(
    block.commands.map((c) => [c.host, c.run, c.line]),
    [
      ['app-9', 'cd /srv/app && git log -1', 13],
      [undefined, 'hostname', 15],
    ],
  );
});

test('comments describe the next command; a blank line forgets them', () => {
  const block = readBlock('sh', '# first\n# more\nuptime\n\n# orphan\n\nfree', 1);
  assert.equal(block.commands[0]!.description, 'first — more');
  assert.equal(block.commands[1]!.description, undefined);
});

test('language decides shell or reference', () => {
  assert.equal(isShellBlock('', 'kubectl get pods'), true);
  assert.equal(isShellBlock('', '{"a": 1}'), false);
  assert.equal(isShellBlock('yaml', 'ls: true'), false);
  const promql = readBlock('promql', 'up == 0', 4);
  assert.deepEqual(promql.references, [{ lang: 'promql', text: 'up == 0', line: 4, metricsPanel: true }]);
});

test('tables are recognised by header words; times read as minutes', () => {
  assert.equal(classifyTable(['Priority', 'Response target']), 'severity');
  assert.equal(classifyTable(['When', 'Who']), 'escalation');
  assert.equal(classifyTable(['Service', 'Port']), 'other');
  assert.equal(readMinutes('15 min'), 15);
  assert.equal(readMinutes('45+ minutes'), 45);
  assert.equal(readMinutes('0-15 minutes'), 0);
  assert.equal(readMinutes('2 hours'), 120);
  assert.equal(readMinutes('soon'), undefined);
});
