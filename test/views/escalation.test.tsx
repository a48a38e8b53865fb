import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startActionsConsole } from '../actions/console-setup.js';
import { KEYS } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

type Console = Awaited<ReturnType<typeof startActionsConsole>>;
const lastLine = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';

async function colon(c: Console, line: string, expect?: (f: string) => boolean) {
  await c.press(':', (f) => lastLine(f).startsWith(':'));
  await c.press(line, (f) => lastLine(f).includes(line));
  await c.press(KEYS.enter, expect);
}

test('u: the editor is pre-filled for the phase with what is down; edited, confirmed with the channels, sent and recorded in full', async () => {
  const c = await startActionsConsole();
  try {
    await c.press('u', (f) => f.includes('Status update · phase: INVESTIGATING'));
    const frame = c.ui.frame();
    assert.ok(frame.includes('[INVESTIGATING] INC-7 Checkout returning 5xx — P2'), frame);
    assert.ok(frame.includes('Impact: checkout-api http :8000: DOWN (HTTP 503)'), frame);
    assert.ok(frame.includes('Next update:'), frame);
    await c.press(KEYS.tab, (f) => f.includes('phase: IDENTIFIED') && f.includes('[IDENTIFIED]'));
    await c.press(KEYS.down, (f) => f.includes('› The cause has been identified'));
    await c.press('\x05', (f) => f.includes('in progress.'));
    await c.press(' Bad deploy 4f2c.', (f) => f.includes('Bad deploy 4f2c.'));
    await c.press('\x13', (f) => f.includes('Send the identified status update?'));
    assert.ok(c.ui.frame().includes('To: tech-lead slack, eng-manager webhook'), c.ui.frame());
    await c.press('y');
    await waitFor(() => c.sink.received.length === 2, { what: 'update delivered', timeoutMs: 30_000 });
    const slack = c.sink.received.find((r) => r.path.includes('SLACKSECRET'))!.body as { text: string };
    assert.ok(slack.text.includes('The cause has been identified and a fix is in progress. Bad deploy 4f2c.'), slack.text);
    const event = (await waitFor(() => c.recorder.ofKind('status.update')[0], { what: 'status.update recorded', timeoutMs: 30_000 })).data;
    assert.equal(event.phase, 'identified');
    assert.equal(event.text, slack.text);
    assert.equal(c.store.getState().escalation.phase, 'identified');
  } finally {
    await c.close();
  }
});

test('declining the send returns to the editor with the text as edited', async () => {
  const c = await startActionsConsole();
  try {
    await c.press('u', (f) => f.includes('Status update · phase'));
    await c.press('NOTE ', (f) => f.includes('NOTE '));
    await c.press('\x13', (f) => f.includes('Send the investigating status update?'));
    await c.press('n', (f) => f.includes('Status update · phase') && f.includes('NOTE '));
    await c.press(KEYS.escape, (f) => !f.includes('Status update · phase'));
    assert.equal(c.sink.received.length, 0);
    assert.equal(c.recorder.ofKind('status.update').length, 0);
  } finally {
    await c.close();
  }
});

test(':severity P1 records the change and the header shows it with the new response target', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'severity P1', (f) => f.split('\n')[0]!.includes('│ P1 │') && f.split('\n')[0]!.includes('/ 15m'));
    assert.deepEqual(c.recorder.ofKind('incident.severity')[0]!.data, { from: 'P2', to: 'P1' });
    await colon(c, 'severity P0 every region down, payments too', (f) => f.split('\n')[0]!.includes('│ P0 │'));
    assert.deepEqual(c.recorder.ofKind('incident.severity')[1]!.data, { from: 'P1', to: 'P0', reason: 'every region down, payments too' });
    await colon(c, 'severity P9', (f) => f.includes('not a severity: P9'));
  } finally {
    await c.close();
  }
});

test(':resolve asks for a summary, resolves PagerDuty, sends the final update and marks the incident resolved', async () => {
  const c = await startActionsConsole();
  try {
    await colon(c, 'resolve', (f) => f.includes('Resolve INC-7?'));
    assert.ok(c.ui.frame().includes('PagerDuty: resolve the alert (oncall)'));
    await c.press('Rolled back deploy 4f2c', (f) => f.includes('Rolled back deploy 4f2c'));
    await c.press(KEYS.enter, (f) => f.includes('RESOLVED'));
    await waitFor(() => c.sink.received.length === 3, { what: 'resolve + final update', timeoutMs: 30_000 });
    const pd = c.sink.received.find((r) => r.path === '/v2/enqueue')!.body;
    assert.deepEqual(pd, { routing_key: 'ROUTINGKEY-abcdef-123456', event_action: 'resolve', dedup_key: 'INC-7' });
    const hook = c.sink.received.find((r) => r.path === '/hook')!.body as Record<string, unknown>;
    assert.equal(hook.type, 'status-update');
    assert.equal(hook.phase, 'resolved');
    assert.match(String(hook.text), /The incident is resolved\. Rolled back deploy 4f2c/);
    assert.deepEqual(c.recorder.ofKind('incident.resolved')[0]!.data, { text: 'Rolled back deploy 4f2c' });
    assert.notEqual(c.store.getState().incident.resolvedAt, null);
    assert.equal(c.store.getState().escalation.next, null, 'no escalation after resolution');
  } finally {
    await c.close();
  }
});

test('P pages the next contact after a confirmation naming who; the header counts down to the one after', async () => {
  const c = await startActionsConsole();
  try {
    await waitFor(() => c.ui.frame().split('\n')[0]!.includes('☎ tech-lead in 59m'), { what: 'countdown', timeoutMs: 30_000 });
    await c.press('P', (f) => f.includes('Page tech-lead now?') && f.includes('slack (@lead)'));
    await c.press('y');
    await waitFor(() => c.sink.received.length === 1, { what: 'slack page', timeoutMs: 30_000 });
    assert.match((c.sink.received[0]!.body as { text: string }).text, /^@lead :rotating_light: Paging tech-lead: INC-7/);
    await waitFor(() => c.ui.frame().split('\n')[0]!.includes('☎ eng-manager in 1h59m'), { what: 'next countdown', timeoutMs: 30_000 });
    assert.equal((await waitFor(() => c.recorder.ofKind('escalation.sent')[0])).data.contact, 'tech-lead');
  } finally {
    await c.close();
  }
});

test('a failed page is loud: the header shows it in red words, and it is recorded without secrets', async () => {
  const c = await startActionsConsole();
  try {
    c.sink.statuses = [403];
    await colon(c, 'page tech-lead', (f) => f.includes('Page tech-lead now?'));
    await c.press('y', (f) => f.split('\n')[0]!.includes('✖ paging tech-lead via slack failed: HTTP 403'));
    const recorded = JSON.stringify(c.recorder.events);
    assert.ok(recorded.includes('"status":403'));
    assert.ok(!recorded.includes('SLACKSECRET') && !c.ui.frame().includes('SLACKSECRET'));
  } finally {
    await c.close();
  }
});

test('a due step is announced in the header and recorded, without a dialog taking the screen', async () => {
  const c = await startActionsConsole();
  try {
    c.store.getState().setIncident({ startedAt: Date.now() - 61 * 60_000 });
    await c.press('', (f) => f.split('\n')[0]!.includes('☎ tech-lead DUE — P pages'));
    assert.deepEqual(c.recorder.ofKind('escalation.prompted').map((e) => e.data.contact), ['tech-lead']);
    assert.equal(c.store.getState().dialog, null);
    assert.ok(c.ui.frame().includes('1 Status'));
    await c.press('P', (f) => f.includes('Page tech-lead now?'));
  } finally {
    await c.close();
  }
});
