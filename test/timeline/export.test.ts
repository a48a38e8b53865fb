import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
import { exportJson, exportMarkdown } from '../../src/export/index.js';
import { impactWindows, incidentFacts, metricBreaches } from '../../src/export/facts.js';
import type { TimelineEvent } from '../../src/timeline/event.js';
import { CHECKOUT_EVENTS } from './fixtures/checkout-incident.js';

const GOLDEN_MD = new URL('./fixtures/checkout-postmortem.md', import.meta.url);
const GOLDEN_JSON = new URL('./fixtures/checkout-postmortem.json', import.meta.url);
const ID = 'INC-20261122-2341-checkout-api';

/** Compares with a golden file; UPDATE_GOLDEN=1 rewrites it after a deliberate change. */
function golden(path: URL, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.equal(actual, readFileSync(path, 'utf8'));
}

function lintErrors(markdown: string): string {
  const result = lint({ strings: { postmortem: markdown } });
  return result.toString();
}

test('the Markdown post-mortem matches its golden file', () => {
  golden(GOLDEN_MD, exportMarkdown(CHECKOUT_EVENTS, { id: ID }));
});

test('the JSON export matches its golden file and holds the full record', () => {
  const json = exportJson(CHECKOUT_EVENTS, { id: ID });
  golden(GOLDEN_JSON, json);
  const parsed = JSON.parse(json) as { incident: { id: string }; events: TimelineEvent[] };
  assert.equal(parsed.incident.id, ID);
  assert.equal(parsed.events.length, CHECKOUT_EVENTS.length);
});

test('the post-mortem passes markdownlint with its default rules', () => {
  assert.equal(lintErrors(exportMarkdown(CHECKOUT_EVENTS, { id: ID })), '');
});

test('an empty or minimal incident still exports valid Markdown', () => {
  assert.equal(lintErrors(exportMarkdown([], { id: 'INC-empty' })), '');
  const opened = CHECKOUT_EVENTS.slice(0, 1);
  assert.equal(lintErrors(exportMarkdown(opened, { id: ID })), '');
});

const HOSTILE = [
  'pipes | in | cells',
  'emphasis *a* _b_ __c__ **d** ~~e~~',
  '<div>html</div> & entities &amp;',
  'links [x](http://a.example) and https://bare.example.com/path and www.example.com',
  'email someone@example.com and ana@bastion.example.org',
  '# not a heading',
  '`code` and ```fence```',
  '\u001b[2J\u001b]0;title\u0007escapes\ttabs\r\nand newlines',
  '  leading and trailing spaces   ',
  '1. not a list',
  '- not a list either',
  '> not a quote',
  'backslash at end \\',
];

test('hostile text in every field still lints clean and keeps table columns', () => {
  const events: TimelineEvent[] = HOSTILE.flatMap((text, i) => [
    { v: 1, id: `n${i}`, ts: 1_800_000_000_000 + i, operator: text, kind: 'note', data: { text: `todo: ${text} ${'word '.repeat(30)}` } },
    {
      v: 1,
      id: `a${i}`,
      ts: 1_800_000_000_500 + i,
      operator: 'x',
      kind: 'action.finished',
      data: { service: text, action: text, target: text, command: text, exitCode: 1, durationMs: 10 },
    },
    { v: 1, id: `c${i}`, ts: 1_800_000_000_800 + i, operator: 'x', kind: 'check.state', data: { service: text, check: text, from: 'UP', to: 'DOWN' } },
  ]);
  events.unshift({ v: 1, id: 'o', ts: 1_799_999_999_000, operator: 'x', kind: 'incident.opened', data: { title: HOSTILE.join(' '), severity: 'P1' } });
  const md = exportMarkdown(events, { id: 'INC-hostile' });
  assert.equal(lintErrors(md), '');
  assert.ok(!md.includes('\u001b'));
  for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
    const columns = line.replace(/\\\|/g, '').split('|').length;
    const header = md.split('\n').find((l) => l.startsWith('| Time (UTC) | Who | Service'));
    if (line.includes('| exit 1 |') && header) assert.equal(columns, header.split('|').length, line);
  }
});

test('impact windows and durations come from check transitions', () => {
  const end = Date.UTC(2026, 10, 23, 0, 1);
  const windows = impactWindows(incidentFacts(ID, CHECKOUT_EVENTS).events, end);
  assert.deepEqual(
    windows.map((w) => [w.check, w.state, w.durationMs, w.to !== null]),
    [
      ['http /health', 'DEGRADED', 120_000, true],
      ['http /health', 'DOWN', 480_000, true],
      ['postgres', 'DOWN', 60_000, true],
    ],
  );
  const open = impactWindows(
    [{ v: 1, id: 'x', ts: 1000, operator: 'a', kind: 'check.state', data: { service: 's', check: 'c', from: 'UP', to: 'DOWN' } }],
    61_000,
  );
  assert.deepEqual(open.map((w) => [w.to, w.durationMs]), [[null, 60_000]]);
});

test('key times: started, detected, acknowledged, mitigated, resolved, and the durations between them', () => {
  const f = incidentFacts(ID, CHECKOUT_EVENTS);
  const at = (m: number, s = 0): number => Date.UTC(2026, 10, 22, 23, 41 + m, s);
  const { milestones, durations } = f.keyTimes;
  assert.equal(milestones.started.at, at(0));
  // The first failure seen: checkout-api DEGRADED.
  assert.equal(milestones.detected.at, at(1));
  assert.match(milestones.detected.how, /checkout-api http \/health: UP → DEGRADED/);
  // The first thing a person did after it: the severity change (automated events do not count).
  assert.equal(milestones.acknowledged.at, at(4));
  assert.match(milestones.acknowledged.how, /^first action: Severity P2 → P1: every checkout fails \(ana@bastion\)$/);
  // The board all clear for good: postgres back UP, after the 5xx panel left crit.
  assert.equal(milestones.mitigated.at, at(14));
  assert.equal(milestones.resolved.at, at(20));
  assert.deepEqual(durations, { toDetect: 60_000, toAcknowledge: 3 * 60_000, toMitigate: 14 * 60_000, toResolve: 20 * 60_000 });
  assert.equal(f.durationMs, 20 * 60_000);
  assert.equal(f.severity, 'P1');
  assert.deepEqual(f.actionItems, [
    'alert on pool exhaustion before customers notice it, with a runbook link and an owner',
    'make *deploys* roll back automatically on 5xx > 5%',
  ]);
});

test('metric breaches report the worst level and the peak value', () => {
  const breaches = metricBreaches(incidentFacts(ID, CHECKOUT_EVENTS).events, 0);
  assert.deepEqual(breaches.map((b) => [b.panel, b.level, b.peak, b.durationMs]), [['5xx ratio', 'crit', 0.31, 570_000]]);
});

test('values show as the panel showed them, and a status update sent is not called a page', () => {
  const at = (s: number) => Date.UTC(2026, 10, 22, 23, 41, s);
  const event = (ts: number, kind: string, data: Record<string, unknown>): TimelineEvent => ({ v: 1, id: `e${ts}`, ts, operator: 'ana', kind, data });
  const events = [
    event(at(0), 'incident.opened', { title: 'Checkout', severity: 'P2' }),
    event(at(1), 'metric.threshold', { panel: 'checkout 5xx/s', from: 'ok', to: 'crit', value: 3.5017508754377187, display: '3.5', threshold: 2 }),
    // The panel's peak between the two threshold events is named when it leaves crit.
    event(at(9), 'metric.threshold', { panel: 'checkout 5xx/s', from: 'crit', to: 'ok', value: 0, display: '0', threshold: 2, peak: 6.512, peakDisplay: '6.5' }),
    event(at(10), 'escalation.sent', { contact: 'oncall', channel: 'webhook', purpose: 'page', attempt: 1 }),
    event(at(11), 'escalation.sent', { contact: 'oncall', channel: 'webhook', purpose: 'status-update', reason: 'resolved', attempt: 1 }),
    event(at(12), 'escalation.failed', { contact: 'lead', channel: 'slack', purpose: 'status-update', error: 'HTTP 500' }),
  ];
  const md = exportMarkdown(events, { id: ID });
  // What the console saw is warroom's, naming the console that saw it; not ana's doing.
  assert.ok(md.includes('| warroom (seen by ana) | checkout 5xx/s: ok → crit at 3.5 |'), md);
  assert.ok(!md.includes('3.5017'), 'no raw float in the post-mortem');
  assert.ok(md.includes('| checkout 5xx/s | crit | 2026-11-22 23:41:01 | 2026-11-22 23:41:09 | 8s | 6.5 |'), md);
  assert.ok(md.includes('| ana | Paged oncall via webhook |'), md);
  assert.ok(md.includes('| ana | Sent status update to oncall via webhook |'), md);
  assert.ok(md.includes('| ana | Sending status update to lead via slack failed: HTTP 500 |'), md);
  // The Escalations table lists the page only; the status update deliveries are not pages.
  const escalations = /^## Escalations\n([\s\S]*?)^## /m.exec(md)![1]!;
  assert.deepEqual(escalations.split('\n').filter((l) => /^\| \d{4}/.test(l)), ['| 2026-11-22 23:41:10 | ana | oncall | webhook | 1 | paged |']);
  const updates = /^## Status updates\n([\s\S]*?)^## /m.exec(md)![1]!;
  assert.match(updates, /No status updates were sent/);
  assert.equal(lintErrors(md), '');
});

test('the runbook table names the runbook file, not where it sat on the machine that ran the console', () => {
  const [opened] = CHECKOUT_EVENTS;
  const step: TimelineEvent = {
    ...opened!,
    id: 'step-1',
    kind: 'runbook.step',
    data: { runbook: '/home/ana/ops/runbooks/checkout-outage.md', section: 'Triage', text: 'Check the dashboard', status: 'done' },
  };
  const md = exportMarkdown([opened!, step], { id: ID });
  assert.match(md, /\| checkout-outage\.md \| Triage \| Check the dashboard \| done \|/);
  assert.doesNotMatch(md, /\/home\/ana/);
});
