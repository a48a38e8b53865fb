// `share:` (the incident shared through NATS JetStream): server lists, auth, TLS paths, and every
// mistake named with its key rather than a connection that never comes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfigText } from '../../src/config/load.js';

const dir = mkdtempSync(join(tmpdir(), 'warroom-share-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'warroom.yaml');
const base = 'services:\n  - name: api\n    checks:\n      - tcp: localhost:6379\n';

function load(share: string, env: NodeJS.ProcessEnv = {}) {
  return loadConfigText(`${base}share:\n${share}`, file, env);
}

function refused(share: string, pattern: RegExp): void {
  assert.throws(() => load(share), (error: unknown) => {
    assert.ok(error instanceof ConfigError, String(error));
    assert.match(`${error.keyPath}: ${error.message} (line ${error.line})`, pattern);
    return true;
  });
}

test('share: several servers, schemes filled in, user/password kept as secrets, TLS paths absolute', () => {
  const config = load('  nats: " nats://n1.internal:4222, n2.internal:4222 ,tls://n3:4443"\n  stream: TEAM_A\n  user: ana\n  password: "${NATS_PASS}"\n  tls: { ca: certs/ca.pem }\n', { NATS_PASS: 'pa55-w0rd' });
  assert.deepEqual(config.share, {
    servers: ['nats://n1.internal:4222', 'nats://n2.internal:4222', 'tls://n3:4443'],
    stream: 'TEAM_A',
    user: 'ana',
    password: 'pa55-w0rd',
    tls: { ca: join(dir, 'certs', 'ca.pem') },
  });
  assert.ok(config.secrets.includes('pa55-w0rd'));
});

test('share: a password inside a server URL is a secret too', () => {
  const config = load('  nats: "nats://ana:url-pa55@127.0.0.1:4222"\n');
  assert.ok(config.secrets.includes('url-pa55'));
});

test('share: mistakes are config errors naming the key', () => {
  refused('  nats: "http://n1:4222"\n', /^share\.nats: .*unsupported scheme http/);
  refused('  nats: "nats://n1:4222/path"\n', /^share\.nats: .*no path/);
  refused('  nats: " , "\n', /^share\.nats: no server given/);
  refused('  nats: "nats://n1:4222"\n  stream: "a.b"\n', /^share\.stream: .*cannot name a stream/);
  refused('  nats: "nats://n1:4222"\n  token: t\n  user: u\n', /^share: give one way to authenticate/);
  refused('  nats: "nats://n1:4222"\n  password: p\n', /^share\.password: password needs user/);
  refused('  nats: "nats://n1:4222"\n  colour: red\n', /colour/);
});
