// The runbooks capability on a real incident journal: progress restored when the incident is
// reopened, and one operator's steps shown live in another console on the same incident.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { WarroomConfig } from '../../src/config/types.js';
import { Engine } from '../../src/engine/engine.js';
import { runbookCapability } from '../../src/runbooks/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

function configFor(runbook: string, dir: string): WarroomConfig {
  return {
    file: join(dir, 'warroom.yaml'),
    baseDir: dir,
    incident: { title: 'Cache trouble', severity: 'P2', runbook, responseTargets: { P0: 1, P1: 1, P2: 1, P3: 1, P4: 1 } },
    hosts: {},
    services: [],
    timeline: { dir: join(dir, 'incidents'), redact: [] },
    logs: { buffer: 100, errorRateNote: 30 },
    secrets: [],
  };
}

async function consoleOn(config: WarroomConfig, journal: ReturnType<typeof openIncident>) {
  const store = createWarroomStore();
  const engine = new Engine({ config, store, recorder: journal, executor: new RecordingExecutor(), mode: 'live', operator: journal.operator }, [runbookCapability]);
  await engine.start();
  await waitFor(() => store.getState().runbook.doc !== null, { what: 'runbook opened' });
  return { store, engine };
}

test('progress is restored on reopen and another console sees steps live', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-runbook-cap-'));
  const file = join(dir, 'cache.md');
  writeFileSync(file, '# Cache\n\n## Steps\n\n- [ ] look at memory\n- [ ] restart it\n- [ ] tell the channel\n');
  const config = configFor(file, dir);

  const journal = openIncident(config.timeline.dir, { title: 'Cache trouble', severity: 'P2', operator: 'ana', pollMs: 50 });
  const ana = await consoleOn(config, journal);
  const second = resumeIncident(config.timeline.dir, journal.id, { operator: 'bo', pollMs: 50 });
  const bo = await consoleOn(config, second);

  const opensAt = ana.store.getState().runbook.opensAt;
  assert.equal(opensAt.step, 0, 'a fresh runbook opens on its first step');
  assert.equal(ana.store.getState().runbook.actions!.toggleDone(opensAt)?.step, 1, 'the cursor moves to the next open step');
  await waitFor(() => Object.values(bo.store.getState().runbook.states).filter((s) => s.status === 'done').length === 1, { what: "ana's step in bo's console" });
  const anaEvents = journal.events().filter((e) => e.kind === 'runbook.step');
  assert.equal(anaEvents.length, 1, 'nothing is recorded twice');
  assert.equal(anaEvents[0]!.operator, 'ana');

  await ana.engine.stop();
  await bo.engine.stop();
  journal.close();
  second.close();

  const reopened = resumeIncident(config.timeline.dir, journal.id, { operator: 'ana', follow: false });
  const again = await consoleOn(config, reopened);
  const { states, doc } = again.store.getState().runbook;
  // A step not listed is open (only the others are kept).
  assert.deepEqual(doc!.sections.flatMap((s) => s.steps).map((step) => states[step.line]?.status ?? 'open'), ['done', 'open', 'open']);
  assert.equal(Object.keys(states).length, 1);
  assert.equal(again.store.getState().runbook.opensAt.step, 1, 'the runbook opens on the next open step');
  await again.engine.stop();
  assert.equal(again.store.getState().runbook.actions, null, 'stop detaches the controller');
  reopened.close();
});

test('the capability stays off without a runbook or folder, and a missing file is a message in the pane', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-runbook-cap-'));
  const config = configFor(join(dir, 'missing.md'), dir);
  const journal = openIncident(config.timeline.dir, { title: 'x', severity: 'P2', operator: 'ana', follow: false });
  const none = { ...config, incident: { ...config.incident, runbook: undefined } } as WarroomConfig;
  delete none.incident.runbook;
  assert.equal(runbookCapability({ config: none, store: createWarroomStore(), recorder: journal, executor: new RecordingExecutor(), mode: 'live', operator: 'ana' }), null);
  const store = createWarroomStore();
  const engine = new Engine({ config, store, recorder: journal, executor: new RecordingExecutor(), mode: 'live', operator: 'ana' }, [runbookCapability]);
  await engine.start();
  // The runbook opens after start (the parse does not hold the engine's start-up): wait for the message.
  await waitFor(() => /runbook not found/.test(store.getState().runbook.error ?? ''), { what: 'the message in the pane' });
  await engine.stop();
  journal.close();
});
