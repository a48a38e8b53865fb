// The shared incident inside running consoles: two engines (timeline + share capabilities, each
// on its own journal folder) against a REAL nats-server -js. The other console's notes and
// severity reach the store; the header says SHARED, then OFFLINE · n unsynced while the server is
// down, and the console keeps recording; back up, everything arrives on the other side. Who else
// has the incident open is in the header, names from other machines neutralised.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { WarroomConfig } from '../../src/config/types.js';
import type { ShareConfig } from '../../src/config/integration-types.js';
import type { CapabilityFactory } from '../../src/engine/capability.js';
import { Engine } from '../../src/engine/engine.js';
import { escalationCapability } from '../../src/escalation/capability.js';
import { shareCapability } from '../../src/share/capability.js';
import { createWarroomStore, type WarroomStore } from '../../src/store/store.js';
import { timelineCapability } from '../../src/timeline/capability.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from './machine.js';

const missing = natsServerMissing();
let server: NatsServer;
let share: ShareConfig;
const running: (() => Promise<void>)[] = [];

before(async () => {
  if (missing) return;
  server = await NatsServer.start();
  share = { servers: [server.url], stream: 'WARROOM' };
});
after(async () => {
  for (const stop of running.reverse()) await stop().catch(() => undefined);
  await server?.close();
});

function configFor(machine: Machine): WarroomConfig {
  return {
    file: 'warroom.yaml',
    baseDir: machine.dir,
    incident: { title: 'checkout 5xx', severity: 'P2', responseTargets: { P0: 900_000, P1: 900_000, P2: 3_600_000, P3: 14_400_000, P4: 86_400_000 } },
    hosts: {},
    services: [],
    timeline: { dir: machine.dir, redact: [] },
    logs: { buffer: 100, errorRateNote: 30 },
    share: machine.share,
    secrets: [],
  };
}

/** A console's engine on a machine's journal: the capabilities a real console starts for sharing. */
async function startConsole(machine: Machine, extra: CapabilityFactory[] = []): Promise<WarroomStore> {
  const store = createWarroomStore();
  store.getState().setIncident({ id: machine.id, title: 'checkout 5xx', severity: 'P2', operator: machine.operator, mode: 'live', startedAt: Date.now() });
  const engine = new Engine(
    { config: configFor(machine), store, recorder: machine.journal, executor: new RecordingExecutor(), mode: 'live', operator: machine.operator },
    [timelineCapability, shareCapability, ...extra],
  );
  await engine.start();
  running.push(async () => {
    await engine.stop();
    machine.journal.close();
    machine.remove();
  });
  return store;
}

function shownNotes(store: WarroomStore): string[] {
  return store.getState().timeline.events.filter((e) => e.kind === 'note').map((e) => String(e.data.text));
}

test('two consoles share notes and severity live; the header shows OFFLINE · n unsynced while the server is down', { skip: missing ?? false }, async () => {
  const anaMachine = Machine.open(share, 'ana');
  const anaStore = await startConsole(anaMachine);
  anaMachine.note('ana: checkout p99 at 4s');
  await waitFor(() => anaStore.getState().shareStatus?.state === 'online' && anaStore.getState().shareStatus?.unsynced === 0, { what: 'ana shared', timeoutMs: 20_000 });

  const boMachine = await Machine.join(share, 'bo', anaMachine.id);
  const boStore = await startConsole(boMachine);
  assert.ok(shownNotes(boStore).includes('ana: checkout p99 at 4s'), 'the joiner shows the history at once');
  const ui = renderConsole({ store: boStore, columns: 120, rows: 30 });
  running.push(async () => ui.unmount());
  await waitFor(() => ui.frame().includes('⇅ with ana'), { what: 'the header says SHARED, with whom', timeoutMs: 20_000 });

  // A name from another machine is data: its escape sequences never reach the terminal.
  const evil = await Machine.join(share, 'mallory\x1b[2J\x1b]0;pwned\x07', anaMachine.id);
  evil.startSharing();
  await waitFor(() => ui.frame().includes('mallory'), { what: 'the hostile name in bo’s header', timeoutMs: 20_000 });
  assert.ok(!ui.frame().includes('\x1b[2J') && !ui.frame().includes('\x1b]0;'), 'no escape sequence from the name reaches the screen');
  await evil.quit();
  evil.remove();
  await waitFor(() => !ui.frame().includes('mallory'), { what: 'the hostile console gone from the header', timeoutMs: 10_000 });

  // A note and a severity change on ana's console reach bo's store and header.
  anaMachine.journal.record('incident.severity', { from: 'P2', to: 'P1' });
  anaMachine.note('ana: raising to P1');
  await waitFor(() => shownNotes(boStore).includes('ana: raising to P1'), { what: 'bo shows ana’s note' });
  await waitFor(() => boStore.getState().incident.severity === 'P1', { what: 'bo’s header follows ana’s severity' });

  await server.stop();
  await waitFor(() => boStore.getState().shareStatus?.state === 'offline', { what: 'bo offline', timeoutMs: 20_000 });
  boMachine.note('bo: rolled back checkout to v41');
  boMachine.note('bo: error rate falling');
  // Offline, the console keeps working: the notes are on bo's screen at once, and counted.
  await waitFor(() => shownNotes(boStore).includes('bo: error rate falling'), { what: 'bo’s own notes shown offline' });
  await waitFor(() => ui.frame().includes('OFFLINE · 2 unsynced'), { what: 'header: OFFLINE · 2 unsynced' });

  await server.resume();
  await waitFor(() => shownNotes(anaStore).includes('bo: error rate falling'), { what: 'ana gets bo’s offline notes', timeoutMs: 30_000 });
  await waitFor(() => ui.frame().includes('⇅ with ana'), { what: 'bo’s header back to SHARED, with ana', timeoutMs: 30_000 });
  assert.deepEqual(shownNotes(anaStore), shownNotes(boStore), 'both consoles show the same notes in the same order');
});

test('two consoles resolving at once: one resolves, the other is told who did; offline, resolving is refused rather than forked', { skip: missing ?? false }, async () => {
  const anaMachine = Machine.open(share, 'ana', 'cart errors');
  const anaStore = await startConsole(anaMachine, [escalationCapability]);
  await waitFor(() => anaStore.getState().shareStatus?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const boMachine = await Machine.join(share, 'bo', anaMachine.id);
  const boStore = await startConsole(boMachine, [escalationCapability]);
  await waitFor(() => boStore.getState().shareStatus?.state === 'online', { what: 'bo online', timeoutMs: 20_000 });

  // Both ask at once; both answer the summary question; the server lets one through.
  const resolving = [anaStore, boStore].map((store) => store.getState().statusController!.resolve());
  for (const [store, who] of [[anaStore, 'ana'], [boStore, 'bo']] as const) {
    await waitFor(() => store.getState().dialog?.kind === 'text', { what: `${who}’s resolution question` });
    store.getState().closeDialog(`fixed by ${who}`);
  }
  const [anaResolved, boResolved] = await Promise.all(resolving);
  assert.equal([anaResolved, boResolved].filter(Boolean).length, 1, 'exactly one console resolved');
  const [loserStore, winner] = anaResolved ? [boStore, 'ana'] : [anaStore, 'bo'];
  assert.match(loserStore.getState().flash?.text ?? '', new RegExp(`resolve refused: ${winner} resolved ${anaMachine.id} first`));
  // The winner's resolution reaches the loser's console; only one resolution is on record anywhere.
  await waitFor(() => loserStore.getState().incident.resolvedAt !== null, { what: 'the loser shows the incident resolved' });
  for (const machine of [anaMachine, boMachine]) {
    await waitFor(() => machine.timeline().filter((e) => e.kind === 'incident.resolved').length === 1, { what: `one resolution in ${machine.operator}’s journal` });
  }

  // Offline: refused, with the reason, on a fresh incident.
  const cyMachine = Machine.open(share, 'cy', 'search down');
  const cyStore = await startConsole(cyMachine, [escalationCapability]);
  await waitFor(() => cyStore.getState().shareStatus?.state === 'online', { what: 'cy online', timeoutMs: 20_000 });
  await server.stop();
  await waitFor(() => cyStore.getState().shareStatus?.state === 'offline', { what: 'cy offline', timeoutMs: 20_000 });
  const offline = cyStore.getState().statusController!.resolve();
  await waitFor(() => cyStore.getState().dialog?.kind === 'text', { what: 'cy’s resolution question' });
  cyStore.getState().closeDialog('fixed while offline');
  assert.equal(await offline, false);
  assert.match(cyStore.getState().flash?.text ?? '', /resolve refused: the shared incident is OFFLINE/);
  assert.equal(cyStore.getState().incident.resolvedAt, null);
  assert.ok(!cyMachine.timeline().some((e) => e.kind === 'incident.resolved'));
  await server.resume();
});

test('two consoles racing :role ic and :severity: exactly one wins each, the loser is told who and records nothing', { skip: missing ?? false }, async () => {
  const anaMachine = Machine.open(share, 'ana', 'payments slow');
  const anaStore = await startConsole(anaMachine, [escalationCapability]);
  await waitFor(() => anaStore.getState().shareStatus?.state === 'online', { what: 'ana online', timeoutMs: 20_000 });
  const boMachine = await Machine.join(share, 'bo', anaMachine.id);
  const boStore = await startConsole(boMachine, [escalationCapability]);
  await waitFor(() => boStore.getState().shareStatus?.state === 'online', { what: 'bo online', timeoutMs: 20_000 });
  const consoles = [
    { who: 'ana', store: anaStore, machine: anaMachine },
    { who: 'bo', store: boStore, machine: boMachine },
  ] as const;

  // Both claim the commander role at once (`:role ic`, `:role ic me`).
  const claimed = await Promise.all([anaStore.getState().timelineActions!.incident.role(['ic']), boStore.getState().timelineActions!.incident.role(['ic', 'me'])]);
  assert.equal(claimed.filter(Boolean).length, 1, `exactly one console became commander (${JSON.stringify(claimed)})`);
  const [icWinner, icLoser] = claimed[0] ? consoles : [consoles[1], consoles[0]];
  assert.match(icLoser.store.getState().flash?.text ?? '', new RegExp(`role change refused: ${icWinner.who} became incident commander first`));
  // The loser shows the winner at once (re-read from the server), and both agree once the event arrives.
  assert.equal(icLoser.store.getState().incident.roles.ic, icWinner.who);
  for (const { store, machine } of consoles) {
    await waitFor(() => store.getState().incident.roles.ic === icWinner.who, { what: `${machine.operator}’s header: IC ${icWinner.who}` });
    await waitFor(() => machine.timeline().filter((e) => e.kind === 'incident.role').length === 1, { what: `one role change in ${machine.operator}’s journal` });
    assert.deepEqual(machine.timeline().find((e) => e.kind === 'incident.role')?.data, { role: 'ic', from: null, to: icWinner.who });
  }

  // Both change the severity at once, to different levels.
  const raised = await Promise.all([anaStore.getState().statusController!.setSeverity('P1', 'card auth failing'), boStore.getState().statusController!.setSeverity('P0', 'all payments')]);
  assert.equal(raised.filter(Boolean).length, 1, `exactly one severity change went through (${JSON.stringify(raised)})`);
  const [sevWinner, sevLoser, level] = raised[0] ? [consoles[0], consoles[1], 'P1'] : [consoles[1], consoles[0], 'P0'];
  assert.match(sevLoser.store.getState().flash?.text ?? '', new RegExp(`severity change refused: ${sevWinner.who} set severity ${level} first`));
  for (const { store, machine } of consoles) {
    await waitFor(() => store.getState().incident.severity === level, { what: `${machine.operator}’s header: ${level}` });
    await waitFor(() => machine.timeline().filter((e) => e.kind === 'incident.severity').length === 1, { what: `one severity change in ${machine.operator}’s journal` });
    assert.equal(machine.timeline().find((e) => e.kind === 'incident.severity')?.operator, sevWinner.who, 'the loser recorded no change it lost');
  }

  // The loser, now knowing the current level, changes it normally.
  assert.equal(await sevLoser.store.getState().statusController!.setSeverity('P2', 'contained'), true);
  await waitFor(() => sevWinner.store.getState().incident.severity === 'P2', { what: 'the next change reaches the other console' });
});
