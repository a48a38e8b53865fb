// The example config is the contract: every key in it loads with the meaning written beside it.
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/load.js';
import type { CheckConfig, WarroomConfig } from '../../src/config/types.js';

const fixtureDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'config');
const examplePath = join(fixtureDir, 'example.yaml');

async function loadExample(env: NodeJS.ProcessEnv = {}): Promise<WarroomConfig> {
  return loadConfig(examplePath, env);
}

function service(config: WarroomConfig, name: string) {
  const found = config.services.find((s) => s.name === name);
  assert.ok(found, `service ${name} is loaded`);
  return found;
}

function only<K extends CheckConfig['kind']>(check: CheckConfig | undefined, kind: K): Extract<CheckConfig, { kind: K }> {
  assert.ok(check, 'check exists');
  assert.equal(check.kind, kind);
  return check as Extract<CheckConfig, { kind: K }>;
}

test('example: file, folder and incident block', async () => {
  const config = await loadExample();
  assert.equal(config.file, examplePath);
  assert.equal(config.baseDir, fixtureDir);
  assert.equal(config.incident.title, 'Checkout API returning 5xx');
  assert.equal(config.incident.severity, 'P2');
  assert.equal(config.incident.runbook, join(fixtureDir, 'runbooks', 'checkout-outage.md'));
  assert.equal(config.incident.runbooksDir, join(fixtureDir, 'runbooks'));
  assert.deepEqual(config.incident.responseTargets, {
    P0: 15 * 60_000, P1: 15 * 60_000, P2: 3_600_000, P3: 4 * 3_600_000, P4: 24 * 3_600_000,
  });
});

test('example: hosts with defaults and ~ expanded', async () => {
  const { hosts } = await loadExample();
  assert.deepEqual(hosts['app-1'], {
    name: 'app-1', address: '127.0.0.1', port: 2222, user: 'deploy',
    identityFile: join(homedir(), '.ssh', 'id_ed25519'), insecureAcceptNewHostKey: false,
  });
  assert.deepEqual(hosts['app-2'], { name: 'app-2', address: '127.0.0.1', port: 2223, user: 'deploy', insecureAcceptNewHostKey: false });
});

test('example: checkout-api checks, logs and actions', async () => {
  const api = service(await loadExample(), 'checkout-api');
  const http = only(api.checks[0], 'http');
  assert.equal(http.id, 'checkout-api#0');
  assert.equal(http.url, 'http://127.0.0.1:8000/health');
  assert.equal(http.expectStatus, 200);
  assert.deepEqual(http.expectJson, { status: 'healthy' });
  assert.equal(http.intervalMs, 5000);
  assert.equal(http.timeoutMs, 2000);
  assert.equal(http.downAfter, 2);
  assert.equal(http.upAfter, 1);
  assert.equal(http.followRedirects, false);
  assert.equal(http.label, ':8000/health');
  assert.deepEqual({ line: http.pos.line, col: http.pos.col }, { line: 26, col: 9 });
  const tcp = only(api.checks[1], 'tcp');
  assert.deepEqual([tcp.id, tcp.host, tcp.port, tcp.label], ['checkout-api#1', '127.0.0.1', 5432, 'postgres']);
  assert.equal(api.checks.length, 2);

  const [file, journal] = api.logs;
  assert.ok(file?.kind === 'file');
  assert.deepEqual([file.path, file.tag, file.lines, file.host], ['/var/log/checkout/app.log', 'checkout-api:app.log', 100, undefined]);
  assert.ok(journal?.kind === 'command');
  assert.deepEqual([journal.command, journal.host, journal.tag], ['journalctl -fu checkout-api -n 50', 'app-1', 'checkout-api:journalctl']);

  const restart = api.actions.restart;
  assert.ok(restart);
  assert.deepEqual(restart.targets, [{ host: 'app-1', run: 'systemctl restart checkout-api' }]);
  assert.deepEqual([restart.timeoutMs, restart.confirm, restart.rolling], [60_000, 'yes', false]);
  const rollback = api.actions.rollback;
  assert.ok(rollback);
  assert.deepEqual(rollback.targets, [{ run: './deploy.sh rollback checkout-api' }]);
  assert.equal(rollback.confirm, 'typed');
});

test('example: payments-worker command check over SSH and header from an env default', async () => {
  const worker = service(await loadExample(), 'payments-worker');
  const cmd = only(worker.checks[0], 'command');
  assert.deepEqual([cmd.command, cmd.host], ['systemctl is-active payments-worker', 'app-2']);
  const http = only(worker.checks[1], 'http');
  assert.deepEqual(http.headers, { 'X-API-Key': 'dev-key' });
  assert.equal(http.expectStatus, undefined, 'no status means any 2xx');
  assert.deepEqual(worker.logs.map((l) => l.kind === 'command' && l.command), ['docker compose logs -f --tail=100 payments-worker']);
  assert.deepEqual(worker.actions.restart?.targets, [{ run: 'docker compose restart payments-worker' }]);
});

test('example: gateway instances expand checks, logs and rolling restart targets', async () => {
  const gateway = service(await loadExample(), 'gateway');
  assert.deepEqual(gateway.instances, ['app-1', 'app-2']);
  assert.deepEqual(
    gateway.checks.map((c) => [c.id, c.instance, c.kind === 'http' && c.url]),
    [
      ['gateway/app-1#0', 'app-1', 'http://127.0.0.1:8080/health'],
      ['gateway/app-2#0', 'app-2', 'http://127.0.0.1:8080/health'],
    ],
  );
  assert.deepEqual(
    gateway.logs.map((l) => [l.tag, l.instance, l.host, l.kind === 'file' && l.path]),
    [
      ['gateway/app-1', 'app-1', 'app-1', '/var/log/gateway/access.log'],
      ['gateway/app-2', 'app-2', 'app-2', '/var/log/gateway/access.log'],
    ],
  );
  const restart = gateway.actions.restart;
  assert.ok(restart);
  assert.equal(restart.rolling, true);
  assert.deepEqual(restart.targets, [
    { instance: 'app-1', host: 'app-1', run: 'sudo systemctl restart gateway' },
    { instance: 'app-2', host: 'app-2', run: 'sudo systemctl restart gateway' },
  ]);
});

test('example: edge-mcp ports 8000-8009,5700 give 11 rows with {port} filled', async () => {
  const edge = service(await loadExample(), 'edge-mcp');
  assert.equal(edge.checks.length, 11);
  const ports = [8000, 8001, 8002, 8003, 8004, 8005, 8006, 8007, 8008, 8009, 5700];
  assert.deepEqual(edge.checks.map((c) => c.port), ports);
  assert.deepEqual(edge.checks.map((c) => c.id), ports.map((p) => `edge-mcp#0:${p}`));
  assert.deepEqual(edge.checks.map((c) => c.kind === 'http' && c.url), ports.map((p) => `http://127.0.0.1:${p}/health`));
  assert.deepEqual(edge.checks.map((c) => c.label), ports.map((p) => `:${p}/health`));
});

test('example: fleet promql check and every check id unique', async () => {
  const config = await loadExample();
  const fleet = only(service(config, 'fleet').checks[0], 'promql');
  assert.deepEqual([fleet.id, fleet.query], ['fleet#0', 'probe_success{job="blackbox"}']);
  const dns = only(service(config, 'fleet').checks[1], 'dns');
  assert.deepEqual([dns.id, dns.target, dns.label, dns.options], ['fleet#1', 'checkout.internal', 'checkout.internal', { answer: '10.0.0.5' }]);
  const ids = config.services.flatMap((s) => s.checks.map((c) => c.id));
  assert.equal(ids.length, 2 + 2 + 2 + 11 + 1 + 1);
  assert.equal(new Set(ids).size, ids.length);
});

test('example: metrics block', async () => {
  const { metrics } = await loadExample();
  assert.ok(metrics);
  assert.deepEqual(metrics.prometheus, { url: 'http://127.0.0.1:9090', headers: {} });
  assert.equal(metrics.rangeMs, 30 * 60_000);
  assert.equal(metrics.stepMs, 15_000);
  const [ratio, latency, queue] = metrics.panels;
  assert.ok(ratio && latency && queue);
  assert.equal(metrics.panels.length, 3);
  assert.deepEqual([ratio.title, ratio.unit, ratio.warn, ratio.crit, ratio.below, ratio.scrape], ['5xx ratio', 'percent', 0.01, 0.05, false, undefined]);
  assert.match(ratio.query ?? '', /^sum\(rate\(http_requests_total\{status=~"5\.\."\}\[5m\]\)\)/);
  assert.deepEqual([latency.title, latency.unit, latency.warn, latency.crit], ['p95 latency', 'seconds', undefined, 2]);
  assert.deepEqual(
    [queue.title, queue.scrape, queue.metric, queue.labels, queue.crit, queue.unit, queue.query],
    ['queue depth', 'http://127.0.0.1:8001/metrics', 'queue_size', { queue: 'payments' }, 1000, 'count', undefined],
  );
});

test('example: escalation drops channels whose secret is empty', async () => {
  const { escalation } = await loadExample();
  assert.ok(escalation);
  assert.equal(escalation.auto, false);
  assert.deepEqual(escalation.policy, [
    { afterMs: 0, notify: 'oncall' },
    { afterMs: 15 * 60_000, notify: 'tech-lead' },
    { afterMs: 30 * 60_000, notify: 'eng-manager' },
  ]);
  assert.deepEqual(escalation.contacts.oncall, { name: 'oncall' });
  assert.deepEqual(escalation.contacts['tech-lead'], { name: 'tech-lead' });
  assert.deepEqual(escalation.contacts['eng-manager'], {
    name: 'eng-manager', webhook: { url: 'http://127.0.0.1:9999/page', headers: { 'X-Team': 'checkout' } },
  });
});

test('example: env fills pagerduty, slack and the API key, and all are secrets', async () => {
  const config = await loadExample({
    PD_ROUTING_KEY: 'R0UT1NGKEY', SLACK_WEBHOOK_URL: 'https://hooks.slack.test/T0/B0/xyz', PAYMENTS_API_KEY: 'k-live-123',
  });
  const contacts = config.escalation?.contacts;
  assert.deepEqual(contacts?.oncall?.pagerduty, { routingKey: 'R0UT1NGKEY' });
  assert.deepEqual(contacts?.['tech-lead']?.slack, { webhook: 'https://hooks.slack.test/T0/B0/xyz', mention: '@tech-lead' });
  const http = only(service(config, 'payments-worker').checks[1], 'http');
  assert.deepEqual(http.headers, { 'X-API-Key': 'k-live-123' });
  for (const secret of ['R0UT1NGKEY', 'https://hooks.slack.test/T0/B0/xyz', 'k-live-123']) {
    assert.ok(config.secrets.includes(secret), `${secret} is collected as a secret`);
  }
  // A routing header (X-Team: checkout) is not a credential: redacting it would blank "checkout" everywhere.
  assert.ok(!config.secrets.includes('checkout'));
});

test('example: timeline and log settings', async () => {
  const config = await loadExample();
  assert.deepEqual(config.timeline, { dir: join(fixtureDir, '.warroom', 'incidents'), redact: ['X-API-Key: \\S+'] });
  assert.deepEqual(config.logs, { buffer: 10_000, errorRateNote: 30 });
});

test('example: alerts from Alertmanager for one team, and Grafana annotations with the token as a secret', async () => {
  const config = await loadExample({ GRAFANA_TOKEN: 'glsa_example0token' });
  assert.equal(config.alerts?.source, 'alertmanager');
  assert.equal(config.alerts?.url, 'http://127.0.0.1:9093');
  assert.deepEqual(config.alerts?.matchers, [{ name: 'team', value: 'checkout', isRegex: false, isEqual: true }]);
  assert.equal(config.alerts?.intervalMs, 15_000);
  assert.equal(config.alerts?.silenceMs, 3_600_000);
  assert.equal(config.grafana?.url, 'http://127.0.0.1:3000');
  assert.equal(config.grafana?.token, 'glsa_example0token');
  assert.deepEqual(config.grafana?.annotate, ['action', 'state', 'severity', 'milestone']);
  assert.ok(config.secrets.includes('glsa_example0token'));
  // Unset, the token is empty: annotations are off, and the file still loads.
  assert.equal((await loadExample()).grafana?.token, '');
});

test('example: the fixture is the documented contract, byte for byte (docs/warroom.example.yaml)', () => {
  const documented = join(fixtureDir, '..', '..', '..', 'docs', 'warroom.example.yaml');
  assert.equal(readFileSync(examplePath, 'utf8'), readFileSync(documented, 'utf8'));
});

test('example: share: one server, the default stream, an unset token counts as none', async () => {
  const config = await loadExample();
  assert.deepEqual(config.share, { servers: ['nats://127.0.0.1:4222'], stream: 'WARROOM' });
  const withToken = await loadExample({ NATS_TOKEN: 's3cret-nats-token' });
  assert.equal(withToken.share?.token, 's3cret-nats-token');
  assert.ok(withToken.secrets.includes('s3cret-nats-token'), 'the NATS token is a secret');
});
