// Confirmations never cut what is approved. Found broken: "…grep 'status="5' |…",
// "ctl.js restart checkout-…" — the command being approved was truncated to the dialog's width.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { askConfirm } from '../../src/mode/ask.js';
import { dialogRows, wrapExact } from '../../views/dialogs/dialog-layout.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';

/** A 400+ character pipeline, as a runbook step or action might hold. */
export const LONG_COMMAND =
  `curl -s --max-time 5 -H 'Accept: text/plain' "$CHECKOUT_URL/metrics" | grep '^http_requests_total' | grep 'status="5' | ` +
  `awk '{ split($0, a, "status=\\""); sum += $NF } END { printf "5xx total: %d\\n", sum }' && ` +
  `node ctl.js restart checkout-api --instance checkout-api-eu-west-1c --drain-timeout 45s --reason "5xx above 20/s since 10:02 (INC-20261203)" ` +
  `&& echo restarted-and-verified-with-exit-status-zero-for-every-instance-of-the-service-in-all-regions-end-marker`;

/** The dialog's text rows in a frame: the lines between its ║ borders, border and padding removed. */
function dialogText(frame: string): string[] {
  return frame
    .split('\n')
    .filter((line) => /^║ .* ║$/.test(line))
    .map((line) => line.slice(2, -2));
}

test('wrapExact keeps every character: the rows put back together are the text, each row fits', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '|', "'", '"', 'é', '-'), maxLength: 300 }), fc.integer({ min: 1, max: 90 }), (text, width) => {
      const rows = wrapExact(text, width);
      assert.equal(rows.join(''), text);
      for (const row of rows) assert.ok(stringWidth(row) <= width, `${JSON.stringify(row)} wider than ${width}`);
    }),
  );
  assert.deepEqual(wrapExact('one\ntwo', 10), ['one', 'two'], 'line breaks in a command stay line breaks');
});

test('a 400+ character command is shown whole at 80x24, wrapped, and y approves it', async () => {
  assert.ok(LONG_COMMAND.length > 400);
  const ui = renderConsole({ columns: 80, rows: 24 });
  const answer = askConfirm(ui.store, { title: 'restart checkout-api?', lines: [`Command:   ${LONG_COMMAND}`, 'Runs on:   locally'] });
  await waitFor(() => ui.frame().includes('Proceed? y / N'), { what: 'the confirmation' });
  const rows = dialogText(ui.frame());
  const shown = rows.map((row) => row.trimEnd()).join('\n');
  // Put back together, the command is whole (on screen a space at a row's end cannot be told
  // from the padding, so spaces are left out here; wrapExact's own test proves them kept).
  const visibleOnly = (text: string) => text.replace(/\s+/g, '');
  assert.ok(visibleOnly(rows.join('')).includes(visibleOnly(LONG_COMMAND)), `the command is not whole on screen:\n${shown}`);
  for (const row of rows) assert.ok(stringWidth(row) <= 76, 'rows fit inside the dialog');
  assert.ok(!shown.includes('…'), 'nothing is cut with an ellipsis');
  assert.ok(shown.includes('end-marker'), 'its very end is visible');
  await ui.press('y');
  assert.equal(await answer, true);
  ui.unmount();
});

test('a 60-line command at 80x24 scrolls, says how much is below, and y is refused until its end was seen', async () => {
  const script = Array.from({ length: 60 }, (_, i) => `echo step-${String(i + 1).padStart(2, '0')} of the maintenance script`).join('\n');
  const ui = renderConsole({ columns: 80, rows: 24 });
  let answered: boolean | null = null;
  void askConfirm(ui.store, { title: 'run the maintenance script?', lines: [`Command:   ${script}`, 'Runs on:   db-1'] }).then((yes) => (answered = yes));
  await waitFor(() => /↓ \d+ more/.test(ui.frame()), { what: 'the scrolling confirmation' });
  assert.ok(ui.frame().includes('lines 1–'), 'it says where the view is');
  assert.ok(!ui.frame().includes('Proceed?'), 'no question before the end is seen');
  // y before the end: refused, and the dialog says why.
  await ui.press('y', (f) => f.includes('Read to the end first'));
  assert.equal(answered, null);
  // Several keys in one read scroll as several keys.
  await ui.press('jjj', (f) => f.includes('lines 4–'));
  await ui.press(KEYS.pageDown, (f) => !f.includes('lines 4–'));
  await ui.press('G', (f) => f.includes(' · end') && f.includes('Proceed? y / N'));
  const end = dialogText(ui.frame()).join('\n');
  assert.ok(end.includes('step-60') && end.includes('Runs on:   db-1'), 'the last lines are on screen');
  // Back to the top: the end was seen, so the question stays.
  await ui.press('g', (f) => f.includes('lines 1–') && f.includes('Proceed? y / N'));
  let seen = '';
  for (let i = 0; i < 80 && !seen.includes('step-60'); i++) {
    seen += dialogText(ui.frame()).join('\n');
    await ui.press('j');
  }
  for (let n = 1; n <= 60; n++) assert.ok(seen.includes(`step-${String(n).padStart(2, '0')} of the maintenance script`), `line ${n} was shown whole`);
  await ui.press('y');
  await waitFor(() => answered === true, { what: 'the approval' });
  ui.unmount();
});

test('Esc cancels a scrolling confirmation at any point', async () => {
  const ui = renderConsole({ columns: 80, rows: 24 });
  const answer = askConfirm(ui.store, { title: 'long?', lines: Array.from({ length: 40 }, (_, i) => `line ${i}`) });
  await waitFor(() => /↓ \d+ more/.test(ui.frame()), { what: 'the scrolling confirmation' });
  await ui.press(KEYS.escape);
  assert.equal(await answer, false);
  ui.unmount();
});

test('dialogRows wraps the title too', () => {
  const rows = dialogRows(`restart ${'x'.repeat(100)}?`, ['a'], 40);
  assert.equal(rows.filter((r) => r.kind === 'title').map((r) => r.text).join(''), `restart ${'x'.repeat(100)}?`);
});
