// Keys beyond the example (documented in types.ts), defaults, and finding the file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, findConfigPath, loadConfig, loadConfigText } from '../../src/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a minimal file gets every default', () => {
  const config = loadConfigText('services:\n  - name: api\n    checks:\n      - tcp: localhost:6379\n', join(dir, 'warroom.yaml'), {});
  assert.deepEqual(config.incident, {
    title: 'Incident', severity: 'P2',
    responseTargets: { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 },
  });
  assert.deepEqual(config.hosts, {});
  assert.equal(config.metrics, undefined);
  assert.equal(config.escalation, undefined);
  assert.deepEqual(config.timeline, { dir: join(dir, '.warroom', 'incidents'), redact: [] });
  assert.deepEqual(config.logs, { buffer: 10_000, errorRateNote: 30 });
  assert.deepEqual(config.secrets, []);
  const check = config.services[0]?.checks[0];
  assert.ok(check?.kind === 'tcp');
  assert.deepEqual([check.id, check.label, check.host, check.port, check.intervalMs, check.timeoutMs, check.downAfter, check.upAfter],
    ['api#0', 'localhost:6379', 'localhost', 6379, 5000, 2000, 2, 1]);
});

test('extra check, host and log keys', () => {
  const yaml = `
hosts:
  lab-1: { address: 10.0.0.5, insecureAcceptNewHostKey: true }
  bare:
services:
  - name: web
    instances: [lab-1, far-away]
    checks:
      - http: https://{address}:{port}/ready
        ports: "9000-9001"
        label: "{host} ready on {port}"
        downAfter: 3
        upAfter: 2
        followRedirects: true
        interval: 1h
        timeout: 500ms
      - command: test -f /run/web.pid
        host: "{host}"
    logs:
      - file: logs/web.log
        tag: web-{host}
        lines: 20
      - file: ~/web/remote.log
        host: "{host}"
`;
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  assert.deepEqual(config.hosts['lab-1'], { name: 'lab-1', address: '10.0.0.5', port: 22, insecureAcceptNewHostKey: true });
  assert.deepEqual(config.hosts.bare, { name: 'bare', address: 'bare', port: 22, insecureAcceptNewHostKey: false });
  const web = config.services[0]!;
  assert.deepEqual(
    web.checks.map((c) => [c.id, c.instance, c.port, c.label, c.kind === 'http' ? c.url : c.kind === 'command' ? c.host : '']),
    [
      ['web/lab-1#0:9000', 'lab-1', 9000, 'lab-1 ready on 9000', 'https://10.0.0.5:9000/ready'],
      ['web/lab-1#0:9001', 'lab-1', 9001, 'lab-1 ready on 9001', 'https://10.0.0.5:9001/ready'],
      ['web/far-away#0:9000', 'far-away', 9000, 'far-away ready on 9000', 'https://far-away:9000/ready'],
      ['web/far-away#0:9001', 'far-away', 9001, 'far-away ready on 9001', 'https://far-away:9001/ready'],
      ['web/lab-1#1', 'lab-1', undefined, 'test -f /run/web.pid', 'lab-1'],
      ['web/far-away#1', 'far-away', undefined, 'test -f /run/web.pid', 'far-away'],
    ],
  );
  const http = web.checks[0];
  assert.ok(http?.kind === 'http');
  assert.deepEqual([http.downAfter, http.upAfter, http.followRedirects, http.intervalMs, http.timeoutMs], [3, 2, true, 3_600_000, 500]);
  assert.deepEqual(
    web.logs.map((l) => [l.tag, l.host, l.kind === 'file' && l.path, l.kind === 'file' && l.lines]),
    [
      ['web-lab-1', undefined, join(dir, 'logs', 'web.log'), 20],
      ['web-far-away', undefined, join(dir, 'logs', 'web.log'), 20],
      ['web/lab-1', 'lab-1', '~/web/remote.log', 100],
      ['web/far-away', 'far-away', '~/web/remote.log', 100],
    ],
  );
});

test('empty blocks and lists mean none', () => {
  const yaml = 'incident:\nhosts:\nservices:\n  - name: api\n    checks:\n    logs:\n    actions:\nmetrics:\n  panels:\nescalation:\n  policy:\ntimeline:\nlogs:\n';
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  assert.deepEqual(config.services.map((s) => [s.name, s.checks, s.logs, s.actions]), [['api', [], [], {}]]);
  assert.deepEqual(config.metrics?.panels, []);
  assert.deepEqual(config.escalation?.policy, []);
  assert.equal(config.incident.severity, 'P2');
});

test('a local log path starting with ~ is the home folder', () => {
  const config = loadConfigText('services:\n  - name: a\n    logs:\n      - file: ~/app.log\n', join(dir, 'w.yaml'), {});
  const log = config.services[0]?.logs[0];
  assert.ok(log?.kind === 'file');
  assert.equal(log.path, join(homedir(), 'app.log'));
});

test('extra incident, metrics, escalation and logs keys', () => {
  const yaml = `
incident:
  severity: SEV-1
  runbooksDir: books
  responseTargets: { SEV-0: 5m, P3: 2h }
metrics:
  prometheus:
    url: https://reader:s3cret-pass@prom.example.test
    headers: { X-Scope-OrgID: tenant-7 }
    bearerToken: tok-abc
    basicAuth: { username: u, password: basic-pw }
  range: 1h
  step: 30s
  panels:
    - title: free disk
      query: node_filesystem_avail_bytes
      unit: bytes
      warn: 1000000
      below: true
      legend: instance
    - title: latency p99
      scrape: http://127.0.0.1:9100/metrics
      metric: http_request_duration_seconds
      quantile: 0.99
      unit: seconds
escalation:
  auto: true
  policy: [{ after: 0, notify: lead }]
  contacts:
    lead:
      webhook: { url: "https://hooks.example.test/p", headers: { Authorization: Bearer xyz } }
logs:
  buffer: 50000
  errorRateNote: 5
`;
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  assert.equal(config.incident.severity, 'P1');
  assert.equal(config.incident.runbooksDir, join(dir, 'books'));
  assert.equal(config.incident.responseTargets.P0, 300_000);
  assert.equal(config.incident.responseTargets.P3, 7_200_000);
  assert.equal(config.incident.responseTargets.P2, 3_600_000);
  const metrics = config.metrics!;
  assert.deepEqual(metrics.prometheus, {
    url: 'https://reader:s3cret-pass@prom.example.test', headers: { 'X-Scope-OrgID': 'tenant-7' },
    bearerToken: 'tok-abc', basicAuth: { username: 'u', password: 'basic-pw' },
  });
  assert.deepEqual([metrics.rangeMs, metrics.stepMs], [3_600_000, 30_000]);
  const [disk, p99] = metrics.panels;
  assert.deepEqual([disk?.below, disk?.legend, disk?.unit, disk?.warn], [true, 'instance', 'bytes', 1_000_000]);
  assert.deepEqual([p99?.quantile, p99?.metric, p99?.below], [0.99, 'http_request_duration_seconds', false]);
  assert.equal(config.escalation?.auto, true);
  assert.deepEqual(config.escalation?.policy, [{ afterMs: 0, notify: 'lead' }]);
  assert.deepEqual(config.logs, { buffer: 50_000, errorRateNote: 5 });
  assert.deepEqual(new Set(config.secrets), new Set(['s3cret-pass', 'tok-abc', 'basic-pw', 'Bearer xyz']));
});

test('findConfigPath prefers --config, else warroom.yaml in cwd, and a missing file is a ConfigError', () => {
  assert.throws(() => findConfigPath(dir), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.match(err.format(), /warroom\.yaml: no such config file \(create one, or pass --config FILE/);
    return true;
  });
  writeFileSync(join(dir, 'warroom.yaml'), 'services: []\n');
  writeFileSync(join(dir, 'other.yaml'), 'services: []\n');
  assert.equal(findConfigPath(dir), join(dir, 'warroom.yaml'));
  assert.equal(findConfigPath(dir, 'other.yaml'), join(dir, 'other.yaml'));
  assert.throws(() => findConfigPath(dir, 'nope.yaml'), ConfigError);
});

test('loadConfig reads the file and reports a missing one plainly', async () => {
  const path = join(dir, 'load.yaml');
  writeFileSync(path, 'incident:\n  title: From disk\n');
  const config = await loadConfig(path, {});
  assert.equal(config.incident.title, 'From disk');
  assert.equal(config.file, path);
  await assert.rejects(loadConfig(join(dir, 'missing.yaml'), {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.line, 0);
    assert.match(err.format(), /missing\.yaml: no such config file$/);
    return true;
  });
});

test('ConfigError.format shows paths below the working directory relative to it', () => {
  const path = join(process.cwd(), 'sub', 'warroom.yaml');
  assert.throws(() => loadConfigText('incident:\n  severity: P9\n', path, {}), (err: unknown) => {
    assert.ok(err instanceof ConfigError);
    assert.equal(err.format(), `${join('sub', 'warroom.yaml')}:2:13: incident.severity: expected a severity P0..P4 (or SEV-0..SEV-4), got "P9"`);
    assert.equal(err.file, path);
    return true;
  });
});

test('a service\'s sources with default tags are told apart; written tags are kept as written', () => {
  const yaml = `
services:
  - name: api
    logs:
      - file: /var/log/api/app.log
      - command: sudo LC_ALL=C /usr/bin/journalctl -fu api
      - journal: api
      - file: /srv/other/app.log
      - file: /var/log/api/access.log
        tag: api
  - name: worker
    logs:
      - file: /var/log/worker.log
`;
  const config = loadConfigText(yaml, join(dir, 'warroom.yaml'), {});
  assert.deepEqual(config.services[0]!.logs.map((l) => l.tag), ['api:app.log#1', 'api:journalctl', 'api:journal', 'api:app.log#2', 'api']);
  // One source: its service's name, as before.
  assert.deepEqual(config.services[1]!.logs.map((l) => l.tag), ['worker']);
});
