import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HttpCheck } from '../../src/probes/http-check.js';
import { createHttpPool } from '../../src/probes/http-pool.js';
import { closedPort, httpConfig, startHttp, type Loopback } from './loopback.js';

const pool = createHttpPool();
let server: Loopback;
let seenApiKey: string | undefined;

const components = (db: string): string => JSON.stringify({ status: 'healthy', components: [{ name: 'cache', status: 'healthy' }, { name: 'db', status: db }] });

before(async () => {
  server = await startHttp((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ok') return res.end('fine');
    if (path === '/503') return res.writeHead(503).end('unavailable');
    if (path === '/healthy') return res.end(JSON.stringify({ status: 'healthy', version: 3 }));
    if (path === '/degraded') return res.end(JSON.stringify({ status: 'degraded' }));
    if (path === '/components-bad') return res.end(components('unhealthy'));
    if (path === '/components-good') return res.end(components('healthy'));
    if (path === '/not-json') return res.end('<html>hello</html>');
    if (path === '/hang') return; // never answers
    if (path === '/close') return req.socket.destroy();
    if (path === '/reset') return req.socket.resetAndDestroy();
    if (path === '/redirect') return res.writeHead(302, { location: '/ok' }).end();
    if (path === '/404') return res.writeHead(404).end('nope');
    if (path === '/escapes') return res.end('evil \u001b]0;pwned\u0007 \u001b[2J body');
    if (path === '/headers') {
      seenApiKey = req.headers['x-api-key'] as string | undefined;
      return res.writeHead(seenApiKey === 'sekrit-value' ? 200 : 401).end();
    }
    res.writeHead(500).end();
  });
});

after(async () => {
  await server.close();
  await pool.close();
});

describe('HttpCheck states and reasons', () => {
  const cases: { name: string; path: string; extra?: Parameters<typeof httpConfig>[1]; state: string; reason: RegExp }[] = [
    { name: '2xx is UP', path: '/ok', state: 'UP', reason: /^HTTP 200$/ },
    { name: '503 is DOWN', path: '/503', state: 'DOWN', reason: /^HTTP 503$/ },
    { name: 'expected status other than 2xx', path: '/404', extra: { expectStatus: 404 }, state: 'UP', reason: /HTTP 404/ },
    { name: 'wrong expected status', path: '/ok', extra: { expectStatus: 204 }, state: 'DOWN', reason: /^HTTP 200$/ },
    { name: 'json subset matches', path: '/healthy', extra: { expectJson: { status: 'healthy' } }, state: 'UP', reason: /HTTP 200/ },
    {
      name: 'degraded json',
      path: '/degraded',
      extra: { expectJson: { status: 'healthy' } },
      state: 'DEGRADED',
      reason: /^json: status=degraded, expected healthy$/,
    },
    {
      name: 'nested components, one unhealthy',
      path: '/components-bad',
      extra: { expectJson: { components: [{ name: 'db', status: 'healthy' }] } },
      state: 'DEGRADED',
      reason: /^json: components\[name=db\]\.status=unhealthy, expected healthy$/,
    },
    {
      name: 'nested components, all healthy',
      path: '/components-good',
      extra: { expectJson: { components: [{ name: 'db', status: 'healthy' }, { status: 'healthy' }] } },
      state: 'UP',
      reason: /HTTP 200/,
    },
    { name: 'body not JSON', path: '/not-json', extra: { expectJson: { status: 'healthy' } }, state: 'DEGRADED', reason: /not JSON/ },
    { name: 'hanging server times out', path: '/hang', extra: { timeoutMs: 300 }, state: 'DOWN', reason: /^timeout 300ms$/ },
    { name: 'server closes the socket', path: '/close', state: 'DOWN', reason: /^connection (closed by server|reset)$/ },
    { name: 'server resets the socket', path: '/reset', state: 'DOWN', reason: /^connection (reset|closed by server)$/ },
    { name: 'redirect not followed', path: '/redirect', state: 'DOWN', reason: /^HTTP 302 \(redirect not followed\)$/ },
    { name: 'redirect followed when asked', path: '/redirect', extra: { followRedirects: true }, state: 'UP', reason: /HTTP 200/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const [outcome] = await new HttpCheck(httpConfig(server.url(c.path), c.extra), pool).run();
      assert.ok(outcome);
      assert.equal(outcome.state, c.state, outcome.reason);
      assert.match(outcome.reason, c.reason);
      if (outcome.state === 'UP') assert.equal(typeof outcome.latencyMs, 'number');
    });
  }

  it('reports "timeout 2s" with the default timeout', async () => {
    const [outcome] = await new HttpCheck(httpConfig(server.url('/hang')), pool).run();
    assert.deepEqual([outcome?.state, outcome?.reason], ['DOWN', 'timeout 2s']);
  });

  it('reports a closed port as connection refused', async () => {
    const port = await closedPort();
    const [outcome] = await new HttpCheck(httpConfig(`http://127.0.0.1:${port}/health`), pool).run();
    assert.deepEqual([outcome?.state, outcome?.reason, outcome?.latencyMs], ['DOWN', 'connection refused', null]);
  });

  it('sends headers but never shows their values', async () => {
    const config = httpConfig(server.url('/headers'), { headers: { 'X-API-Key': 'sekrit-value' } });
    const outcomes = await new HttpCheck(config, pool).run();
    assert.equal(seenApiKey, 'sekrit-value');
    assert.equal(outcomes[0]?.state, 'UP');
    assert.ok(!JSON.stringify(outcomes).includes('sekrit-value'));
  });

  it('keeps passwords in URLs off the row and sends them as basic auth', async () => {
    const url = `http://ops:hunter2@127.0.0.1:${server.port}/ok?token=abc`;
    const [outcome] = await new HttpCheck(httpConfig(url), pool).run();
    assert.equal(outcome?.state, 'UP');
    assert.equal(outcome?.row.target, `127.0.0.1:${server.port}/ok?…`);
    assert.ok(!JSON.stringify(outcome).includes('hunter2'));
  });

  it('neutralises escape sequences in the body excerpt', async () => {
    const [outcome] = await new HttpCheck(httpConfig(server.url('/escapes')), pool).run();
    assert.ok(outcome?.body);
    assert.ok(!outcome.body.includes('\u001b'), outcome.body);
    assert.ok(!outcome.body.includes('\u0007'));
    assert.match(outcome.body, /␛\]0;pwned/);
  });
});

// The certificate is made on the fly with openssl (Debian package `openssl`).
const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;

describe('HttpCheck over TLS', { skip: hasOpenssl ? false : 'openssl not installed' }, () => {
  let dir: string;
  let port: number;
  let close: (() => void) | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warroom-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const tls = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    port = (tls.address() as AddressInfo).port;
    close = () => tls.close();
  });
  after(() => {
    close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports an untrusted certificate as a TLS error', async () => {
    const [outcome] = await new HttpCheck(httpConfig(`https://127.0.0.1:${port}/health`), pool).run();
    assert.equal(outcome?.state, 'DOWN');
    assert.match(outcome?.reason ?? '', /^tls: /);
  });
});
