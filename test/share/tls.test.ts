// Sharing over TLS against a REAL nats-server -js that requires it: a throwaway CA and a server
// certificate for 127.0.0.1 made with openssl in the test's own folder. With the CA, consoles
// share (and join) through the encrypted connection; with the wrong CA, or none, the console says
// ✖ NOT SHARED with one clear line (and keeps its journal), joining and `warroom incidents` say
// so on one line too — never a crash, never a retry loop that waiting cannot fix.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ShareConfig } from '../../src/config/integration-types.js';
import type { WarroomConfig } from '../../src/config/types.js';
import { Engine } from '../../src/engine/engine.js';
import { shareCapability } from '../../src/share/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import { timelineCapability } from '../../src/timeline/capability.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { isOneLine, runWarroom } from '../cli/run-from-source.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from './machine.js';

const openssl = spawnSync('openssl', ['version'], { encoding: 'utf8' });
const skip = natsServerMissing() ?? (openssl.status === 0 ? false : 'openssl is not installed');
const dir = mkdtempSync(join(tmpdir(), 'warroom-tls-'));
let server: NatsServer;
let url: string;
const cleanup: (() => Promise<void> | void)[] = [];

/** Runs openssl in the test's folder; throws with its output when it fails. */
function ssl(...args: string[]): void {
  const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${run.stderr}`);
}

/** A self-signed CA (`NAME.pem`, `NAME.key`). */
function makeCa(name: string): string {
  ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '1', '-subj', `/CN=${name}`);
  return join(dir, `${name}.pem`);
}

let goodCa: string;
let wrongCa: string;

before(async () => {
  if (skip) return;
  goodCa = makeCa('team-ca');
  wrongCa = makeCa('someone-elses-ca');
  // The server's certificate names 127.0.0.1 (an IP address, as in many small setups), signed by the team's CA.
  ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=nats-test');
  writeFileSync(join(dir, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  ssl('x509', '-req', '-in', 'server.csr', '-CA', 'team-ca.pem', '-CAkey', 'team-ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '1', '-extfile', 'san.cnf');
  server = await NatsServer.start(
    ['listen: 127.0.0.1:PORT', 'jetstream { store_dir: "STORE" }', `tls { cert_file: "${join(dir, 'server.pem')}", key_file: "${join(dir, 'server.key')}" }`, ''].join('\n'),
  );
  url = `tls://127.0.0.1:${server.port}`;
});
after(async () => {
  for (const step of cleanup.reverse()) await step();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function shareWith(ca: string | undefined): ShareConfig {
  return { servers: [url], stream: 'WARROOM', ...(ca ? { tls: { ca } } : {}) };
}

function machine(share: ShareConfig, operator: string): Machine {
  const m = Machine.open(share, operator);
  cleanup.push(async () => {
    await m.quit();
    m.remove();
  });
  return m;
}

test('with the team CA, consoles share over TLS and a third joins with the whole history', { skip, timeout: 120_000 }, async () => {
  const ana = machine(shareWith(goodCa), 'ana').startSharing();
  ana.note('over tls: checkout p99 4s');
  await waitFor(() => ana.status?.state === 'online' && ana.status.unsynced === 0, { what: 'ana shared over TLS', timeoutMs: 20_000 });
  const bo = await Machine.join(shareWith(goodCa), 'bo', ana.id);
  cleanup.push(async () => {
    await bo.quit();
    bo.remove();
  });
  assert.ok(bo.notes().includes('over tls: checkout p99 4s'), 'the joiner fetched the history through TLS');
  bo.startSharing();
  bo.note('bo: on it');
  await waitFor(() => ana.notes().includes('bo: on it'), { what: 'bo’s note reaches ana over TLS', timeoutMs: 20_000 });
});

test('a wrong CA, or none: NOT SHARED with one clear line, the journal keeps working; joining and listing say so too', { skip, timeout: 180_000 }, async () => {
  for (const ca of [wrongCa, undefined]) {
    const m = machine(shareWith(ca), 'cy').startSharing();
    m.note('still recorded');
    await waitFor(() => m.status?.state === 'failed', { what: `sharing refused (${ca ?? 'no CA'})`, timeoutMs: 20_000 });
    const detail = m.status?.detail ?? '';
    assert.match(detail, ca ? /^TLS: the NATS server's certificate is not trusted by share\.tls\.ca \(.*someone-elses-ca\.pem\): / : /^TLS: the NATS server's certificate is not trusted by the system's CAs \(set share\.tls\.ca\): /);
    assert.ok(!detail.includes('\n'), 'one line');
    assert.ok(m.notes().includes('still recorded'), 'the journal is untouched by the refusal');
    // Not shared at all, it decides alone (offline would refuse: the others may still be deciding).
    assert.deepEqual(await m.journal.changeState({ field: 'severity', from: 'P2', to: 'P1' }), { ok: true });
  }

  // In a console: the header badge and the flash.
  const cy = machine(shareWith(wrongCa), 'cy2');
  const store = createWarroomStore();
  store.getState().setIncident({ id: cy.id, title: 'checkout 5xx', severity: 'P2', operator: 'cy2', mode: 'live', startedAt: Date.now() });
  const config = {
    file: 'warroom.yaml',
    baseDir: cy.dir,
    incident: { title: 'checkout 5xx', severity: 'P2', responseTargets: { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 } },
    hosts: {},
    services: [],
    timeline: { dir: cy.dir, redact: [] },
    logs: { buffer: 100, errorRateNote: 30 },
    share: cy.share,
    secrets: [],
  } as WarroomConfig;
  const engine = new Engine({ config, store, recorder: cy.journal, executor: new RecordingExecutor(), mode: 'live', operator: 'cy2' }, [timelineCapability, shareCapability]);
  await engine.start();
  cleanup.push(() => engine.stop());
  const ui = renderConsole({ store, columns: 120, rows: 30 });
  cleanup.push(() => ui.unmount());
  await waitFor(() => ui.frame().includes('✖ NOT SHARED'), { what: 'the header says NOT SHARED', timeoutMs: 20_000 });
  assert.match(store.getState().flash?.text ?? '', /^sharing stopped: TLS: the NATS server's certificate is not trusted by share\.tls\.ca/);

  // Joining from a new machine: refused with the reason (the CLI prints it as its one-line error).
  await assert.rejects(Machine.join(shareWith(wrongCa), 'dee', 'INC-20261203-0900-anything'), /^Error: TLS: the NATS server's certificate is not trusted/);

  // warroom incidents: this machine's list, one line why, exit 0.
  const folder = mkdtempSync(join(tmpdir(), 'warroom-tls-list-'));
  cleanup.push(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, 'warroom.yaml'), ['incident:', '  title: t', 'services: []', 'share:', `  nats: "${url}"`, '  tls:', `    ca: ${JSON.stringify(wrongCa)}`, ''].join('\n'));
  const run = runWarroom(folder, 'incidents', '--json');
  assert.equal(run.code, 0, run.stderr);
  assert.ok(isOneLine(run.stderr), run.stderr);
  assert.match(run.stderr, /^warroom: shared incidents not listed \(this machine's only\): TLS: the NATS server's certificate is not trusted by share\.tls\.ca/);
  assert.deepEqual(JSON.parse(run.stdout), []);
});
