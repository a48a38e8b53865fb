// The alerts: and grafana: blocks: the contract's keys load with their meaning, defaults apply,
// the token is a secret, and every mistake is a located message (file:line:col, key path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfigText } from '../../src/config/load.js';
import { formatMatcher, parseMatchers } from '../../src/config/label-matchers.js';

test('alerts: alertmanager with matchers, defaults for interval and silence length', () => {
  const config = loadConfigText('alerts:\n  alertmanager: "http://127.0.0.1:9093"\n  matchers: [\'team="checkout"\', \'severity=~"critical|page"\']\n', 'w.yaml', {});
  assert.deepEqual(config.alerts, {
    source: 'alertmanager',
    url: 'http://127.0.0.1:9093',
    matchers: [
      { name: 'team', value: 'checkout', isRegex: false, isEqual: true },
      { name: 'severity', value: 'critical|page', isRegex: true, isEqual: true },
    ],
    intervalMs: 15_000,
    silenceMs: 3_600_000,
    pos: config.alerts!.pos,
  });
  assert.equal(config.alerts!.pos.line, 2);
});

test('alerts: prometheus as the source, interval and silenceFor written', () => {
  const config = loadConfigText('alerts:\n  prometheus: http://127.0.0.1:9090\n  interval: 5s\n  silenceFor: 30m\n', 'w.yaml', {});
  assert.equal(config.alerts!.source, 'prometheus');
  assert.equal(config.alerts!.intervalMs, 5000);
  assert.equal(config.alerts!.silenceMs, 1_800_000);
  assert.deepEqual(config.alerts!.matchers, []);
});

test('grafana: token is a secret, annotate defaults to actions, states, severity and milestones', () => {
  const config = loadConfigText('grafana:\n  url: https://grafana.example.test\n  token: ${GRAFANA_TOKEN}\n', 'w.yaml', { GRAFANA_TOKEN: 'glsa_s3cret0token' });
  assert.deepEqual(config.grafana, { url: 'https://grafana.example.test', token: 'glsa_s3cret0token', annotate: ['action', 'state', 'severity', 'milestone'], pos: config.grafana!.pos });
  assert.ok(config.secrets.includes('glsa_s3cret0token'));
  const off = loadConfigText('grafana:\n  url: https://grafana.example.test\n  token: "${GRAFANA_TOKEN:-}"\n  annotate: [note, alert, note]\n', 'w.yaml', {});
  assert.equal(off.grafana!.token, '');
  assert.deepEqual(off.grafana!.annotate, ['note', 'alert']);
});

interface Case {
  name: string;
  yaml: string;
  at: string;
  keyPath: string;
  says: string;
}

const cases: Case[] = [
  { name: 'no source', yaml: 'alerts:\n  matchers: [\'team="x"\']\n', at: '2:3', keyPath: 'alerts', says: 'alerts: needs alertmanager:' },
  { name: 'both sources', yaml: 'alerts:\n  alertmanager: http://127.0.0.1:9093\n  prometheus: http://127.0.0.1:9090\n', at: '3:3', keyPath: 'alerts.prometheus', says: 'either alertmanager: or prometheus:, not both' },
  { name: 'a matcher without an operator', yaml: 'alerts:\n  alertmanager: http://127.0.0.1:9093\n  matchers:\n    - team\n', at: '4:7', keyPath: 'alerts.matchers[0]', says: 'expected NAME="value"' },
  { name: 'a bad regex', yaml: 'alerts:\n  alertmanager: http://127.0.0.1:9093\n  matchers: [\'job=~"(api"\']\n', at: '3:14', keyPath: 'alerts.matchers[0]', says: 'not a valid regular expression for job' },
  { name: 'an unclosed quote', yaml: 'alerts:\n  alertmanager: http://127.0.0.1:9093\n  matchers: [\'job="api\']\n', at: '3:14', keyPath: 'alerts.matchers[0]', says: 'not closed' },
  { name: 'a bad URL', yaml: 'alerts:\n  alertmanager: alertmanager:9093\n', at: '2:17', keyPath: 'alerts.alertmanager', says: 'expected an http:// or https:// URL' },
  { name: 'a misspelt key', yaml: 'alerts:\n  alertmanager: http://127.0.0.1:9093\n  matcher: []\n', at: '3:3', keyPath: 'alerts.matcher', says: 'did you mean `matchers`?' },
  { name: 'a grafana kind that does not exist', yaml: 'grafana:\n  url: http://127.0.0.1:3000\n  annotate: [action, stat]\n', at: '3:22', keyPath: 'grafana.annotate[1]', says: 'expected one of action, state, severity, milestone' },
  { name: 'grafana without url', yaml: 'grafana:\n  token: x\n', at: '1:1', keyPath: 'grafana.url', says: 'missing required key `url`' },
];

for (const c of cases) {
  test(`broken alerting config: ${c.name}`, () => {
    assert.throws(
      () => loadConfigText(c.yaml, 'w.yaml', {}),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, String(error));
        assert.equal(`${error.line}:${error.col}`, c.at, error.format());
        assert.equal(error.keyPath, c.keyPath);
        assert.ok(error.message.includes(c.says), `"${error.message}" should say "${c.says}"`);
        return true;
      },
    );
  });
}

test('matchers: lists with or without braces, escapes, and written back the same', () => {
  const parsed = parseMatchers('{alertname="High\\"Rate", service!=checkout-api , instance=~"app-.*",env!~"dev|test"}');
  assert.ok(Array.isArray(parsed));
  assert.deepEqual(parsed, [
    { name: 'alertname', value: 'High"Rate', isRegex: false, isEqual: true },
    { name: 'service', value: 'checkout-api', isRegex: false, isEqual: false },
    { name: 'instance', value: 'app-.*', isRegex: true, isEqual: true },
    { name: 'env', value: 'dev|test', isRegex: true, isEqual: false },
  ]);
  assert.equal(parsed.map(formatMatcher).join(','), 'alertname="High\\"Rate",service!="checkout-api",instance=~"app-.*",env!~"dev|test"');
  assert.deepEqual(parseMatchers('a="b" c="d"'), { error: 'expected a comma before "c=\\"d\\""' });
  assert.deepEqual(parseMatchers(''), { error: 'expected at least one matcher such as alertname="HighErrorRate"' });
  assert.match((parseMatchers('1x="y"') as { error: string }).error, /not a label name/);
  assert.match((parseMatchers('{a="b"') as { error: string }).error, /closed by \}/);
});
