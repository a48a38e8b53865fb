import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startDemoEstate, type DemoEstate } from '../../src/demo/index.js';
import { ctlArgv } from '../../src/demo/locations.js';
import { waitFor } from '../helpers/wait-for.js';
import { sumSamples, tryConnect } from './estate-probes.js';

/** Runs the control command as its own process, as the console's restart action does. */
function runCtl(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, ...prefix] = ctlArgv();
  const child = spawn(command!, [...prefix, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the scripted incident, sped up', () => {
  let estate: DemoEstate;
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
    // Onset after 2 s, degraded for 4 s, then down.
    estate = await startDemoEstate({ dir, speed: 10 });
  });

  after(async () => {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  });

  test('checkout-api degrades, its 5xx climb, then it goes down', async () => {
    const checkout = estate.info.services.find((s) => s.name === 'checkout-api')!;
    const body = await waitFor(async () => {
      const health = (await (await fetch(`${checkout.url}/health`)).json()) as { status: string };
      return health.status === 'degraded' ? health : undefined;
    }, { what: 'a degraded /health', timeoutMs: 30_000 });
    assert.equal(body?.status, 'degraded');
    const errors = await waitFor(async () => {
      const page = await (await fetch(`${checkout.url}/metrics`)).text();
      return sumSamples(page, 'http_requests_total', { status: '500' });
    }, { what: '5xx in the counters', timeoutMs: 30_000 });
    assert.ok((errors ?? 0) > 0, 'checkout-api counted some 500s while degraded');
    await waitFor(async () => (await tryConnect(checkout.port)) === 'ECONNREFUSED', { what: 'checkout-api down', timeoutMs: 30_000 });
    assert.equal(estate.phases()['checkout-api'], 'down');
    assert.equal(estate.phases().payments, 'healthy');
    const log = await waitFor(async () => {
      const text = await readFile(checkout.logFile, 'utf8');
      return /FATAL|"level":"fatal"/.test(text) ? text : undefined;
    }, { what: 'the crash in the log', timeoutMs: 30_000 });
    assert.match(log ?? '', /ERROR|"level":"error"/);
  });

  test('the ctl command, run as a process, restarts it on the same port', async () => {
    const checkout = estate.info.services.find((s) => s.name === 'checkout-api')!;
    const result = await runCtl(['restart', 'checkout-api', '--control', estate.info.controlUrl]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /checkout-api restarted \(was down\)/);
    const health = (await (await fetch(`${checkout.url}/health`)).json()) as { status: string };
    assert.equal(health.status, 'healthy');
    assert.equal(estate.phases()['checkout-api'], 'healthy');
  });

  test('the ctl command fails plainly on an unknown service or a dead endpoint', async () => {
    const unknown = await runCtl(['restart', 'nope', '--control', estate.info.controlUrl]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /unknown service/);
    const closedPort = Number(new URL(estate.info.webhookUrl).port) === 1 ? 2 : 1;
    const dead = await runCtl(['restart', 'checkout-api', '--control', `http://127.0.0.1:${closedPort}`]);
    assert.equal(dead.code, 1);
    assert.match(dead.stderr, /cannot reach the demo control endpoint/);
    const usage = await runCtl(['reboot']);
    assert.equal(usage.code, 2);
  });

  test('POST /fail takes a service down on demand', async () => {
    const catalog = estate.info.services.find((s) => s.name === 'catalog')!;
    const response = await fetch(`${estate.info.controlUrl}/fail/catalog?mode=down`, { method: 'POST' });
    assert.equal(response.status, 202);
    assert.equal(await tryConnect(catalog.port), 'ECONNREFUSED');
    const again = await fetch(`${estate.info.controlUrl}/fail/catalog`, { method: 'POST' });
    assert.equal(again.status, 409);
  });
});

test('a restart during the degradation cancels the crash that was coming', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  // Degraded for 2 s before it would go down.
  const estate = await startDemoEstate({ dir, speed: 20, scriptedIncident: false });
  try {
    const payments = estate.info.services.find((s) => s.name === 'payments')!;
    assert.equal((await fetch(`${estate.info.controlUrl}/fail/payments`, { method: 'POST' })).status, 202);
    assert.equal(estate.phases().payments, 'degraded');
    const restarted = await fetch(`${estate.info.controlUrl}/restart/payments`, { method: 'POST' });
    assert.equal(restarted.status, 200);
    // Past the moment it would have crashed: it must still be serving.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    assert.equal(estate.phases().payments, 'healthy');
    assert.equal(await tryConnect(payments.port), 'connected');
  } finally {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('malformed requests get an answer and break nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  const estate = await startDemoEstate({ dir, scriptedIncident: false });
  try {
    for (const url of [estate.info.services[0]!.url, estate.info.controlUrl]) {
      const port = Number(new URL(url).port);
      const reply = await rawRequest(port, 'GET //[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      assert.match(reply, /^HTTP\/1\.1 \d{3}/);
    }
    assert.equal((await fetch(`${estate.info.services[0]!.url}/health`)).status, 200);
  } finally {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(reply));
    socket.write(text);
  });
}
