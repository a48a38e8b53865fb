// Acknowledge = silence, against a real Alertmanager: the silence is created only after a yes,
// with the operator as createdBy and the incident in its comment, and recorded; a read-only
// console refuses and a dry run records without sending; the open incident's silences are
// extended before they lapse, and at its resolution expired (or recorded as kept).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlertmanagerClient } from '../../src/alerts/alertmanager-api.js';
import { SilenceController } from '../../src/alerts/silences.js';
import type { ConsoleMode } from '../../src/mode/console-mode.js';
import { createWarroomStore } from '../../src/store/store.js';
import { describeEvent } from '../../src/timeline/describe.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { useAlertmanager } from './fixtures/real-alertmanager.js';

const alertmanager = useAlertmanager();
const { skip } = alertmanager;

const HOUR = 3_600_000;

/** A controller on a fresh store, with the answers the lead gives queued and the questions kept. */
function controller(options: { mode?: ConsoleMode; answers?: boolean[]; silenceMs?: number; open?: () => boolean; now?: () => number } = {}) {
  const store = createWarroomStore();
  store.getState().setIncident({ id: 'INC-42', title: 'Checkout errors', operator: 'alice', mode: options.mode ?? 'live' });
  const recorder = new MemoryRecorder();
  const questions: { title: string; lines: string[] }[] = [];
  const answers = [...(options.answers ?? [true])];
  const silences = new SilenceController({
    api: new AlertmanagerClient(alertmanager.server().url, [], 5000),
    recorder,
    mode: store,
    confirm: async (question) => {
      questions.push(question);
      return answers.shift() ?? false;
    },
    incident: () => ({ ...store.getState().incident, open: options.open?.() ?? true }),
    showSilences: (list) => store.getState().setAlerts({ silences: list }),
    silenceMs: options.silenceMs ?? HOUR,
    redact: (text) => text.replaceAll('hunter2', '***'),
    ...(options.now ? { now: options.now } : {}),
  });
  // What the journal would echo back: the controller's own events.
  const echo = () => silences.adopt(recorder.events.map((e) => ({ kind: e.kind, ts: e.at, data: e.data })));
  return { store, recorder, questions, silences, echo };
}

const labels = { alertname: 'HighErrorRate', service: 'checkout-api', team: 'checkout' };

async function silenceFor(id: string) {
  return (await alertmanager.server().silences()).find((s) => s.id === id);
}

test('acknowledge: confirmed, then a silence of exactly that alert, by the operator, naming the incident', { skip }, async () => {
  const c = controller();
  assert.equal(await c.silences.acknowledge({ name: 'HighErrorRate', labels }), true);
  assert.equal(c.questions.length, 1);
  assert.match(c.questions[0]!.title, /^Acknowledge HighErrorRate: silence it for 1h\?$/);
  assert.ok(c.questions[0]!.lines.includes('  alertname="HighErrorRate"'));
  const [silenced] = c.recorder.ofKind('alert.silenced');
  assert.ok(silenced, 'recorded on the timeline');
  const id = silenced.data.silenceId as string;
  const held = await silenceFor(id);
  assert.ok(held, 'Alertmanager holds the silence');
  assert.equal(held.status.state, 'active');
  assert.equal(held.createdBy, 'alice');
  assert.equal(held.comment, 'warroom INC-42: Checkout errors (acknowledged by alice)');
  assert.deepEqual(
    held.matchers,
    [
      { name: 'alertname', value: 'HighErrorRate', isRegex: false, isEqual: true },
      { name: 'service', value: 'checkout-api', isRegex: false, isEqual: true },
      { name: 'team', value: 'checkout', isRegex: false, isEqual: true },
    ],
  );
  assert.ok(Math.abs(Date.parse(held.endsAt) - Date.parse(held.startsAt) - HOUR) < 5000, 'lasts the configured hour');
  assert.equal(silenced.data.createdBy, 'alice');
  assert.equal(silenced.data.alert, 'HighErrorRate');
  assert.equal(c.store.getState().alerts.silences.length, 1);
  assert.equal(c.store.getState().alerts.silences[0]!.state, 'active');
  // The alert it mutes is now shown silenced by that id.
  await alertmanager.server().post([{ labels }]);
  const [alert] = await new AlertmanagerClient(alertmanager.server().url, [], 5000).list();
  assert.equal(alert?.state, 'silenced');
  assert.deepEqual(alert?.silencedBy, [id]);
  await alertmanager.server().resolve([labels]);
});

test(':silence with a reason after --: the why goes into the comment, a -- inside a quoted value stays the value', { skip }, async () => {
  const c = controller();
  assert.equal(await c.silences.silenceCommand('alertname="Odd -- name", service="orders-db" 30m -- known: a deploy is rolling back'), true);
  const [silenced] = c.recorder.ofKind('alert.silenced');
  assert.equal(silenced?.data.matchers, 'alertname="Odd -- name", service="orders-db"');
  assert.equal((silenced?.data.endsAt as number) - (silenced?.data.startsAt as number), 30 * 60_000);
  const held = await silenceFor(silenced!.data.silenceId as string);
  assert.equal(held?.comment, 'warroom INC-42: Checkout errors (silenced by alice: known: a deploy is rolling back)');
  assert.ok(c.questions[0]!.lines.some((line) => line.includes('a deploy is rolling back')), 'the reason is shown before sending');
  assert.equal(silenced?.data.reason, 'known: a deploy is rolling back');
  const described = describeEvent({ v: 1, id: 'x', ts: silenced!.at, operator: 'alice', kind: 'alert.silenced', data: silenced!.data });
  assert.match(described, /^Silenced alertname="Odd -- name", service="orders-db" until \d\d:\d\dZ \(silence [\w-]+\) — known: a deploy is rolling back$/);
});

test('a "no" sends nothing and records nothing', { skip }, async () => {
  const before = (await alertmanager.server().silences()).length;
  const c = controller({ answers: [false] });
  assert.equal(await c.silences.silenceCommand('alertname="Nope"'), false);
  assert.equal(c.questions.length, 1);
  assert.equal(c.recorder.events.length, 0);
  assert.equal((await alertmanager.server().silences()).length, before);
});

test('read-only refuses before asking; dry-run asks, records, and sends nothing', { skip }, async () => {
  const before = (await alertmanager.server().silences()).length;
  const ro = controller({ mode: 'read-only' });
  assert.equal(await ro.silences.silenceCommand('alertname="X"'), false);
  assert.equal(ro.questions.length, 0);
  assert.equal(ro.recorder.events.length, 0);
  assert.equal(ro.store.getState().flash?.text, 'read-only console: silence refused');

  const dry = controller({ mode: 'dry-run' });
  assert.equal(await dry.silences.silenceCommand('alertname="X", service=~"checkout-.*" 30m'), true);
  assert.ok(dry.questions[0]!.lines.some((line) => line.startsWith('DRY-RUN')));
  const [recorded] = dry.recorder.ofKind('alert.silenced');
  assert.equal(recorded?.data.dryRun, true);
  assert.equal(recorded?.data.matchers, 'alertname="X", service=~"checkout-.*"');
  assert.equal((recorded?.data.endsAt as number) - (recorded?.data.startsAt as number), 30 * 60_000);
  assert.equal(recorded?.data.silenceId, undefined);
  dry.echo();
  assert.equal(dry.store.getState().alerts.silences[0]?.state, 'dry-run');
  // Nothing to extend or expire in a dry run.
  await dry.silences.extendDue();
  await dry.silences.resolved();
  assert.equal((await alertmanager.server().silences()).length, before, 'Alertmanager was never sent a silence');
});

test(':silence arguments: bad matchers and durations are refused with the reason, nothing asked', { skip }, async () => {
  const c = controller();
  for (const [args, says] of [
    ['', /^:silence: usage: :silence MATCHERS \[DURATION\]/],
    ['team', /^:silence: expected NAME="value"/],
    ['env!="prod"', /at least one matcher must select alerts/],
    ['alertname=~".*"', /at least one matcher must select alerts/],
    ['alertname="X" 30d', /at most 7d/],
  ] as const) {
    assert.equal(await c.silences.silenceCommand(args), false, args);
    assert.match(c.store.getState().flash?.text ?? '', says, args);
  }
  assert.equal(c.questions.length, 0);
});

test('a refusal by Alertmanager is recorded as a failed silence with its reason', { skip }, async () => {
  // A console clock two hours behind: the silence would end in the past, which Alertmanager refuses.
  const c = controller({ now: () => Date.now() - 2 * HOUR - 60_000 });
  assert.equal(await c.silences.silenceCommand('alertname="Past" 1h'), false);
  const [failed] = c.recorder.ofKind('alert.silence-failed');
  assert.ok(failed, 'recorded');
  assert.match(failed.data.error as string, /^HTTP 400/);
  assert.match(c.store.getState().flash?.text ?? '', /^✖ silence not created: HTTP 400/);
});

test('while the incident is open its silences are extended before they lapse; at :resolve expired or kept', { skip }, async () => {
  let skew = 0;
  const c = controller({ answers: [true, true], silenceMs: HOUR, now: () => Date.now() + skew });
  assert.equal(await c.silences.silenceCommand('alertname="Flapping", service="orders-db"'), true);
  c.echo();
  const id = c.recorder.ofKind('alert.silenced')[0]!.data.silenceId as string;
  const firstEnd = Date.parse((await silenceFor(id))!.endsAt);

  await c.silences.extendDue();
  assert.equal(c.recorder.ofKind('alert.silence-extended').length, 0, 'far from lapsing: not extended');

  skew = HOUR - 5 * 60_000; // 5 minutes before it lapses
  await c.silences.extendDue();
  const [extended] = c.recorder.ofKind('alert.silence-extended');
  assert.ok(extended, 'extended');
  c.echo();
  const newId = extended.data.silenceId as string;
  const held = await silenceFor(newId);
  assert.ok(held && held.status.state === 'active');
  assert.ok(Date.parse(held.endsAt) > firstEnd + HOUR - 10 * 60_000, `extended by about an hour: ${held.endsAt}`);
  assert.equal(c.store.getState().alerts.silences[0]!.id, newId);

  await c.silences.resolved();
  assert.match(c.questions.at(-1)!.title, /^Expire the silence this incident created\?$/);
  const [expired] = c.recorder.ofKind('alert.silence-expired');
  assert.equal(expired?.data.silenceId, newId);
  assert.equal((await silenceFor(newId))!.status.state, 'expired');
  c.echo();
  assert.equal(c.store.getState().alerts.silences[0]!.state, 'expired');
});

test('kept at :resolve: recorded as kept, still active in Alertmanager; someone else expiring one is respected', { skip }, async () => {
  let skew = 0;
  const c = controller({ answers: [true, true, false], now: () => Date.now() + skew });
  await c.silences.silenceCommand('alertname="KeepMe"');
  await c.silences.silenceCommand('alertname="ExpiredElsewhere"');
  c.echo();
  const [keep, gone] = c.recorder.ofKind('alert.silenced').map((e) => e.data.silenceId as string);
  // Someone expires the second one in Alertmanager's UI; the next extension pass sees it and lets it be.
  await new AlertmanagerClient(alertmanager.server().url, [], 5000).expire(gone!);
  skew = HOUR - 60_000;
  await c.silences.extendDue();
  c.echo();
  assert.deepEqual(c.recorder.ofKind('alert.silence-expired').map((e) => [e.data.silenceId, e.data.reason]), [[gone, 'expired in Alertmanager']]);
  assert.equal((await silenceFor(gone!))!.status.state, 'expired', 'not brought back');
  skew = 0;

  await c.silences.resolved();
  const [kept] = c.recorder.ofKind('alert.silence-kept');
  assert.ok(kept);
  assert.notEqual(kept.data.silenceId, gone);
  assert.equal((await silenceFor(kept.data.silenceId as string))!.status.state, 'active');
  assert.ok(kept.data.silenceId === keep || c.recorder.ofKind('alert.silence-extended').some((e) => e.data.previousId === keep));
});
