// Post-mortem templates: every built-in shape lints clean and reports the same facts; a team's
// own template is filled from named fields; a template can neither run code, read files, read
// the clock nor loop forever; the same journal gives the same bytes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from 'markdownlint/sync';
import { exportTemplate } from '../../src/export/index.js';
import { PROMPT_MARKER } from '../../src/export/prompts.js';
import { TemplateError, TEMPLATE_NAMES } from '../../src/export/templates.js';
import type { TimelineEvent } from '../../src/timeline/event.js';
import { CHECKOUT_EVENTS } from '../timeline/fixtures/checkout-incident.js';

const ID = 'INC-20261122-2341-checkout-api';
const lintErrors = (markdown: string): string => lint({ strings: { postmortem: markdown } }).toString();
const dir = mkdtempSync(join(tmpdir(), 'warroom-templates-'));

/** The headings each built-in shape must have, in order. */
const SHAPES: Record<string, string[]> = {
  default: ['## Summary', '## Key times', '## Impact', '## Severity', '## Responders', '## Timeline', '## Evidence', '## Root cause', '## Action items'],
  'google-sre': ['## Summary', '## Impact', '## Root causes', '## Trigger', '## Resolution', '## Detection', '## Action items', '## Lessons learned', '### Where we got lucky', '## Timeline', '## Supporting information'],
  pagerduty: ['## Overview', '## What happened', '## Contributing factors', '## Resolution', '## Impact', '## Responders', '## Timeline', '## How did we do?', '## Action items', '## Messaging'],
  atlassian: ['## Incident summary', '## Leadup', '## Fault', '## Impact', '## Detection', '## Response', '## Recovery', '## Timeline', '## Five whys', '## Root cause', '## Lessons learned', '## Corrective actions'],
};

for (const name of TEMPLATE_NAMES) {
  test(`template ${name}: lint-clean, in its shape, with the key times, roles, severity, evidence and prompts`, async () => {
    const md = await exportTemplate(CHECKOUT_EVENTS, name, { id: ID });
    assert.equal(lintErrors(md), '', md);
    let at = -1;
    for (const heading of SHAPES[name]!) {
      const found = md.indexOf(`\n${heading}\n`, at + 1);
      assert.ok(found > at, `${heading} after position ${at}:\n${md}`);
      at = found;
    }
    // The same facts in every shape.
    assert.ok(md.includes('| Time to acknowledge | detected → acknowledged | 3m00s |') || md.includes('acknowledged at 2026-11-22 23:45:00 UTC'), md);
    assert.ok(md.includes('| 2026-11-22 23:45:00 | P2 | P1 | ana@bastion | every checkout fails |'), 'severity change with who and why');
    assert.ok(md.includes('| P1 | 16m00s |') && md.includes('| P2 | 4m00s |'), 'time at each level');
    assert.ok(md.includes('| bo@bastion | scribe 23:47:30–end; incident commander 00:00:00–end |'), 'responders with roles');
    assert.ok(md.includes('| 2026-11-22 23:43:58 | checkout-api | ERROR | db pool: 50/50 connections in use, 212 waiting |'), 'evidence with source and time');
    assert.ok(md.includes('| checkout-api | DOWN | 2026-11-22 23:42:00 | 2026-11-22 23:55:00 | 13m00s | 9m00s |'), 'impact window per service');
    assert.ok(md.includes(`> ${PROMPT_MARKER} what caused this`), 'root cause is a marked prompt');
    assert.ok(md.includes('> - 23:53:30 UTC, bo@bastion: the pool was sized for the old retry policy'), 'seeded from the cause: note');
    assert.ok(md.includes('- [ ] make \\*deploys\\* roll back automatically on 5xx > 5%'), 'action items from todo: notes');
    assert.ok(md.includes('| 2026-11-22 23:42:00 | warroom (seen by ana@bastion) | checkout-api http /health: UP → DEGRADED'), 'automated events are warroom\'s');
    assert.ok(md.includes('| 2026-11-22 23:43:30 | CheckoutHighErrorRate | critical | service=checkout-api instance=app-1:8080 | 2026-11-22 23:52:20 | 8m50s |'), 'the alerts that fired, when, for how long');
    assert.ok(md.includes('| 2026-11-22 23:46:40 | alertname=\\~"Pool.\\*\\|DB.\\*", service="checkout-db" | ana@bastion | PostgresPoolExhausted | expired 2026-11-23 00:01:05 UTC |'), 'the silences created and what became of them');
    // Same journal, same bytes: checked against the golden file (UPDATE_GOLDEN=1 rewrites it).
    const golden = new URL(`./fixtures/checkout-${name}.md`, import.meta.url);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, md);
    assert.equal(md, readFileSync(golden, 'utf8'));
  });
}

test('a team template is filled from named fields, loops included, and lints clean', async () => {
  const file = join(dir, 'team.md');
  writeFileSync(
    file,
    [
      '# {{ incident.title }} ({{ incident.id }})',
      '',
      '- Severity: {{ incident.initial_severity }} → {{ incident.severity }}',
      '- Commander: {{ incident.commander }}',
      '- Detected: {{ times.detected }} ({{ durations.to_detect }} after the start)',
      '- Resolved: {{ times.resolved }} ({{ durations.to_resolve }})',
      '',
      '## Who',
      '',
      '{% for r in responders %}',
      '- {{ r.name }}: {{ r.roles }}',
      '{%- endfor %}',
      '',
      '## Evidence',
      '',
      '{% for e in evidence %}',
      '- {{ e.logged }} {{ e.source }}: {{ e.line }}',
      '{%- endfor %}',
      '',
      '## Timeline',
      '',
      '{{ sections.timeline }}',
      '',
    ].join('\n'),
  );
  const md = await exportTemplate(CHECKOUT_EVENTS, file, { id: ID });
  assert.equal(lintErrors(md), '', md);
  assert.ok(md.startsWith('# Checkout API returning 5xx! (INC-20261122-2341-checkout-api)\n'), md);
  assert.ok(md.includes('- Severity: P2 → P1\n- Commander: bo@bastion\n- Detected: 2026-11-22 23:42:00 UTC (1m00s after the start)\n- Resolved: 2026-11-23 00:01:00 UTC (20m00s)'), md);
  assert.ok(md.includes('- ana@bastion: incident commander\n- bo@bastion: scribe, incident commander'), md);
  assert.ok(md.includes('- unknown checkout-api: ERROR pool exhausted \\<script>\\|x\\|'), 'fields are escaped Markdown: no HTML gets through');
  assert.ok(md.includes('| Time (UTC) | Who | Event |'), md);
});

test('hostile text in every field keeps every template lint-clean and inert', async () => {
  const hostile = '<img src=x onerror=alert(1)> | *x* [l](http://a.example) \u001b[2J {{ incident.id }} {% raw %}';
  const events: TimelineEvent[] = [
    { v: 1, id: 'o', ts: 1_800_000_000_000, operator: hostile, kind: 'incident.opened', data: { title: hostile, severity: 'P2' } },
    { v: 1, id: 'r', ts: 1_800_000_001_000, operator: hostile, kind: 'incident.role', data: { role: 'ic', from: null, to: hostile } },
    { v: 1, id: 's', ts: 1_800_000_002_000, operator: hostile, kind: 'incident.severity', data: { from: 'P2', to: 'P1', reason: hostile } },
    { v: 1, id: 'e', ts: 1_800_000_003_000, operator: hostile, kind: 'log.evidence', data: { source: hostile, level: 'ERROR', text: hostile, loggedAt: hostile } },
    { v: 1, id: 'n', ts: 1_800_000_004_000, operator: hostile, kind: 'note', data: { text: `cause: ${hostile}` } },
    { v: 1, id: 't', ts: 1_800_000_005_000, operator: hostile, kind: 'note', data: { text: `todo: ${hostile}` } },
  ];
  for (const name of TEMPLATE_NAMES) {
    const md = await exportTemplate(events, name, { id: 'INC-hostile' });
    assert.equal(lintErrors(md), '', `${name}: ${lintErrors(md)}`);
    assert.ok(!md.includes('\u001b'), name);
    assert.ok(!/(?<!\\)<img/.test(md), name);
    // Data is never read as template code: a field's text stays text.
    assert.ok(md.includes('\\{{ incident.id }}') || md.includes('{{ incident.id }}'), name);
  }
});

test('a template cannot read files, run code, reach prototypes, read the clock or loop forever', async () => {
  const attempts: [string, RegExp][] = [
    ["{% include '/etc/passwd' %}", /Failed to lookup "\/etc\/passwd"/],
    ["{% render 'package.json' %}", /Failed to lookup "package\.json"/],
    ["{% layout '/etc/hostname' %}x", /Failed to lookup "\/etc\/hostname"/],
    ['{{ incident.constructor }}', /undefined variable: incident\.constructor/],
    ['{{ incident.__proto__ }}', /undefined variable: incident\.__proto__/],
    ['{{ process.env.HOME }}', /undefined variable: process/],
    ['{{ incident.title | shell }}', /undefined filter: shell/],
    ['{{ "now" | date: "%Y-%m-%d" }}', /cannot read the clock/],
    ['{% for i in (1..100000000) %}{{ i }}{% endfor %}', /limit exceeded/],
  ];
  for (const [text, message] of attempts) {
    const file = join(dir, 'attack.md');
    writeFileSync(file, text);
    await assert.rejects(exportTemplate(CHECKOUT_EVENTS, file, { id: ID }), (e: Error) => e instanceof TemplateError && message.test(e.message) && e.message.startsWith(file), text);
  }
});
