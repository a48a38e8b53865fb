import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemoEstate, type DemoEstate } from '../../src/demo/index.js';
import { waitFor } from '../helpers/wait-for.js';
import { sumSamples, tryConnect } from './estate-probes.js';

describe('a running demo estate (no scripted incident)', () => {
  let estate: DemoEstate;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
    estate = await startDemoEstate({ dir, scriptedIncident: false });
  });

  after(async () => {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('has three or more HTTP services on distinct ephemeral ports', () => {
    const ports = estate.info.services.map((s) => s.port);
    assert.ok(ports.length >= 3);
    assert.equal(new Set(ports).size, ports.length);
    for (const port of ports) assert.ok(port > 0);
    assert.deepEqual(new Set(Object.values(estate.phases())), new Set(['healthy']));
  });

  test('every service answers /health with a healthy JSON body', async () => {
    for (const service of estate.info.services) {
      const response = await fetch(`${service.url}/health`);
      assert.equal(response.status, 200, service.name);
      const body = (await response.json()) as { status: string; components: { name: string; status: string }[] };
      assert.equal(body.status, 'healthy');
      assert.ok(body.components.length > 0);
    }
  });

  test('every service serves prom-client metrics whose request counter moves', async () => {
    for (const service of estate.info.services) {
      const read = async (): Promise<string> => (await fetch(`${service.url}/metrics`)).text();
      const first = sumSamples(await read(), 'http_requests_total') ?? 0;
      const later = await waitFor(async () => {
        const total = sumSamples(await read(), 'http_requests_total') ?? 0;
        return total > first + 5 ? total : 0;
      }, { what: `${service.name} traffic`, timeoutMs: 30_000 });
      assert.ok(later > first);
      const page = await read();
      assert.ok(sumSamples(page, 'http_request_duration_seconds_count')! > 0);
      assert.notEqual(sumSamples(page, 'queue_size'), undefined);
      assert.match(page, /# TYPE http_request_duration_seconds histogram/);
    }
  });

  test('the TCP database accepts connections and greets', async () => {
    const banner = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: estate.info.database.host, port: estate.info.database.port });
      socket.setEncoding('utf8');
      socket.once('data', (data: string) => {
        socket.end('QUIT\n');
        resolve(data);
      });
      socket.once('error', reject);
    });
    assert.match(banner, /ready for connections/);
  });

  test('log files grow with mixed levels and formats', async () => {
    const file = estate.info.services[0]!.logFile;
    const before = (await stat(file)).size;
    await waitFor(async () => (await stat(file)).size > before + 500, { what: 'log growth', timeoutMs: 30_000 });
    const all = (await Promise.all(estate.info.services.map((s) => readFile(s.logFile, 'utf8')))).join('\n');
    assert.match(all, /\bINFO\b|"level":"info"|level=info/);
    assert.match(all, /^\{"time":/m);
    assert.match(all, /^time=\S+ level=/m);
    assert.match(all, /^\d{4}-\d\d-\d\dT\S+ (INFO|DEBUG|WARN|ERROR) /m);
  });

  test('the control endpoint restarts a healthy service on the same port', async () => {
    const catalog = estate.info.services.find((s) => s.name === 'catalog')!;
    const response = await fetch(`${estate.info.controlUrl}/restart/catalog`, { method: 'POST' });
    assert.equal(response.status, 200);
    const outcome = (await response.json()) as { port: number; phase: string; previousPhase: string };
    assert.deepEqual([outcome.port, outcome.phase, outcome.previousPhase], [catalog.port, 'healthy', 'healthy']);
    assert.equal((await fetch(`${catalog.url}/health`)).status, 200);
  });

  test('the control endpoint refuses unknown services and routes', async () => {
    assert.equal((await fetch(`${estate.info.controlUrl}/restart/nope`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`${estate.info.controlUrl}/reboot/catalog`, { method: 'POST' })).status, 404);
    const status = (await (await fetch(`${estate.info.controlUrl}/status`)).json()) as { services: unknown[] };
    assert.equal(status.services.length, estate.info.services.length);
  });

  test('the webhook sink records what is posted to it', async () => {
    const response = await fetch(`${estate.info.webhookUrl}/page/oncall`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ summary: 'checkout down' }),
    });
    assert.equal(response.status, 202);
    assert.deepEqual(estate.pages.at(-1)?.body, { summary: 'checkout down' });
    assert.equal(estate.pages.at(-1)?.path, '/page/oncall');
  });

  test('env() names every URL the runbook uses', () => {
    const env = estate.env();
    assert.equal(env.CHECKOUT_URL, estate.info.services.find((s) => s.name === 'checkout-api')!.url);
    assert.equal(env.CONTROL_URL, estate.info.controlUrl);
    assert.equal(env.DEMO_LOG_DIR, estate.info.logDir);
    assert.ok(env.PAYMENTS_URL && env.CATALOG_URL && env.DEMO_DB_ADDR);
  });
});

test('stop() leaves no port listening and can be called twice', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  const count = (kind: string): number => process.getActiveResourcesInfo().filter((r) => r === kind).length;
  const timersBefore = count('Timeout');
  const estate = await startDemoEstate({ dir });
  const { info } = estate;
  const ports = [...info.services.map((s) => s.port), info.database.port, Number(new URL(info.controlUrl).port), Number(new URL(info.webhookUrl).port)];
  // An open keep-alive connection must not hold a server open.
  await fetch(`${info.services[0]!.url}/health`);
  for (const port of ports) assert.equal(await tryConnect(port), 'connected');
  await estate.stop();
  await estate.stop();
  for (const port of ports) assert.equal(await tryConnect(port), 'ECONNREFUSED', `port ${port}`);
  assert.equal(count('TCPServerWrap'), 0);
  assert.ok(count('Timeout') <= timersBefore, process.getActiveResourcesInfo().join(', '));
  await rm(dir, { recursive: true, force: true });
});

test('a temp folder the estate made is removed on stop, unless the timeline lives in it', async () => {
  const elsewhere = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  const tidy = await startDemoEstate({ scriptedIncident: false, timelineDir: join(elsewhere, 'incidents') });
  await tidy.stop();
  await assert.rejects(stat(tidy.info.dir), { code: 'ENOENT' });

  const keeping = await startDemoEstate({ scriptedIncident: false });
  await keeping.stop();
  assert.ok((await stat(keeping.info.dir)).isDirectory());
  await rm(keeping.info.dir, { recursive: true, force: true });
  await rm(elsewhere, { recursive: true, force: true });
});
