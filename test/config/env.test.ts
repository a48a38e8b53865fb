// `${VAR}` filling: unit cases for the interpolator and its effect through the loader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandTemplate, interpolate } from '../../src/config/env.js';
import { ConfigError, loadConfigText } from '../../src/config/load.js';

const cases: { text: string; env: Record<string, string>; out: string }[] = [
  { text: 'plain', env: {}, out: 'plain' },
  { text: '${A}', env: { A: 'x' }, out: 'x' },
  { text: 'http://${HOST}:${PORT}/h', env: { HOST: 'db', PORT: '80' }, out: 'http://db:80/h' },
  { text: '${A:-fallback}', env: {}, out: 'fallback' },
  { text: '${A:-fallback}', env: { A: 'set' }, out: 'set' },
  { text: '${A:-fallback}', env: { A: '' }, out: 'fallback' },
  { text: '${A:-}', env: {}, out: '' },
  { text: '${A:-a:-b}', env: {}, out: 'a:-b' },
  { text: '${A:-${B}}', env: { B: 'b' }, out: 'b' },
  { text: '${A:-${B}}', env: { A: 'a' }, out: 'a' },
  { text: '${A:-x${B:-${C:-deep}}y}', env: {}, out: 'xdeepy' },
  { text: '${A:-$${B}}', env: {}, out: '${B}' },
  { text: '${A}', env: { A: '' }, out: '' },
  { text: 'cost $5 and $${NOT_A_VAR}', env: {}, out: 'cost $5 and ${NOT_A_VAR}' },
  { text: 'sum(rate(x[5m])) {job="a"}', env: {}, out: 'sum(rate(x[5m])) {job="a"}' },
];

for (const c of cases) {
  test(`interpolate ${JSON.stringify(c.text)} with ${JSON.stringify(c.env)}`, () => {
    const result = interpolate(c.text, c.env);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value, c.out);
  });
}

test('interpolate names the unset variable', () => {
  const result = interpolate('x ${MISSING_TOKEN} y', {});
  assert.ok(!result.ok);
  assert.equal(result.index, 2);
  assert.match(result.message, /MISSING_TOKEN is not set/);
});

test('interpolate rejects malformed references', () => {
  for (const text of ['${}', '${1A}', '${A B}', '${A', '${A:default}']) {
    const result = interpolate(text, { A: 'x' });
    assert.ok(!result.ok, text);
  }
});

test('a plain scalar keeps YAML typing after filling; a quoted one stays text', () => {
  const yaml = 'hosts:\n  app-1:\n    port: ${SSH_PORT:-2200}\n    user: "${SSH_USER:-42}"\n';
  const config = loadConfigText(yaml, 'warroom.yaml', {});
  assert.equal(config.hosts['app-1']?.port, 2200);
  assert.equal(config.hosts['app-1']?.user, '42');
});

test('variables fill durations and URLs; commands keep the reference and carry the value beside it', () => {
  const yaml = [
    'services:',
    '  - name: api',
    '    checks:',
    '      - http: ${API_URL}',
    '        interval: ${PROBE_EVERY:-10s}',
    '    actions:',
    '      restart:',
    '        run: kubectl -n ${NS:-prod} rollout restart deploy/api',
  ].join('\n');
  const config = loadConfigText(yaml, 'warroom.yaml', { API_URL: 'https://api.example.test/healthz' });
  const check = config.services[0]?.checks[0];
  assert.ok(check?.kind === 'http');
  assert.equal(check.url, 'https://api.example.test/healthz');
  assert.equal(check.intervalMs, 10_000);
  assert.equal(config.services[0]?.actions.restart?.targets[0]?.run, 'kubectl -n ${NS:-prod} rollout restart deploy/api');
  assert.deepEqual(config.services[0]?.actions.restart?.targets[0]?.env, { NS: null });
});

test('every unset variable is reported with its position', () => {
  const yaml = 'incident:\n  title: ${TITLE}\nmetrics:\n  prometheus: http://${PROM_HOST}:9090\n';
  assert.throws(() => loadConfigText(yaml, 'warroom.yaml', {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.deepEqual(err.format().split('\n'), [
      'warroom.yaml:2:10: incident.title: environment variable TITLE is not set (write ${TITLE:-default} to give a default)',
      'warroom.yaml:4:22: metrics.prometheus: environment variable PROM_HOST is not set (write ${PROM_HOST:-default} to give a default)',
    ]);
    return true;
  });
});

test('keys are not interpolated', () => {
  const yaml = 'services:\n  - name: api\n    checks:\n      - http: http://127.0.0.1:1/\n        headers: { "${NOT_FILLED}": v }\n';
  const check = loadConfigText(yaml, 'warroom.yaml', {}).services[0]?.checks[0];
  assert.ok(check?.kind === 'http');
  assert.deepEqual(check.headers, { '${NOT_FILLED}': 'v' });
});

test('a nested default names the variable that is missing', () => {
  const result = interpolate('${A:-${B}}', {});
  assert.ok(!result.ok);
  assert.match(result.message, /B is not set/);
});

// Commands: the value never becomes shell text. Each row: the command as written, the
// environment, what the shell receives, and the values handed to it.
const commandCases: { text: string; env: Record<string, string>; shell: string; values: Record<string, string | null> }[] = [
  { text: 'mysql -p${DB_PASSWORD} -e "select 1"', env: { DB_PASSWORD: 'pa$(touch marker)ss' }, shell: 'mysql -p${DB_PASSWORD} -e "select 1"', values: { DB_PASSWORD: 'pa$(touch marker)ss' } },
  { text: 'echo "${A}"', env: { A: 'x" ; touch m ; echo "' }, shell: 'echo "${A}"', values: { A: 'x" ; touch m ; echo "' } },
  { text: "curl -H 'Authorization: Bearer ${TOKEN}' http://x", env: { TOKEN: 't' }, shell: `curl -H 'Authorization: Bearer '"\${TOKEN}"'' http://x`, values: { TOKEN: 't' } },
  { text: 'kubectl -n ${NS:-prod} get pods', env: {}, shell: 'kubectl -n ${NS:-prod} get pods', values: { NS: null } },
  { text: 'echo ${A:-${B:-b}}', env: { A: '' }, shell: 'echo ${A:-${B:-b}}', values: { A: '', B: null } },
  { text: 'echo $${HOME} $HOME', env: {}, shell: 'echo ${HOME} $HOME', values: {} },
];

for (const c of commandCases) {
  test(`command ${JSON.stringify(c.text)} keeps its references`, () => {
    const result = commandTemplate(c.text, c.env);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value, c.shell);
    assert.deepEqual(result.env, c.values);
  });
}

test('a command reference is validated like any other', () => {
  const result = commandTemplate('mysql -p${DB_PASSWORD}', {});
  assert.ok(!result.ok);
  assert.match(result.message, /DB_PASSWORD is not set/);
});

test('commands of actions, checks and log sources carry their values; other fields are filled', () => {
  const yaml = [
    'services:',
    '  - name: db',
    '    checks:',
    '      - command: mysqladmin -p${DB_PASSWORD} ping',
    '        label: ${LABEL}',
    '    logs:',
    '      - command: tail -F ${LOG_FILE}',
    '    actions:',
    '      restart:',
    '        run: systemctl restart ${UNIT:-mysql}',
  ].join('\n');
  const env = { DB_PASSWORD: 'line1\nline2', LABEL: 'mysql', LOG_FILE: '/var/log/x; touch m' };
  const config = loadConfigText(yaml, 'warroom.yaml', env);
  const service = config.services[0]!;
  const check = service.checks[0]!;
  assert.ok(check.kind === 'command');
  assert.equal(check.command, 'mysqladmin -p${DB_PASSWORD} ping');
  assert.deepEqual(check.env, { DB_PASSWORD: 'line1\nline2' });
  assert.equal(check.label, 'mysql');
  const log = service.logs[0]!;
  assert.ok(log.kind === 'command');
  assert.equal(log.command, 'tail -F ${LOG_FILE}');
  assert.deepEqual(log.env, { LOG_FILE: '/var/log/x; touch m' });
  assert.deepEqual(service.actions.restart?.targets[0]?.env, { UNIT: null });
  assert.ok(config.secrets.includes('line1\nline2'), 'a variable named like a password is a secret');
  assert.ok(!config.secrets.includes('mysql'));
});
