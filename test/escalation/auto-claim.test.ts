// Two consoles with `escalation.auto: true` on one incident, in separate processes, reach the
// same policy step at the same moment: exactly one pages; the other says who did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIncident } from '../../src/timeline/incidents.js';
import { startSink } from './http-sink.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/auto-pager.ts', import.meta.url));

interface Outcome {
  operator: string;
  outcome: string;
}

/** Starts one console process; `ready` resolves once it runs, `due(at)` sets the step's due time. */
function startConsole(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  const done = new Promise<Outcome>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length).trim()) as Outcome) : reject(new Error(`exit ${code}: ${err}`)))),
  );
  return { ready, done, due: (at: number) => child.stdin.write(`${at}\n`) };
}

test('two consoles, auto paging, the same step due at the same moment: one page, and the other console says who paged', { timeout: 120_000 }, async (t) => {
  const sink = await startSink([200]);
  t.after(() => sink.close());
  const dir = mkdtempSync(join(tmpdir(), 'warroom-auto-claim-'));
  const incident = openIncident(dir, { title: 'auto paging', severity: 'P1', operator: 'parent', follow: false });
  incident.close();
  const consoles = ['ana', 'bo'].map((who) => startConsole([dir, incident.id, who, `${sink.url}/page`]));
  await Promise.all(consoles.map((c) => c.ready));
  const dueAt = Date.now() + 300;
  for (const c of consoles) c.due(dueAt);
  const results = await Promise.all(consoles.map((c) => c.done));

  assert.equal(sink.received.length, 1, 'the contact is paged once');
  const paged = results.filter((r) => r.outcome.startsWith('✔ paged oncall'));
  const told = results.filter((r) => /^☎ oncall is paged by (ana|bo)'s console/.test(r.outcome));
  assert.equal(paged.length, 1, JSON.stringify(results));
  assert.equal(told.length, 1, JSON.stringify(results));
  assert.ok(told[0]!.outcome.includes(`paged by ${paged[0]!.operator}'s`), 'the loser names the winner');

  const events = readFileSync(incident.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { kind: string; operator: string; console?: string });
  // The automatic page and its claim are the console's own: recorded under warroom, naming it.
  assert.ok(events.filter((e) => e.kind === 'escalation.claimed' || e.kind === 'escalation.sent').every((e) => e.operator === 'warroom'), 'automated events are warroom\'s');
  const claims = events.filter((e) => e.kind === 'escalation.claimed');
  // The loser either appended a claim after the winner's or read the winner's before its own turn.
  assert.ok(claims.length >= 1 && claims.length <= 2, `${claims.length} claims`);
  assert.equal(claims[0]!.console, paged[0]!.operator, 'the first claim in the file is the one that paged');
  assert.ok(claims.slice(1).every((c) => c.console !== paged[0]!.operator), 'the winner claimed once');
  assert.deepEqual(events.filter((e) => e.kind === 'escalation.sent').map((e) => e.console), [paged[0]!.operator]);
});
