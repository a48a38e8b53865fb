import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { incidentSnapshot } from '../../src/escalation/snapshot.js';
import { startSink, type HttpSink } from './http-sink.js';
import { escalationSetup, T0 } from './setup.js';

let sink: HttpSink;
before(async () => (sink = await startSink()));
after(() => sink.close());

const ROUTING_KEY = 'R0UTINGKEY0123456789abcdef';

function contacts() {
  return {
    auto: false,
    policy: [],
    contacts: {
      oncall: { name: 'oncall', pagerduty: { routingKey: ROUTING_KEY } },
      'tech-lead': { name: 'tech-lead', slack: { webhook: `${sink.url}/services/T000/B000/XXXXSECRETXXXX`, mention: '@tech-lead' } },
      'eng-manager': { name: 'eng-manager', webhook: { url: `${sink.url}/page`, headers: { 'X-Team': 'checkout', Authorization: 'Bearer sup3r-s3cret-value' } } },
    },
  };
}

function withDown(store: ReturnType<typeof escalationSetup>['store']) {
  (store as unknown as { setState: (p: unknown) => void }).setState({
    checks: { ids: ['a', 'b'], rows: { a: { service: 'checkout-api', check: 'http :8000', state: 'DOWN', reason: 'HTTP 503' }, b: { service: 'web', state: 'UP' } } },
  });
}

test('PagerDuty: Events API v2 trigger with dedup_key = incident id, then resolve', async () => {
  sink.received.length = 0;
  const { pager, store, clock } = escalationSetup(contacts(), { pagerdutyUrl: `${sink.url}/v2/enqueue`, secrets: [ROUTING_KEY] });
  withDown(store);
  clock.advance(12 * 60_000);
  const snapshot = incidentSnapshot(store.getState(), clock.now());
  const report = await pager.page('oncall', snapshot, 'test', false);
  assert.deepEqual(report, { delivered: 1, total: 1, failures: [] });
  assert.equal(sink.received[0]!.path, '/v2/enqueue');
  assert.equal(sink.received[0]!.headers['content-type'], 'application/json');
  assert.deepEqual(sink.received[0]!.body, {
    routing_key: ROUTING_KEY,
    event_action: 'trigger',
    dedup_key: 'INC-42',
    payload: {
      summary: '[P1] Checkout returning 5xx',
      source: 'warroom',
      severity: 'critical',
      custom_details: { incident: 'INC-42', elapsed: '12m00s', down: ['checkout-api http :8000: DOWN (HTTP 503)'], operator: 'ana@bastion', contact: 'oncall' },
    },
  });
  await pager.resolve(snapshot, false);
  assert.deepEqual(sink.received[1]!.body, { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: 'INC-42' });
});

test('Slack: incoming webhook text with mention, title, severity, elapsed, what is down and operator', async () => {
  sink.received.length = 0;
  const { pager, store, clock } = escalationSetup(contacts());
  withDown(store);
  clock.advance(7 * 60_000 + 5000);
  await pager.page('tech-lead', incidentSnapshot(store.getState(), clock.now()), 'test', false);
  assert.equal(sink.received[0]!.path, '/services/T000/B000/XXXXSECRETXXXX');
  assert.deepEqual(sink.received[0]!.body, {
    text: [
      '@tech-lead :rotating_light: Paging tech-lead: INC-42 Checkout returning 5xx — P1, open 7m05s',
      'Down:\n• checkout-api http :8000: DOWN (HTTP 503)',
      'Console operator: ana@bastion',
    ].join('\n'),
  });
});

test('generic webhook: the documented payload with the custom headers', async () => {
  sink.received.length = 0;
  const { pager, store, clock } = escalationSetup(contacts());
  clock.advance(60_000);
  await pager.page('eng-manager', incidentSnapshot(store.getState(), clock.now()), 'test', false);
  const got = sink.received[0]!;
  assert.equal(got.path, '/page');
  assert.equal(got.headers['x-team'], 'checkout');
  assert.equal(got.headers.authorization, 'Bearer sup3r-s3cret-value');
  assert.deepEqual(got.body, {
    type: 'page',
    incident: { id: 'INC-42', title: 'Checkout returning 5xx', severity: 'P1', startedAt: new Date(T0).toISOString(), resolvedAt: null, elapsedMs: 60_000 },
    contact: 'eng-manager',
    phase: null,
    text: ':rotating_light: Paging eng-manager: INC-42 Checkout returning 5xx — P1, open 1m00s\nDown:\n• nothing reported down\nConsole operator: ana@bastion',
    down: [],
    operator: 'ana@bastion',
    sentAt: new Date(T0 + 60_000).toISOString(),
  });
});

test('status updates go to each Slack and webhook channel once, not to PagerDuty', async () => {
  sink.received.length = 0;
  const { pager, store, clock } = escalationSetup(contacts(), { pagerdutyUrl: `${sink.url}/v2/enqueue` });
  const report = await pager.statusUpdate('identified', 'Cause found: bad deploy', incidentSnapshot(store.getState(), clock.now()), false);
  assert.equal(report.delivered, 2);
  assert.deepEqual(sink.received.map((r) => r.path).sort(), ['/page', '/services/T000/B000/XXXXSECRETXXXX']);
  const hook = sink.received.find((r) => r.path === '/page')!.body as Record<string, unknown>;
  assert.equal(hook.type, 'status-update');
  assert.equal(hook.phase, 'identified');
  assert.equal(hook.text, 'Cause found: bad deploy');
  assert.deepEqual(pager.statusChannels(), ['tech-lead slack', 'eng-manager webhook']);
});

test('secrets (webhook URLs, routing keys, header values) never reach the timeline or the store', async () => {
  sink.received.length = 0;
  sink.statuses = [200];
  const c = contacts();
  const secrets = [ROUTING_KEY, c.contacts['tech-lead'].slack.webhook, 'Bearer sup3r-s3cret-value'];
  const { pager, store, recorder, clock } = escalationSetup(c, { pagerdutyUrl: `${sink.url}/v2/enqueue`, secrets });
  const snapshot = incidentSnapshot(store.getState(), clock.now());
  for (const name of ['oncall', 'tech-lead', 'eng-manager']) await pager.page(name, snapshot, 'test', false);
  sink.statuses = [404];
  await pager.page('tech-lead', snapshot, 'test', false);
  sink.statuses = [200];
  assert.ok(recorder.events.length >= 4);
  const shown = JSON.stringify({ events: recorder.events, escalation: store.getState().escalation, flash: store.getState().flash });
  for (const secret of [ROUTING_KEY, 'XXXXSECRETXXXX', 'sup3r-s3cret-value', '/services/T000', sink.url]) assert.ok(!shown.includes(secret), `leaked ${secret}`);
});
