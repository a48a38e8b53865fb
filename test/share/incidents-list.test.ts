// `warroom incidents` with `share:` against a REAL nats-server -js: this machine's incidents and
// the team's shared ones in one list, each marked shared, shared but not here (join it with
// --incident ID) or local only, in the table and in --json; the shared state (severity raised,
// resolved elsewhere) is what the list says. Server down: the local list, one line why, exit 0.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ShareConfig } from '../../src/config/integration-types.js';
import { changeSeverity } from '../../src/timeline/incident-changes.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { isOneLine, runWarroom } from '../cli/run-from-source.js';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { Machine } from './machine.js';

const missing = natsServerMissing();
let server: NatsServer;
let share: ShareConfig;
const cleanup: (() => Promise<void> | void)[] = [];

before(async () => {
  if (missing) return;
  server = await NatsServer.start();
  share = { servers: [server.url], stream: 'WARROOM' };
});
after(async () => {
  for (const step of cleanup.reverse()) await step();
  await server?.close();
});

/** A config file on `machine`'s folder sharing through the test's server. */
function configFor(dir: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'warroom-list-config-')), 'warroom.yaml');
  cleanup.push(() => rmSync(join(path, '..'), { recursive: true, force: true }));
  writeFileSync(path, ['incident:', '  title: list test', 'services: []', 'timeline:', `  dir: ${JSON.stringify(dir)}`, 'share:', `  nats: "${server.url}"`, ''].join('\n'));
  return path;
}

async function online(machine: Machine): Promise<void> {
  await waitFor(() => machine.status?.state === 'online' && machine.status.unsynced === 0, { what: `${machine.operator} shared`, timeoutMs: 20_000 });
}

test('incidents lists shared incidents too, marked; server down: the local list and one line why, exit 0', { skip: missing ?? false, timeout: 180_000 }, async () => {
  // ana's laptop: one incident shared (severity raised through the server), one never shared.
  const ana = Machine.open(share, 'ana', 'checkout 5xx').startSharing();
  cleanup.push(async () => {
    await ana.quit();
    ana.remove();
  });
  await online(ana);
  assert.equal((await changeSeverity(ana.journal, { from: 'P2', to: 'P1', reason: 'card auth failing' })).done, true);
  const localOnly = openIncident(ana.dir, { title: 'staging disk full', severity: 'P4', operator: 'ana', follow: false });
  localOnly.close();
  // cy's laptop: an incident ana's machine has never seen, resolved there.
  const cy = Machine.open(share, 'cy', 'search \x1b[31mred\x1b[0m down').startSharing();
  cleanup.push(async () => {
    await cy.quit();
    cy.remove();
  });
  await online(cy);
  // Raised, then resolved: the list reads the level from the shared state (the last event is the resolution).
  assert.equal((await changeSeverity(cy.journal, { from: 'P2', to: 'P0' })).done, true);
  assert.equal((await cy.journal.changeState({ field: 'resolved', from: null, to: 'cy' })).ok, true);
  cy.journal.record('incident.resolved', { text: 'reindexed' });
  await online(cy);
  await online(ana);

  const config = configFor(ana.dir);
  const json = runWarroom(ana.dir, 'incidents', '--json', '--config', config);
  assert.equal(json.code, 0, json.stderr);
  assert.equal(json.stderr, '');
  const list = JSON.parse(json.stdout) as { id: string; title: string; severity: string; state: string; shared: boolean; here: boolean; operators: string[] }[];
  const byId = new Map(list.map((l) => [l.id, l]));
  assert.equal(list.length, 3, json.stdout);
  assert.deepEqual(pick(byId.get(ana.id)), { title: 'checkout 5xx', severity: 'P1', state: 'open', shared: true, here: true });
  assert.deepEqual(pick(byId.get(localOnly.id)), { title: 'staging disk full', severity: 'P4', state: 'open', shared: false, here: true });
  // Not on this machine: title and start from the stream, the resolution from the shared state.
  assert.deepEqual(pick(byId.get(cy.id)), { title: 'search red down', severity: 'P0', state: 'resolved', shared: true, here: false });
  assert.deepEqual(byId.get(cy.id)?.operators, ['cy']);

  const table = runWarroom(ana.dir, 'incidents', '--config', config);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^ID +SEV +STATE +STARTED +SHARE +OPERATORS +TITLE$/);
  assert.match(lines.find((l) => l.startsWith(cy.id)) ?? '', / P0 +resolved +\S+ \S+ UTC +shared, not here +cy +search red down$/);
  assert.match(lines.find((l) => l.startsWith(ana.id)) ?? '', / P1 +open +\S+ \S+ UTC +shared +ana +checkout 5xx$/);
  assert.match(lines.find((l) => l.startsWith(localOnly.id)) ?? '', / local only +ana +staging disk full$/);
  assert.ok(!table.stdout.includes('\x1b'), 'a title from the stream reaches the terminal without its escape sequences');

  // Server down: this machine's incidents, still marked from what their journals know, one line why.
  await server.stop();
  const down = runWarroom(ana.dir, 'incidents', '--json', '--config', config);
  await server.resume();
  assert.equal(down.code, 0, down.stderr);
  assert.ok(isOneLine(down.stderr), down.stderr);
  assert.match(down.stderr, /^warroom: shared incidents not listed \(this machine's only\): no NATS server answered/);
  const offline = JSON.parse(down.stdout) as { id: string; shared: boolean; here: boolean }[];
  assert.deepEqual(offline.map((l) => [l.id, l.shared, l.here]).sort(), [[ana.id, true, true], [localOnly.id, false, true]].sort());
});

function pick(listing: { title: string; severity: string; state: string; shared: boolean; here: boolean } | undefined) {
  return listing && { title: listing.title, severity: listing.severity, state: listing.state, shared: listing.shared, here: listing.here };
}
