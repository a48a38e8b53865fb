// :role, :milestone and :ack on the engine side, and the severity advisor: what each records,
// what it refuses (read-only, bad input), and that advice is a prompt, never a change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { SeverityAdvisor } from '../../src/status-updates/severity-advice.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { IncidentControls } from '../../src/timeline/incident-controls.js';

const NOW = Date.UTC(2026, 11, 3, 14, 30, 0);

function setup(mode: ConsoleMode = 'live') {
  const store = createWarroomStore();
  store.getState().setIncident({ id: 'INC-1', operator: 'ana@bastion', mode, severity: 'P2', startedAt: NOW - 600_000 });
  const recorder = new MemoryRecorder();
  return { store, recorder, controls: new IncidentControls(store, recorder, () => NOW), flash: () => store.getState().flash?.text ?? '' };
}

test(':role claims for the operator (no name or `me`), hands over to a name, releases with none; each is one event', async () => {
  const { store, recorder, controls, flash } = setup();
  assert.equal(await controls.role(['ic']), true);
  assert.equal(await controls.role(['scribe', 'bo@laptop']), true);
  assert.equal(await controls.role(['IC', 'cy']), true);
  assert.equal(await controls.role(['scribe', 'none']), true);
  assert.deepEqual(recorder.ofKind('incident.role').map((e) => e.data), [
    { role: 'ic', from: null, to: 'ana@bastion' },
    { role: 'scribe', from: null, to: 'bo@laptop' },
    { role: 'ic', from: 'ana@bastion', to: 'cy' },
    { role: 'scribe', from: 'bo@laptop', to: null },
  ]);
  assert.deepEqual(store.getState().incident.roles, { ic: 'cy', scribe: null, comms: null });
  assert.equal(await controls.role(['ic', 'cy']), false, 'no change, no event');
  assert.match(flash(), /cy is already incident commander/);
  assert.equal(await controls.role(['boss']), false);
  assert.match(flash(), /usage: :role ic\|scribe\|comms .*not a role: boss/);
  assert.equal(await controls.role(['comms', 'me']), true);
  assert.deepEqual(recorder.ofKind('incident.role').at(-1)?.data, { role: 'comms', from: null, to: 'ana@bastion' });
  assert.equal(recorder.ofKind('incident.role').length, 5);
});

test(':milestone takes the :note time syntax, corrects by hand, and refuses nonsense', () => {
  const { store, recorder, controls, flash } = setup();
  assert.equal(controls.milestone('mitigated 14:02:30Z rolled back deploy 4812'), true);
  assert.equal(controls.milestone('detect'), true);
  assert.deepEqual(recorder.ofKind('incident.milestone').map((e) => e.data), [
    { name: 'mitigated', at: Date.UTC(2026, 11, 3, 14, 2, 30), text: 'rolled back deploy 4812' },
    { name: 'detected', at: NOW },
  ]);
  assert.equal(store.getState().incident.milestones.mitigated, Date.UTC(2026, 11, 3, 14, 2, 30));
  assert.equal(controls.milestone('mitigated 25:99'), false);
  assert.match(flash(), /not a time: 25:99/);
  assert.equal(controls.milestone('fixed'), false);
  assert.match(flash(), /not a milestone: fixed/);
  assert.equal(controls.milestone('resolved 14:10'), false);
  assert.match(flash(), /not resolved: use :resolve/);
  assert.equal(recorder.ofKind('incident.milestone').length, 2);
});

test(':ack records an acknowledgement; a read-only console refuses roles, milestones and acks', async () => {
  const live = setup();
  assert.equal(live.controls.ack('on it'), true);
  assert.deepEqual(live.recorder.ofKind('incident.acknowledged').map((e) => e.data), [{ text: 'on it' }]);
  assert.equal(live.store.getState().incident.milestones.acknowledged, NOW);
  const screen = setup('read-only');
  assert.equal(await screen.controls.role(['ic']), false);
  assert.equal(screen.controls.milestone('mitigated'), false);
  assert.equal(screen.controls.ack(''), false);
  assert.match(screen.flash(), /read-only console: acknowledgement refused/);
  assert.deepEqual(screen.recorder.events, []);
});

test('a service DOWN for minutes while P2 prompts a raise once, and never changes the severity', () => {
  const { store, recorder, flash } = setup();
  let now = NOW;
  const advisor = new SeverityAdvisor(store, recorder, () => now);
  store.getState().registerCheckRows([{ id: 'api#0', service: 'checkout-api', check: 'http', target: 'x', order: 0 } as never]);
  store.getState().applyCheckBatch([{ row: { id: 'api#0', service: 'checkout-api', check: 'http', target: 'x', order: 0 } as never, at: NOW, raw: 'DOWN', state: 'DOWN', reason: 'refused', latencyMs: null, since: NOW }]);
  assert.equal(advisor.check(), null, 'DOWN for a moment is not yet worth a prompt');
  now = NOW + 125_000;
  const advice = advisor.check();
  assert.deepEqual(advice && [advice.from, advice.to], ['P2', 'P1']);
  // (The duration's spelling belongs to the one duration formatter.)
  assert.match(advice!.reason, /^checkout-api DOWN for 2m ?05s$/);
  assert.match(flash(), /checkout-api DOWN for 2m ?05s while P2: raise it\? :severity P1/);
  assert.deepEqual(recorder.ofKind('incident.severity-suggested').map((e) => e.data.to), ['P1']);
  assert.equal(store.getState().incident.severity, 'P2', 'a prompt, not a change');
  now += 60_000;
  assert.equal(advisor.check(), null, 'once per suggested raise');
  store.getState().setSeverity('P1');
  assert.equal(advisor.check(), null, 'nothing to suggest at P1');
  assert.equal(recorder.ofKind('incident.severity-suggested').length, 1);
});
