// Firing alerts steer the suggested runbook section: a runbook_url naming the file (and a section
// by its #anchor) beats everything the board shows; the alert's name, summary and service match
// headings and symptoms; a link to some other place (a wiki) or a pending alert changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ObservedAlert } from '../../src/runbooks/alert-match.js';
import { linksTo, runbookLink, sectionAnchors } from '../../src/runbooks/alert-match.js';
import { suggestRunbooks, type CatalogEntry } from '../../src/runbooks/catalog.js';
import { observedFrom } from '../../src/runbooks/observed-feed.js';
import { parseRunbook } from '../../src/runbooks/parse.js';
import { suggestSections, type ObservedState } from '../../src/runbooks/symptoms.js';

const PAYMENTS = parseRunbook(
  [
    '# Payments runbook',
    '',
    '## Gateway down',
    '',
    '### Symptoms',
    '- `payments-api` is down',
    '',
    '### Fix',
    '1. Restart the gateway: `systemctl restart gateway`',
    '',
    '## Card declines spike',
    '',
    '- [ ] Check the processor status page',
    '',
    '## Slow checkout',
    '',
    'Symptoms: p99 latency above 2s',
    '',
    '- [ ] Look at the database pool',
    '',
    '## Fix',
    '',
    '- [ ] A second heading called Fix, anchored as fix-1',
    '',
  ].join('\n'),
  '/srv/runbooks/payments.md',
);

const QUEUE = parseRunbook(['# Queue runbook', '', '## Backlog growing', '', '- [ ] Scale the consumers', ''].join('\n'), '/srv/runbooks/queue.md');

const quiet: ObservedState = { downServices: [], critPanels: [], allDown: false };

function alert(name: string, more: Partial<ObservedAlert> = {}): ObservedAlert {
  return { name, summary: null, services: [], runbookUrl: null, ...more };
}

const top = (seen: ObservedState) => suggestSections(PAYMENTS, seen)[0];

test('runbook_url is read for its file and #anchor, relative or absolute, escaped or not', () => {
  const cases: [string, { file: string; anchor: string | null } | null][] = [
    ['https://git.example.com/ops/runbooks/blob/main/payments.md#card-declines-spike', { file: 'payments.md', anchor: 'card-declines-spike' }],
    ['payments.md#Slow-Checkout', { file: 'payments.md', anchor: 'slow-checkout' }],
    ['runbooks/Payments.md', { file: 'payments.md', anchor: null }],
    ['https://wiki.example.com/display/OPS/payments%20runbook', { file: 'payments runbook', anchor: null }],
    ['https://wiki.example.com/', null],
    ['https://wiki.example.com/%E0%A4%A', null],
  ];
  for (const [url, expected] of cases) assert.deepEqual(runbookLink(url), expected, url);
  assert.ok(linksTo(runbookLink('x/payments.md')!, '/srv/runbooks/payments.md'));
  assert.ok(linksTo(runbookLink('https://wiki/runbooks/payments')!, '/srv/runbooks/payments.md'), 'a wiki page named like the file');
  assert.ok(!linksTo(runbookLink('https://wiki/runbooks/payments.html')!, '/srv/runbooks/payments.md'));
  assert.ok(!linksTo(runbookLink('queue.md')!, '/srv/runbooks/payments.md'));
});

test('section anchors are the ones GitHub renders: lower case, punctuation dropped, repeats numbered', () => {
  assert.deepEqual(sectionAnchors(PAYMENTS).filter(Boolean), ['payments-runbook', 'gateway-down', 'symptoms', 'fix', 'card-declines-spike', 'slow-checkout', 'fix-1']);
});

test('an alert whose runbook_url anchors a section puts that section first, over a DOWN service the board shows', () => {
  const board: ObservedState = { ...quiet, downServices: ['payments-api'] };
  assert.equal(top(board)?.title, 'Gateway down', 'without the alert, the board decides');
  const linked = alert('CardDeclines', { runbookUrl: 'https://git.example.com/ops/blob/main/payments.md#card-declines-spike' });
  const suggestion = top({ ...board, alerts: [linked] });
  assert.equal(suggestion?.title, 'Card declines spike');
  assert.match(suggestion!.reason, /^CardDeclines runbook_url/);
  // The second "Fix" heading is fix-1, as GitHub anchors it.
  assert.equal(top({ ...board, alerts: [alert('X', { runbookUrl: 'payments.md#fix-1' })] })?.title, 'Fix');
});

test("an alert naming the runbook but no section (or one it does not have) lifts the runbook's best section", () => {
  const slow = alert('CheckoutLatencyHigh', { summary: 'p99 latency above 2s', runbookUrl: 'https://wiki.example.com/runbooks/payments.md#no-such-heading' });
  const suggestion = top({ ...quiet, alerts: [slow] });
  assert.equal(suggestion?.title, 'Slow checkout');
  assert.match(suggestion!.reason, /^CheckoutLatencyHigh runbook_url, alert CheckoutLatencyHigh$/);
  // Nothing else fits: the first section with steps.
  const bare = top({ ...quiet, alerts: [alert('Opaque', { runbookUrl: 'payments.md' })] });
  assert.equal(bare?.title, 'Gateway down');
  // In the folder, the runbook the alert names wins over one its words fit.
  const entries: CatalogEntry[] = [QUEUE, PAYMENTS].map((runbook) => ({ file: runbook.file, title: runbook.title, runbook }));
  const backlog = alert('BacklogGrowing', { runbookUrl: 'payments.md' });
  assert.equal(suggestRunbooks(entries, { ...quiet, alerts: [backlog] })[0]?.file, '/srv/runbooks/payments.md');
  assert.equal(suggestRunbooks(entries, { ...quiet, alerts: [alert('BacklogGrowing')] })[0]?.file, '/srv/runbooks/queue.md', 'without the link its name decides');
});

test("an alert's name, summary and service match headings and symptoms", () => {
  const table: [string, ObservedAlert, string | undefined][] = [
    ['name as words', alert('CardDeclinesSpike'), 'Card declines spike'],
    ['summary words', alert('PaymentsProblem', { summary: 'card declines above 5% (spike)' }), 'Card declines spike'],
    ['latency in the summary', alert('Checkout', { summary: 'p99 latency is 3s' }), 'Slow checkout'],
    ['service label', alert('InstanceDown', { services: ['payments-api'] }), 'Gateway down'],
    ['nothing in common', alert('CertificateExpiresSoon', { summary: 'TLS certificate for www expires in 3 days' }), undefined],
    ['an external runbook_url alone', alert('Unrelated', { runbookUrl: 'https://wiki.example.com/display/OPS/Other' }), undefined],
  ];
  for (const [name, firing, expected] of table) assert.equal(top({ ...quiet, alerts: [firing] })?.title, expected, name);
});

test('the alerts the suggestion hears: firing and silenced ones with their service labels, not pending ones', () => {
  const view = (name: string, state: string, labels: Record<string, string>, service: string | null) => ({ name, state, labels, summary: null, runbookUrl: `${name}.md`, service });
  const seen = observedFrom({
    checks: { rows: {} },
    metrics: { panels: [] },
    alerts: {
      list: [
        view('Zeta', 'silenced', { job: 'node' }, null),
        view('Alpha', 'firing', { service: 'payments-api' }, 'payments-api'),
        view('Beta', 'firing', { instance: '10.0.0.5:8080' }, 'checkout-api'),
        view('Pending', 'pending', { service: 'x' }, null),
      ],
    },
  });
  assert.deepEqual(seen.alerts, [
    { name: 'Alpha', summary: null, services: ['payments-api'], runbookUrl: 'Alpha.md' },
    { name: 'Beta', summary: null, services: ['checkout-api'], runbookUrl: 'Beta.md' },
    { name: 'Zeta', summary: null, services: ['node'], runbookUrl: 'Zeta.md' },
  ]);
});
