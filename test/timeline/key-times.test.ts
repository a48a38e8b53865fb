// Key times, roles and severity history derived from events: the rules each milestone follows,
// hand corrections winning, role handovers, time at each severity, who an event belongs to.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorOf, actorText } from '../../src/timeline/actor.js';
import type { TimelineEvent } from '../../src/timeline/event.js';
import { keyTimes } from '../../src/timeline/key-times.js';
import { responders, roleHistory } from '../../src/timeline/roles.js';
import { severityHistory } from '../../src/timeline/severity-history.js';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const s = (seconds: number): number => T0 + seconds * 1000;
let n = 0;
function ev(at: number, operator: string, kind: string, data: Record<string, unknown> = {}, extra: Partial<TimelineEvent> = {}): TimelineEvent {
  n += 1;
  return { v: 1, id: `k${n}`, ts: at, operator, kind, data, ...extra };
}
const opened = ev(s(0), 'ana', 'incident.opened', { title: 't', severity: 'P2' });
const down = (at: number, service = 'api') => ev(at, 'warroom', 'check.state', { service, check: `${service}#0`, from: 'UP', to: 'DOWN' }, { console: 'ana' });
const up = (at: number, service = 'api') => ev(at, 'warroom', 'check.state', { service, check: `${service}#0`, from: 'DOWN', to: 'UP' }, { console: 'ana' });

test('detected is the first failure seen; warn is not a failure, crit and error-rate episodes are', () => {
  const cases: [TimelineEvent[], number | null][] = [
    [[opened], null],
    [[opened, ev(s(5), 'warroom', 'metric.threshold', { panel: 'p', from: 'ok', to: 'warn' }), ev(s(9), 'warroom', 'metric.threshold', { panel: 'p', from: 'warn', to: 'crit' })], s(9)],
    [[opened, ev(s(7), 'warroom', 'log.error-rate', { source: 'api', perMinute: 40 }), down(s(8))], s(7)],
    [[opened, down(s(8))], s(8)],
  ];
  for (const [events, expected] of cases) assert.equal(keyTimes(events).milestones.detected.at, expected);
});

test('acknowledged: an explicit :ack whenever it came, else the first human action after detection; presence and backfill do not count', () => {
  const joined = ev(s(1), 'bo', 'operator.joined', { mode: 'live' });
  const earlyNote = ev(s(2), 'ana', 'note', { text: 'watching' });
  const backfilled = ev(s(3), 'ana', 'note', { text: 'deploy went out' }, { backfilled: true });
  const step = ev(s(20), 'bo', 'runbook.step', { status: 'ran' });
  const timesOf = (events: TimelineEvent[]) => keyTimes(events).milestones.acknowledged;
  assert.equal(timesOf([opened, joined, earlyNote, backfilled, down(s(10)), step]).at, s(20));
  assert.equal(timesOf([opened, joined, earlyNote, backfilled, down(s(10)), step]).by, 'bo');
  assert.equal(timesOf([opened, down(s(10)), ev(s(15), 'ana', 'incident.acknowledged'), step]).at, s(15));
  assert.match(timesOf([opened, down(s(10)), ev(s(15), 'ana', 'incident.acknowledged')]).how, /^:ack by ana$/);
  // warroom's own events are not anyone acknowledging: an old journal's automated kinds neither.
  assert.equal(timesOf([opened, down(s(10)), ev(s(12), 'ana', 'check.state', { service: 'x', check: 'x', to: 'DOWN' })]).at, null);
  // A console claiming an automatic page, and that page, are not a person acting either.
  const claim = ev(s(11), 'ana', 'escalation.claimed', { key: 'page:0:oncall', contact: 'oncall', step: 0 });
  const autoPage = ev(s(12), 'warroom', 'escalation.sent', { contact: 'oncall', channel: 'webhook', purpose: 'page', reason: 'policy (auto)' }, { console: 'ana' });
  assert.equal(timesOf([opened, down(s(10)), claim, autoPage]).at, null);
});

test('mitigated: the board all clear after detection, for good; null while something is still bad', () => {
  const crit = ev(s(12), 'warroom', 'metric.threshold', { panel: 'p', from: 'ok', to: 'crit' });
  const ok = ev(s(40), 'warroom', 'metric.threshold', { panel: 'p', from: 'crit', to: 'ok' });
  assert.equal(keyTimes([opened, down(s(10)), crit, up(s(30)), ok]).milestones.mitigated.at, s(40));
  assert.equal(keyTimes([opened, down(s(10)), up(s(30)), down(s(50), 'db')]).milestones.mitigated.at, null);
  assert.equal(keyTimes([opened, down(s(10)), up(s(30)), down(s(50), 'db'), up(s(70), 'db')]).milestones.mitigated.at, s(70));
});

test('a hand-set milestone wins, the latest setting of a name wins, and resolved only counts while resolved', () => {
  const events = [
    opened,
    down(s(10)),
    up(s(30)),
    ev(s(60), 'ana', 'incident.milestone', { name: 'mitigated', at: s(25) }),
    ev(s(70), 'bo', 'incident.milestone', { name: 'mitigated', at: s(22), text: 'traffic drained' }),
    ev(s(80), 'ana', 'incident.milestone', { name: 'started', at: s(-120) }),
    ev(s(90), 'ana', 'incident.milestone', { name: 'resolved', at: s(85) }),
  ];
  const { milestones, durations } = keyTimes(events);
  assert.equal(milestones.mitigated.at, s(22));
  assert.equal(milestones.mitigated.source, 'hand');
  assert.match(milestones.mitigated.how, /^set by bo at 2026-12-03 09:01:10 UTC$/);
  assert.equal(milestones.started.at, s(-120));
  assert.equal(durations.toDetect, 130_000);
  assert.equal(milestones.resolved.at, null, 'not resolved: a hand-set time does not resolve it');
  const resolved = keyTimes([...events, ev(s(100), 'ana', 'incident.resolved', { text: 'ok' })]).milestones.resolved;
  assert.deepEqual([resolved.at, resolved.source], [s(85), 'hand']);
});

test('roles: claims, handovers and releases make spans; responders list people with roles, joined and left', () => {
  const events = [
    opened,
    ev(s(1), 'ana', 'operator.joined', { mode: 'live' }),
    ev(s(5), 'ana', 'incident.role', { role: 'ic', from: null, to: 'ana' }),
    ev(s(6), 'ana', 'incident.role', { role: 'comms', from: null, to: 'cy' }),
    ev(s(8), 'bo', 'operator.joined', { mode: 'read-only' }),
    ev(s(10), 'ana', 'incident.role', { role: 'ic', from: 'ana', to: 'bo' }),
    ev(s(12), 'cy', 'incident.role', { role: 'comms', from: 'cy', to: null }),
    ev(s(20), 'bo', 'operator.left', { mode: 'read-only' }),
    down(s(21)),
  ];
  const { holders, spans } = roleHistory(events);
  assert.deepEqual(holders, { ic: 'bo', scribe: null, comms: null });
  assert.deepEqual(spans.map((x) => [x.role, x.who, x.from, x.to]), [
    ['ic', 'ana', s(5), s(10)],
    ['comms', 'cy', s(6), s(12)],
    ['ic', 'bo', s(10), null],
  ]);
  const people = responders(events);
  assert.deepEqual(people.map((p) => [p.name, p.joinedAt, p.leftAt, p.roles.map((r) => r.role)]), [
    ['ana', s(0), null, ['ic']],
    ['bo', s(8), s(20), ['ic']],
    ['cy', s(6), null, ['comms']],
  ]);
  assert.ok(!people.some((p) => p.name === 'warroom'), 'warroom is not a responder');
});

test('severity history: changes with who and why, time at each level, and suggestions followed or not', () => {
  const events = [
    opened,
    ev(s(100), 'warroom', 'incident.severity-suggested', { from: 'P2', to: 'P1', reason: 'api DOWN for 2m 00s' }, { console: 'ana' }),
    ev(s(130), 'ana', 'incident.severity', { from: 'P2', to: 'P1', reason: 'all checkouts fail' }),
    ev(s(400), 'bo', 'incident.severity', { from: 'P1', to: 'P3' }),
  ];
  const h = severityHistory(events, s(0), s(600));
  assert.deepEqual(h.changes.map((c) => [c.at, c.from, c.to, c.by, c.reason]), [
    [s(130), 'P2', 'P1', 'ana', 'all checkouts fail'],
    [s(400), 'P1', 'P3', 'bo', ''],
  ]);
  assert.deepEqual(h.timeAt, [
    { severity: 'P1', durationMs: 270_000 },
    { severity: 'P2', durationMs: 130_000 },
    { severity: 'P3', durationMs: 200_000 },
  ]);
  assert.equal(h.current, 'P3');
  assert.equal(h.suggestions[0]!.followedAt, s(130));
  assert.equal(severityHistory(events.slice(0, 2), s(0), s(600)).suggestions[0]!.followedAt, null);
});

test('automated events are warroom\'s, naming the console; old journals\' automated kinds read the same way', () => {
  const fresh = down(s(1));
  const old = ev(s(2), 'root@vm', 'metric.threshold', { panel: 'p', to: 'crit' });
  const person = ev(s(3), 'ana', 'note', { text: 'x' });
  assert.deepEqual(actorOf(fresh), { who: 'warroom', console: 'ana', automated: true });
  assert.equal(actorText(old), 'warroom (seen by root@vm)');
  assert.equal(actorText(person), 'ana');
});
