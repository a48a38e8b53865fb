import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { waitFor } from '../helpers/wait-for.js';
import { startSink, type HttpSink } from './http-sink.js';
import { escalationSetup, T0 } from './setup.js';

let sink: HttpSink;
before(async () => (sink = await startSink()));
after(() => sink.close());

function policy(auto: boolean) {
  return {
    auto,
    policy: [
      { afterMs: 0, notify: 'oncall' },
      { afterMs: 15 * 60_000, notify: 'tech-lead' },
      { afterMs: 30 * 60_000, notify: 'eng-manager' },
    ],
    contacts: Object.fromEntries(['oncall', 'tech-lead', 'eng-manager'].map((name) => [name, { name, webhook: { url: `${sink.url}/${name}`, headers: {} } }])),
  };
}

test('auto: each step pages when the incident clock reaches it, in order, and the header learns the next one', async () => {
  sink.received.length = 0;
  const { controller, clock, store, recorder } = escalationSetup(policy(true));
  controller.start();
  assert.deepEqual(store.getState().escalation.next, { contact: 'oncall', dueAt: T0 });
  clock.advance(0);
  await waitFor(() => sink.received.length === 1, { what: 'oncall paged' });
  assert.deepEqual(store.getState().escalation.next, { contact: 'tech-lead', dueAt: T0 + 15 * 60_000 });
  clock.advance(14 * 60_000);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(sink.received.length, 1, 'not before 15m');
  clock.advance(60_000);
  await waitFor(() => sink.received.length === 2, { what: 'tech-lead paged' });
  assert.equal(sink.received[1]!.path, '/tech-lead');
  clock.advance(15 * 60_000);
  await waitFor(() => sink.received.length === 3, { what: 'eng-manager paged' });
  // The sink has the request before the pager has its answer and records the send.
  await waitFor(() => recorder.ofKind('escalation.sent').length === 3, { what: 'the third page recorded' });
  assert.equal(store.getState().escalation.next, null);
  assert.deepEqual(recorder.ofKind('escalation.sent').map((e) => e.data.contact), ['oncall', 'tech-lead', 'eng-manager']);
  assert.equal(recorder.ofKind('escalation.prompted').length, 0);
  controller.stop();
  assert.equal(clock.pending(), 0);
});

test('not auto: a due step prompts the lead (recorded, header and flash, no dialog) and P then pages exactly that contact', async () => {
  sink.received.length = 0;
  const { controller, clock, store, recorder } = escalationSetup(policy(false));
  controller.start();
  clock.advance(0);
  assert.deepEqual(recorder.ofKind('escalation.prompted').map((e) => e.data.contact), ['oncall']);
  assert.equal(store.getState().dialog, null, 'a timer never opens a dialog');
  assert.match(store.getState().flash?.text ?? '', /escalation due: oncall — press P/);
  assert.deepEqual(store.getState().escalation.next, { contact: 'oncall', dueAt: T0 }, 'still next until paged');
  clock.advance(15 * 60_000);
  assert.deepEqual(recorder.ofKind('escalation.prompted').map((e) => e.data.contact), ['oncall', 'tech-lead']);
  assert.equal(sink.received.length, 0, 'nothing is sent without the lead');
  const paging = controller.pageNext();
  await waitFor(() => store.getState().dialog?.title === 'Page oncall now?', { what: 'confirmation naming oncall' });
  assert.ok(store.getState().dialog!.lines.some((l) => l.includes('Who:      oncall')));
  assert.ok(store.getState().dialog!.lines.some((l) => l.includes('(due now)')));
  store.getState().closeDialog('yes');
  await paging;
  assert.equal(sink.received[0]!.path, '/oncall');
  assert.deepEqual(store.getState().escalation.next, { contact: 'tech-lead', dueAt: T0 + 15 * 60_000 });
  clock.advance(60 * 60_000);
  assert.equal(recorder.ofKind('escalation.prompted').length, 3, 'each step is announced once');
  controller.stop();
});

test('P before a step is due pages it early after naming who; declining changes nothing', async () => {
  sink.received.length = 0;
  const { controller, store } = escalationSetup({ ...policy(false), policy: policy(false).policy.slice(1) });
  controller.start();
  let paging = controller.pageNext();
  await waitFor(() => store.getState().dialog?.title === 'Page tech-lead now?', { what: 'confirmation' });
  assert.ok(store.getState().dialog!.lines.some((l) => l.includes('due in 15m00s')));
  store.getState().closeDialog(null);
  assert.equal(await paging, null);
  assert.equal(store.getState().escalation.next?.contact, 'tech-lead');
  paging = controller.pageNext();
  await waitFor(() => store.getState().dialog !== null);
  store.getState().closeDialog('yes');
  await paging;
  assert.equal(sink.received.length, 1);
  assert.equal(store.getState().escalation.next?.contact, 'eng-manager');
  controller.stop();
});

test(':page pages any configured contact; an unknown one is a plain message', async () => {
  sink.received.length = 0;
  const { controller, store } = escalationSetup(policy(false));
  assert.equal(await controller.pageContact('nobody'), null);
  assert.match(store.getState().flash?.text ?? '', /no contact nobody \(configured: oncall, tech-lead, eng-manager\)/);
  const paging = controller.pageContact('eng-manager');
  await waitFor(() => store.getState().dialog?.title === 'Page eng-manager now?');
  store.getState().closeDialog('yes');
  assert.equal((await paging)?.delivered, 1);
});

test('dry-run: pages are recorded as dry-run and nothing is sent', async () => {
  sink.received.length = 0;
  const { controller, clock, recorder } = escalationSetup(policy(true), { mode: 'dry-run' });
  controller.start();
  clock.advance(0);
  await waitFor(() => recorder.ofKind('escalation.sent').length === 1);
  assert.equal(recorder.ofKind('escalation.sent')[0]!.data.dryRun, true);
  assert.equal(sink.received.length, 0);
  controller.stop();
});

test('read-only: no page from P, :page or the policy timer; the countdown still shows', async () => {
  sink.received.length = 0;
  const { controller, clock, store, recorder } = escalationSetup(policy(true), { mode: 'read-only' });
  controller.start();
  assert.equal(store.getState().escalation.next?.contact, 'oncall');
  clock.advance(40 * 60_000);
  assert.equal(await controller.pageNext(), null);
  assert.equal(await controller.pageContact('oncall'), null);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(sink.received.length, 0);
  assert.equal(recorder.events.length, 0);
  assert.equal(store.getState().dialog, null);
  controller.stop();
});

test('a reopened console skips the steps this incident already paged or prompted', async () => {
  const { controller, store } = escalationSetup(policy(false));
  controller.restore([
    { kind: 'escalation.prompted', data: { contact: 'oncall' } },
    { kind: 'escalation.sent', data: { contact: 'oncall', channel: 'webhook', purpose: 'page', reason: 'x' } },
    { kind: 'escalation.sent', data: { contact: 'tech-lead', channel: 'slack', purpose: 'status-update' } },
  ]);
  controller.start();
  assert.deepEqual(store.getState().escalation.next, { contact: 'tech-lead', dueAt: T0 + 15 * 60_000 });
  controller.stop();
});

test('the countdown follows a corrected start time, and stops when another console resolves', async () => {
  const { controller, store, clock } = escalationSetup(policy(true));
  controller.restore([{ kind: 'escalation.sent', data: { contact: 'oncall', purpose: 'page' } }]);
  controller.start();
  store.getState().setIncident({ startedAt: T0 - 10 * 60_000 });
  assert.deepEqual(store.getState().escalation.next, { contact: 'tech-lead', dueAt: T0 + 5 * 60_000 });
  store.getState().setIncident({ resolvedAt: T0 + 60_000 });
  assert.equal(store.getState().escalation.next, null);
  assert.equal(clock.pending(), 0);
});
