// The incident shared through a REAL nats-server -js on loopback (own port, own store folder):
// two "machines" (each its own journal folder) see each other's events, a late joiner gets the
// whole history, a server outage loses and duplicates nothing, and a console killed with -9
// while offline sends what it recorded once it is back.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { ShareConfig } from '../../src/config/integration-types.js';
import { subjectFor } from '../../src/share/wire.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { freePort } from '../helpers/free-port.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from './machine.js';

const missing = natsServerMissing();
let server: NatsServer;
let share: ShareConfig;
const machines: Machine[] = [];

before(async () => {
  if (missing) return;
  server = await NatsServer.start();
  share = { servers: [server.url], stream: 'WARROOM' };
});
after(async () => {
  for (const machine of machines) {
    await machine.quit().catch(() => undefined);
    machine.remove();
  }
  await server?.close();
});

function track(machine: Machine): Machine {
  machines.push(machine);
  return machine;
}

/** Messages the stream holds for an incident (a duplicate published would count twice). */
async function messagesInStream(id: string): Promise<number> {
  const nc = await connect({ servers: server.url });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info('WARROOM', { subjects_filter: subjectFor(id) });
    return info.state.subjects?.[subjectFor(id)] ?? 0;
  } finally {
    await nc.close();
  }
}

function assertNoDuplicateLines(machine: Machine): void {
  const doubled = [...machine.linesPerId()].filter(([, n]) => n > 1);
  assert.deepEqual(doubled, [], `${machine.operator}'s journal holds each event once`);
}

function ids(machine: Machine): string[] {
  return machine.timeline().map((e) => e.id);
}

test('two machines see each other’s notes; a late joiner gets the history; a restart applies nothing twice', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana').startSharing());
  ana.note('db primary is read-only');
  await waitFor(() => ana.status?.state === 'online' && ana.status.unsynced === 0, { what: 'ana online and synced', timeoutMs: 20_000 });

  // bo's laptop has never seen the incident: joining fetches it from the stream.
  const bo = track((await Machine.join(share, 'bo', ana.id)).startSharing());
  assert.ok(bo.notes().includes('db primary is read-only'), 'the joiner has the history before its console opens');
  bo.note('failing over to replica-2');
  await waitFor(() => ana.notes().includes('failing over to replica-2'), { what: 'ana sees bo’s note' });
  ana.note('replica-2 promoted');
  await waitFor(() => bo.notes().includes('replica-2 promoted'), { what: 'bo sees ana’s note' });
  // The remote event is the same event (id, time, operator), not a copy.
  const remote = bo.timeline().find((e) => e.data.text === 'replica-2 promoted')!;
  const local = ana.timeline().find((e) => e.data.text === 'replica-2 promoted')!;
  assert.deepEqual([remote.id, remote.ts, remote.operator], [local.id, local.ts, 'ana']);

  // bo quits; ana goes on; bo's console restarts and catches up from where it stopped.
  await bo.quit();
  for (let i = 1; i <= 3; i += 1) ana.note(`while bo was away ${i}`);
  bo.restart();
  await waitFor(() => bo.notes().includes('while bo was away 3'), { what: 'bo catches up after its restart' });
  await waitFor(() => ana.status?.unsynced === 0 && bo.status?.unsynced === 0, { what: 'both synced' });
  await waitFor(() => ids(ana).join() === ids(bo).join(), { what: 'the same timeline, in the same order, on both' });
  assertNoDuplicateLines(ana);
  assertNoDuplicateLines(bo);
  assert.equal(await messagesInStream(ana.id), ids(ana).length, 'the stream holds every event once');
});

test('server down: both keep working and show OFFLINE with what is unsynced; back up, they converge with nothing lost or duplicated', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'payments down').startSharing());
  ana.note('paging payments on-call');
  await waitFor(() => ana.status?.state === 'online' && ana.status.unsynced === 0, { what: 'ana synced', timeoutMs: 20_000 });
  const bo = track((await Machine.join(share, 'bo', ana.id)).startSharing());
  await waitFor(() => bo.status?.state === 'online', { what: 'bo online', timeoutMs: 20_000 });

  await server.stop();
  await waitFor(() => ana.status?.state === 'offline' && bo.status?.state === 'offline', { what: 'both offline', timeoutMs: 20_000 });
  for (let i = 1; i <= 5; i += 1) {
    ana.note(`ana offline ${i}`);
    bo.note(`bo offline ${i}`);
  }
  // The local journal is the truth: every note is on disk and on screen at once.
  assert.equal(ana.notes().filter((t) => t.startsWith('ana offline')).length, 5);
  await waitFor(() => ana.status?.unsynced === 5 && bo.status?.unsynced === 5, { what: 'OFFLINE · 5 unsynced on both' });
  assert.match(ana.status?.detail ?? '', /unreachable|no NATS server/);

  await server.resume();
  await waitFor(() => ana.status?.state === 'online' && bo.status?.state === 'online' && ana.status.unsynced === 0 && bo.status.unsynced === 0, {
    what: 'both online with nothing unsynced',
    timeoutMs: 30_000,
  });
  await waitFor(() => ana.notes().length === 11 && bo.notes().length === 11, { what: 'both have all 11 notes' });
  await waitFor(() => ids(ana).join() === ids(bo).join(), { what: 'the same order on both' });
  assertNoDuplicateLines(ana);
  assertNoDuplicateLines(bo);
  assert.equal(await messagesInStream(ana.id), ids(ana).length, 'the stream holds every event once');

  // A third machine joining now gets all of it, in the same order.
  const cy = track(await Machine.join(share, 'cy', ana.id));
  assert.deepEqual(ids(cy), ids(ana));
});

test('a console killed with -9 while offline sends what it recorded when it starts again', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'queue backlog').startSharing());
  ana.note('queue depth 40k');
  await waitFor(() => ana.status?.state === 'online' && ana.status.unsynced === 0, { what: 'ana synced', timeoutMs: 20_000 });
  const bo = track((await Machine.join(share, 'bo', ana.id)).startSharing());
  await ana.quit();

  await server.stop();
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fixtures/offline-console.ts', import.meta.url)), ana.dir, ana.id, 'ana', server.url, '4'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const recorded = await waitFor(() => /^recorded (.*)$/m.exec(output)?.[1], { what: 'the offline console recorded its notes', timeoutMs: 30_000 });
  const lost = JSON.parse(recorded!) as string[];
  child.kill('SIGKILL');
  await exited;

  await server.resume();
  await waitFor(() => bo.status?.state === 'online', { what: 'bo back online', timeoutMs: 30_000 });
  // Nothing of the four reached the stream: the killed console had no server to send to.
  assert.ok(!bo.timeline().some((e) => lost.includes(e.id)));
  ana.restart();
  await waitFor(() => lost.every((id) => bo.timeline().some((e) => e.id === id)), { what: 'bo gets the four notes from the restarted console', timeoutMs: 20_000 });
  await waitFor(() => ana.status?.unsynced === 0, { what: 'ana’s outbox empty' });
  assertNoDuplicateLines(bo);
  assert.equal(await messagesInStream(ana.id), ids(ana).length);
});

test('automatic paging is claimed once across machines: one console wins, the other is told who', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'search slow').startSharing());
  await waitFor(() => ana.status?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const bo = track((await Machine.join(share, 'bo', ana.id)).startSharing());
  await waitFor(() => bo.status?.state === 'online', { what: 'bo online', timeoutMs: 20_000 });
  for (let step = 0; step < 5; step += 1) {
    const [a, b] = await Promise.all([ana.journal.claim(`page:${step}`), bo.journal.claim(`page:${step}`)]);
    assert.ok(a && b, 'both consoles got an answer');
    assert.equal([a.won, b.won].filter(Boolean).length, 1, `exactly one console pages step ${step}`);
    const loser = a.won ? b : a;
    assert.equal(loser.by, a.won ? 'ana' : 'bo');
  }
});

test('refused credentials stop sharing with a plain message (never the token); the console goes on on its journal', { skip: missing ?? false }, async () => {
  const guarded = await NatsServer.start('listen: 127.0.0.1:PORT\njetstream { store_dir: "STORE" }\nauthorization { token: "right-t0ken" }\n');
  try {
    const wrong = track(Machine.open({ servers: [guarded.url], stream: 'WARROOM', token: 'wr0ng-t0ken' }, 'ana').startSharing());
    await waitFor(() => wrong.status?.state === 'failed', { what: 'sharing failed', timeoutMs: 20_000 });
    assert.match(wrong.status?.detail ?? '', /refused the token/);
    assert.ok(!JSON.stringify(wrong.statuses).includes('wr0ng-t0ken'), 'the token is never in a message');
    wrong.note('still recording');
    assert.ok(wrong.notes().includes('still recording'));

    const right = track(Machine.open({ servers: [guarded.url], stream: 'WARROOM', token: 'right-t0ken' }, 'bo').startSharing());
    right.note('with the right token');
    await waitFor(() => right.status?.state === 'online' && right.status.unsynced === 0, { what: 'the right token shares', timeoutMs: 20_000 });
  } finally {
    for (const machine of machines.splice(-2)) {
      await machine.quit().catch(() => undefined);
      machine.remove();
    }
    await guarded.close();
  }
});

test('presence: each console sees who else has the incident open (a read-only one as watching); quitting leaves at once', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'cache cold').startSharing());
  await waitFor(() => ana.status?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const bridge = track((await Machine.join(share, 'bridge', ana.id)).startSharing('read-only'));
  await waitFor(() => JSON.stringify(ana.status?.present) === JSON.stringify([{ operator: 'bridge', mode: 'read-only' }]), { what: 'ana sees the bridge watching', timeoutMs: 20_000 });
  await waitFor(() => JSON.stringify(bridge.status?.present) === JSON.stringify([{ operator: 'ana', mode: 'live' }]), { what: 'the bridge sees ana', timeoutMs: 20_000 });
  await bridge.quit();
  await waitFor(() => ana.status?.present.length === 0, { what: 'the bridge gone from ana’s list', timeoutMs: 5000 });
});

test('severity and role races resolve to one winner through the server; the loser learns who and what; offline is refused, not forked', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'disk full').startSharing());
  await waitFor(() => ana.status?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const bo = track((await Machine.join(share, 'bo', ana.id)).startSharing());
  await waitFor(() => bo.status?.state === 'online', { what: 'bo online', timeoutMs: 20_000 });
  const race = async (field: string, from: string | null, toAna: string, toBo: string) => {
    const [a, b] = await Promise.all([ana.journal.changeState({ field, from, to: toAna }), bo.journal.changeState({ field, from, to: toBo })]);
    assert.equal([a.ok, b.ok].filter(Boolean).length, 1, `one winner for ${field}`);
    const [winner, loser, value] = a.ok ? ['ana', b, toAna] : ['bo', a, toBo];
    assert.ok(!loser.ok && !loser.offline);
    assert.deepEqual([loser.by, loser.current], [winner, value]);
    return value;
  };
  const severity = await race('severity', 'P2', 'P1', 'P0');
  await race('role.ic', null, 'ana', 'bo');
  // The next change must start from the winner's value: a console still believing the old one is refused.
  const stale = await ana.journal.changeState({ field: 'severity', from: 'P2', to: 'P3' });
  assert.ok(!stale.ok && !stale.offline && stale.current === severity);
  assert.deepEqual(await bo.journal.changeState({ field: 'severity', from: severity, to: 'P3' }), { ok: true });

  await server.stop();
  await waitFor(() => ana.status?.state === 'offline', { what: 'ana offline', timeoutMs: 20_000 });
  const offline = await ana.journal.changeState({ field: 'severity', from: 'P3', to: 'P1' });
  assert.ok(!offline.ok && offline.offline, 'refused while the server cannot decide');
  await server.resume();
  await waitFor(() => ana.status?.state === 'online', { what: 'ana back', timeoutMs: 30_000 });
  assert.deepEqual(await ana.journal.changeState({ field: 'severity', from: 'P3', to: 'P1' }), { ok: true });
});

test('hostile messages in the stream: junk is skipped with a warning, forged bookkeeping is ignored, a note full of escapes is an ordinary event (applied once)', { skip: missing ?? false }, async () => {
  const ana = track(Machine.open(share, 'ana', 'hostile stream').startSharing());
  await waitFor(() => ana.status?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const nc = await connect({ servers: server.url });
  try {
    const { jetstream } = await import('@nats-io/jetstream');
    const js = jetstream(nc);
    await js.publish(subjectFor(ana.id), 'not json at all');
    // A forged sync line would make ana believe the stream holds events it never received.
    await js.publish(subjectFor(ana.id), JSON.stringify({ v: 1, id: 'forged-1', ts: Date.now(), operator: 'mallory', kind: 'share.synced', data: { upTo: 999, acked: [['x', 1]] } }));
    await js.publish(subjectFor(ana.id), JSON.stringify({ v: 1, id: 'evil-1', ts: Date.now(), operator: 'mallory\x1b[2J', kind: 'note', data: { text: 'hi\x1b]0;pwned\x07' } }));
  } finally {
    await nc.close();
  }
  await waitFor(() => ana.notes().some((t) => t.startsWith('hi')), { what: 'the hostile note arrives as data' });
  assert.ok(ana.warnings.some((w) => /not a timeline event/.test(w)), 'the junk message is reported');
  assert.ok(!ana.journal.events().some((e) => e.id === 'forged-1'), 'forged bookkeeping never enters the journal');
  // The next console start reads its sync state from the journal: nothing forged moved it.
  ana.note('after the hostile messages');
  await waitFor(() => ana.status?.unsynced === 0, { what: 'ana’s own note still goes out' });
  await ana.quit();
  ana.restart();
  await waitFor(() => ana.status?.state === 'online' && ana.status.unsynced === 0, { what: 'restarted ana synced', timeoutMs: 20_000 });
  assert.equal(ana.timeline().filter((e) => e.id === 'evil-1').length, 1, 'the hostile note once, after a restart too');
});

test('a server without JetStream stops sharing with the reason; no server at all is OFFLINE, retrying', { skip: missing ?? false }, async () => {
  const plain = await NatsServer.start('listen: 127.0.0.1:PORT\n');
  const dead = await freePort();
  try {
    const noJs = track(Machine.open({ servers: [plain.url], stream: 'WARROOM' }, 'ana').startSharing());
    await waitFor(() => noJs.status?.state === 'failed', { what: 'sharing failed', timeoutMs: 20_000 });
    assert.equal(noJs.status?.detail, 'JetStream is not enabled on the NATS server (start it with -js)');
    const nobody = track(Machine.open({ servers: [`nats://127.0.0.1:${dead}`], stream: 'WARROOM' }, 'bo').startSharing());
    nobody.note('recorded with no server anywhere');
    await waitFor(() => nobody.status?.state === 'offline' && nobody.status.unsynced >= 1, { what: 'OFFLINE with the note unsynced', timeoutMs: 20_000 });
    assert.match(nobody.status?.detail ?? '', /no NATS server answered/);
  } finally {
    for (const machine of machines.splice(-2)) {
      await machine.quit().catch(() => undefined);
      machine.remove();
    }
    await plain.close();
  }
});
