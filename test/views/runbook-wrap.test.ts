// Runbook rows fitted to the pane (views/runbook/wrap-rows.ts): wrapped under their own text,
// never cut below 2,000 characters; tables aligned when they fit, else `header: cell` lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import { tableRows, wrapRow } from '../../views/runbook/wrap-rows.js';

test('a long step wraps under its text, keeps every word, and only its first line is selected', () => {
  const text = '› [ ] Confirm the hit ratio dropped right after the deploy and not before it, because that matters';
  const rows = wrapRow({ text, tone: 'step', selected: true }, 40);
  assert.ok(rows.length > 1);
  for (const row of rows) assert.ok(stringWidth(row.text) <= 40, row.text);
  assert.deepEqual(rows.map((r) => r.selected), [true, ...rows.slice(1).map(() => false)]);
  for (const row of rows.slice(1)) assert.equal(row.text.search(/\S/), '› [ ] '.length);
  assert.equal(rows.map((r) => r.text.trim()).join(' ').replace('› [ ] ', ''), text.replace('› [ ] ', ''));
});

test('a command wraps under its $, a word longer than the pane is broken, nothing is lost', () => {
  const rows = wrapRow({ text: `    › $ curl -s ${'x'.repeat(70)}`, tone: 'command', selected: false }, 30);
  for (const row of rows) assert.ok(stringWidth(row.text) <= 30, row.text);
  assert.equal(rows.map((r) => r.text.trim()).join('').replace(/\s/g, ''), `›$curl-s${'x'.repeat(70)}`);
  assert.equal(rows[1]!.text.search(/\S/), '    › $ '.length);
});

const TABLE = { kind: 'other' as const, headers: ['Tier', 'Action', 'Owner'], rows: [['edge', 'let it warm', 'nobody'], ['regional', 'run the warm-up job', 'on-call']], line: 1 };

test('a table that fits is drawn as aligned columns with its header', () => {
  const rows = tableRows(TABLE, 80);
  assert.deepEqual(rows.map((r) => r.text), [
    '  Tier     │ Action              │ Owner',
    '  edge     │ let it warm         │ nobody',
    '  regional │ run the warm-up job │ on-call',
  ]);
});

test('a table too wide for the pane becomes header: cell lines, every cell whole', () => {
  const rows = tableRows(TABLE, 30);
  for (const row of rows) assert.ok(stringWidth(row.text) <= 30, row.text);
  const text = rows.map((r) => r.text.trim()).join(' ');
  assert.match(text, /• Tier: edge Action: let it warm Owner: nobody/);
  assert.match(text, /• Tier: regional Action: run the warm-up job Owner: on-call/);
});

test('a line of 200 KB (a hostile runbook parses now) shows its first 2,000 characters and says how much is not shown', () => {
  const text = `· ${'[a]('.repeat(50_000)}`;
  const rows = wrapRow({ text, tone: 'text', selected: false }, 56);
  for (const row of rows) assert.ok(stringWidth(row.text) <= 56, row.text);
  const shown = rows.map((r) => r.text.trim()).join('');
  assert.ok(rows.length < 60, `${rows.length} rows`);
  assert.match(shown, /^· \[a\]\(\[a\]\(/);
  assert.ok(shown.endsWith(`…(${text.length - 1999} more characters not shown)`), shown.slice(-60));
});
