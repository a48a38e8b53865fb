// Broken configs, one per row: each must fail with a short message at the exact line:col of the
// offending text, so a user can jump straight to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfigText } from '../../src/config/load.js';

interface Case {
  name: string;
  yaml: string;
  /** `line:col` of the first problem. */
  at: string;
  keyPath: string;
  /** A fragment the first problem's message must contain. */
  says: string;
  env?: Record<string, string>;
}

const svc = (body: string) => `services:\n  - name: api\n${body}`;

const cases: Case[] = [
  { name: 'bad YAML syntax', yaml: 'services:\n  - name: api\n    checks: [ { http: x }\n', at: '4:1', keyPath: '', says: 'YAML syntax' },
  { name: 'tab indentation', yaml: 'services:\n\t- name: api\n', at: '2:1', keyPath: '', says: 'tab used for indentation' },
  { name: 'unquoted ${VAR} in a flow map', yaml: svc('    checks:\n      - http: http://127.0.0.1/\n        headers: { X-Key: ${KEY} }\n'), at: '5:28', keyPath: '', says: 'quote values holding ${VAR}' },
  { name: 'duplicate keys', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        interval: 5s\n        interval: 10s\n'), at: '6:9', keyPath: '', says: 'duplicate key `interval`' },
  { name: 'empty file', yaml: '# nothing here yet\n', at: '1:1', keyPath: '', says: 'the config file is empty' },
  { name: 'top level is a list', yaml: '- name: api\n', at: '1:1', keyPath: '', says: 'expected a mapping of keys' },
  { name: 'services is a mapping', yaml: 'services:\n  name: api\n', at: '2:3', keyPath: 'services', says: 'expected a list, got a mapping' },
  { name: 'host port is text', yaml: 'hosts:\n  app-1:\n    port: twenty\n', at: '3:11', keyPath: 'hosts.app-1.port', says: 'expected a number, got "twenty"' },
  { name: 'service without a name', yaml: 'services:\n  - checks: []\n', at: '2:5', keyPath: 'services[0].name', says: 'missing required key `name`' },
  { name: 'unknown key with a suggestion', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        intervl: 5s\n'), at: '5:9', keyPath: 'services[0].checks[0].intervl', says: 'unknown key; did you mean `interval`?' },
  { name: 'a check key at the service level', yaml: svc('    interval: 5s\n'), at: '3:5', keyPath: 'services[0].interval', says: 'unknown key here; `interval` belongs in a check (services[].checks[])' },
  { name: 'unknown top-level key', yaml: 'servces:\n  - name: api\n', at: '1:1', keyPath: 'servces', says: 'did you mean `services`?' },
  { name: 'bad duration', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        interval: 5 seconds\n'), at: '5:19', keyPath: 'services[0].checks[0].interval', says: 'expected a duration like 5s or 15m, got "5 seconds"' },
  { name: 'negative interval', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        interval: -5s\n'), at: '5:19', keyPath: 'services[0].checks[0].interval', says: 'expected a positive duration, got "-5s"' },
  { name: 'duration without a unit', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        timeout: 5\n'), at: '5:18', keyPath: 'services[0].checks[0].timeout', says: 'got 5 (add a unit)' },
  { name: 'unset variable', yaml: svc('    checks:\n      - http: http://${API_HOST}:8000/health\n'), at: '4:22', keyPath: 'services[0].checks[0].http', says: 'environment variable API_HOST is not set' },
  { name: 'malformed variable', yaml: svc('    actions:\n      restart:\n        run: echo ${1BAD}\n'), at: '5:19', keyPath: 'services[0].actions.restart.run', says: 'bad variable reference `${1BAD}`' },
  { name: 'duplicate service names', yaml: 'services:\n  - name: api\n  - name: web\n  - name: api\n', at: '4:11', keyPath: 'services[2].name', says: 'duplicate service name `api` (first defined on line 2)' },
  { name: 'bad service name', yaml: 'services:\n  - name: my api\n', at: '2:11', keyPath: 'services[0].name', says: 'expected a name of letters' },
  { name: 'a check with two kinds', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        tcp: 127.0.0.1:5432\n'), at: '5:9', keyPath: 'services[0].checks[0].tcp', says: 'both http: and tcp:' },
  { name: 'a check with no kind', yaml: svc('    checks:\n      - interval: 5s\n'), at: '4:9', keyPath: 'services[0].checks[0]', says: 'a check needs one of http:, tcp:, command:, promql: or dns:' },
  { name: 'a misspelt kind', yaml: svc('    checks:\n      - htp: http://127.0.0.1:1/\n'), at: '4:9', keyPath: 'services[0].checks[0].htp', says: 'unknown key; did you mean `http`?' },
  { name: 'expect on a tcp check', yaml: svc('    checks:\n      - tcp: 127.0.0.1:5432\n        expect: { status: 200 }\n'), at: '5:9', keyPath: 'services[0].checks[0].expect', says: 'applies to http and dns checks only' },
  { name: 'tcp target without a port', yaml: svc('    checks:\n      - tcp: db.internal\n'), at: '4:14', keyPath: 'services[0].checks[0].tcp', says: 'expected host:port' },
  { name: 'bad port range', yaml: svc('    checks:\n      - http: http://127.0.0.1:{port}/\n        ports: "8010-8000"\n'), at: '5:16', keyPath: 'services[0].checks[0].ports', says: 'range 8010-8000 runs backwards' },
  { name: 'port out of range', yaml: svc('    checks:\n      - tcp: 127.0.0.1:{port}\n        ports: "5432,70000"\n'), at: '5:16', keyPath: 'services[0].checks[0].ports', says: 'port 70000 is out of range' },
  { name: 'too many ports', yaml: svc('    checks:\n      - tcp: 127.0.0.1:{port}\n        ports: "1-20000"\n'), at: '5:16', keyPath: 'services[0].checks[0].ports', says: 'more than 10000 rows' },
  { name: 'ports without {port}', yaml: svc('    checks:\n      - http: http://127.0.0.1:8000/\n        ports: "8000-8001"\n'), at: '5:9', keyPath: 'services[0].checks[0].ports', says: 'needs {port}' },
  { name: '{port} without ports', yaml: svc('    checks:\n      - http: http://127.0.0.1:{port}/health\n'), at: '4:15', keyPath: 'services[0].checks[0].http', says: 'this check has no ports:' },
  { name: 'bad severity', yaml: 'incident:\n  severity: P7\n', at: '2:13', keyPath: 'incident.severity', says: 'expected a severity P0..P4 (or SEV-0..SEV-4), got "P7"' },
  { name: 'bad severity in response targets', yaml: 'incident:\n  responseTargets: { P1: 15m, P9: 1h }\n', at: '2:31', keyPath: 'incident.responseTargets.P9', says: 'expected a severity' },
  { name: 'bad URL', yaml: svc('    checks:\n      - http: localhost:8000/health\n'), at: '4:15', keyPath: 'services[0].checks[0].http', says: 'expected an http:// or https:// URL' },
  { name: 'not a URL at all', yaml: 'metrics:\n  prometheus: not a url\n', at: '2:15', keyPath: 'metrics.prometheus.url', says: 'expected a URL like http://host:port/path' },
  { name: 'panel with both query and scrape', yaml: 'metrics:\n  prometheus: http://127.0.0.1:9090\n  panels:\n    - title: x\n      query: up\n      scrape: http://127.0.0.1:1/metrics\n      metric: m\n', at: '6:7', keyPath: 'metrics.panels[0].scrape', says: 'either query: or scrape:, not both' },
  { name: 'panel with neither query nor scrape', yaml: 'metrics:\n  panels:\n    - title: x\n      unit: percent\n', at: '3:7', keyPath: 'metrics.panels[0]', says: 'a panel needs query:' },
  { name: 'scrape without metric', yaml: 'metrics:\n  panels:\n    - title: x\n      scrape: http://127.0.0.1:1/metrics\n', at: '4:7', keyPath: 'metrics.panels[0].scrape', says: 'needs metric:' },
  { name: 'query panel without prometheus', yaml: 'metrics:\n  panels:\n    - title: x\n      query: up\n', at: '4:7', keyPath: 'metrics.panels[0].query', says: 'need metrics.prometheus' },
  { name: 'bad unit', yaml: 'metrics:\n  panels:\n    - title: x\n      scrape: http://127.0.0.1:1/metrics\n      metric: m\n      unit: ms\n', at: '6:13', keyPath: 'metrics.panels[0].unit', says: 'expected one of percent, seconds, bytes, count, got "ms"' },
  { name: 'promql check without prometheus', yaml: svc('    checks:\n      - promql: up\n'), at: '4:9', keyPath: 'services[0].checks[0].promql', says: 'need metrics.prometheus' },
  { name: 'unknown contact in the escalation policy', yaml: 'escalation:\n  policy:\n    - after: 0m\n      notify: tech-laed\n  contacts:\n    tech-lead:\n      slack: { webhook: "" }\n', at: '4:15', keyPath: 'escalation.policy[0].notify', says: 'unknown contact `tech-laed`; did you mean `tech-lead`?' },
  { name: 'policy out of order', yaml: 'escalation:\n  policy:\n    - { after: 15m, notify: a }\n    - { after: 5m, notify: a }\n  contacts:\n    a: {}\n', at: '4:16', keyPath: 'escalation.policy[1].after', says: 'in order of after:' },
  { name: 'bad slack webhook', yaml: 'escalation:\n  contacts:\n    lead:\n      slack: { webhook: "hooks.slack.com/x" }\n', at: '4:25', keyPath: 'escalation.contacts.lead.slack.webhook', says: 'expected a URL' },
  { name: 'bad confirm value', yaml: svc('    actions:\n      restart:\n        run: systemctl restart api\n        confirm: maybe\n'), at: '6:18', keyPath: 'services[0].actions.restart.confirm', says: 'expected one of yes, typed, none, got "maybe"' },
  { name: 'action without run', yaml: svc('    actions:\n      restart:\n        host: app-1\n'), at: '4:7', keyPath: 'services[0].actions.restart.run', says: 'missing required key `run`' },
  { name: 'rolling without instances', yaml: svc('    actions:\n      restart:\n        run: systemctl restart api\n        rolling: true\n'), at: '6:9', keyPath: 'services[0].actions.restart.rolling', says: 'this service has no instances:' },
  { name: 'instances naming nothing', yaml: svc('    instances: []\n'), at: '3:16', keyPath: 'services[0].instances', says: 'must have at least 1 entry' },
  { name: 'instance listed twice', yaml: svc('    instances: [app-1, app-1]\n'), at: '3:24', keyPath: 'services[0].instances[1]', says: 'listed twice' },
  { name: '{host} without instances', yaml: svc('    logs:\n      - file: /var/log/api.log\n        host: "{host}"\n'), at: '5:15', keyPath: 'services[0].logs[0].host', says: '{host} is filled per instance' },
  { name: 'unusable host name in an action', yaml: svc('    actions:\n      restart:\n        run: systemctl restart api\n        host: app 1\n'), at: '6:15', keyPath: 'services[0].actions.restart.host', says: 'expected a host name from hosts:' },
  { name: 'host on an http check', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        host: app-1\n'), at: '5:9', keyPath: 'services[0].checks[0].host', says: 'applies to command checks only' },
  { name: 'log source with file and command', yaml: svc('    logs:\n      - file: /var/log/a.log\n        command: tail -f x\n'), at: '5:9', keyPath: 'services[0].logs[0].command', says: 'either file: or command:, not both' },
  { name: 'bad redact pattern', yaml: 'timeline:\n  redact:\n    - "token=(\\\\S+"\n', at: '3:7', keyPath: 'timeline.redact[0]', says: 'not a valid pattern (missing closing )' },
  { name: 'bad HTTP status', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        expect: { status: 2000 }\n'), at: '5:27', keyPath: 'services[0].checks[0].expect.status', says: 'expected an HTTP status 100-599' },
  { name: 'instances is not a list', yaml: svc('    instances: app-1\n'), at: '3:16', keyPath: 'services[0].instances', says: 'expected a list, got "app-1"' },
  { name: 'bad host name in hosts:', yaml: 'hosts:\n  "app 1": { address: 10.0.0.1 }\n', at: '2:3', keyPath: 'hosts["app 1"]', says: 'expected a host name' },
  { name: 'unusable host on a command check', yaml: svc('    checks:\n      - command: uptime\n        host: "a;b"\n'), at: '5:15', keyPath: 'services[0].checks[0].host', says: 'expected a host name from hosts:' },
  { name: 'ports times instances too many', yaml: svc('    instances: [a, b]\n    checks:\n      - tcp: "{address}:{port}"\n        ports: "1-6000"\n'), at: '6:16', keyPath: 'services[0].checks[0].ports', says: 'more than 10000 rows across 2 instances' },
  { name: 'header value is a list', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        headers: { X-Key: [a] }\n'), at: '5:27', keyPath: 'services[0].checks[0].headers.X-Key', says: 'got a list' },
  { name: 'downAfter zero', yaml: svc('    checks:\n      - http: http://127.0.0.1:1/\n        downAfter: 0\n'), at: '5:20', keyPath: 'services[0].checks[0].downAfter', says: 'must be at least 1' },
];

for (const c of cases) {
  test(`broken config: ${c.name}`, () => {
    let caught: unknown;
    try {
      loadConfigText(c.yaml, 'warroom.yaml', c.env ?? {});
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof ConfigError, `expected a ConfigError, got ${String(caught)}`);
    const first = caught.format().split('\n')[0]!;
    assert.equal(`${caught.line}:${caught.col}`, c.at, first);
    assert.equal(caught.keyPath, c.keyPath, first);
    assert.ok(caught.message.includes(c.says), `"${caught.message}" should say "${c.says}"`);
    const prefix = c.keyPath ? `warroom.yaml:${c.at}: ${c.keyPath}: ` : `warroom.yaml:${c.at}: `;
    assert.ok(first.startsWith(prefix), first);
    assert.ok(!first.includes('\n') && first.length < 200, 'messages stay one short line');
  });
}

test('broken configs cover at least 22 distinct cases', () => {
  assert.ok(new Set(cases.map((c) => c.name)).size >= 22);
});

test('a misspelt kind is one problem, not two', () => {
  assert.throws(() => loadConfigText(svc('    checks:\n      - htp: http://127.0.0.1:1/\n'), 'warroom.yaml', {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.problems.length, 1);
    return true;
  });
});

test('every problem in a file is reported, sorted by line', () => {
  const yaml = svc('    checks:\n      - http: http://127.0.0.1:1/\n        interval: soon\n      - tcp: db\n        intervl: 5s\nincident:\n  severity: P9\n');
  assert.throws(
    () => loadConfigText(yaml, 'warroom.yaml', {}),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      const lines = err.format().split('\n');
      assert.deepEqual(lines.map((l) => l.split(': ')[0]), ['warroom.yaml:5:19', 'warroom.yaml:7:9', 'warroom.yaml:9:13']);
      assert.equal(err.problems.length, 3);
      return true;
    },
  );
});

test('every duplicate key is reported', () => {
  const yaml = 'incident:\n  title: a\n  title: b\nservices:\n  - name: api\n    name: web\n';
  assert.throws(() => loadConfigText(yaml, 'warroom.yaml', {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.deepEqual(err.format().split('\n'), ['warroom.yaml:3:3: duplicate key `title`', 'warroom.yaml:6:5: duplicate key `name`']);
    return true;
  });
});

test('a file with very many problems shows the first 30 and a count', () => {
  const yaml = `services:\n${Array.from({ length: 40 }, (_, i) => `  - name: s${i}\n    bogus: 1\n`).join('')}`;
  assert.throws(() => loadConfigText(yaml, 'warroom.yaml', {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.problems.length, 40);
    const lines = err.format().split('\n');
    assert.equal(lines.length, 31);
    assert.equal(lines[30], '... and 10 more');
    assert.equal(lines[0], 'warroom.yaml:3:5: services[0].bogus: unknown key');
    return true;
  });
});
