// The alerts pane as the lead meets it: a real Alertmanager with the team's alerts, the console
// in tmux at 80x24. A shows the alerts worst first in their colours (read back), hostile label
// text shown as visible text; `ja` in ONE write acknowledges the second alert (a silence with the
// incident in its comment), `:silence … 30m` + Enter in one write silences by matchers, and
// `:resolve` expires both. A dry-run console and a read-only one never send a silence.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useAlertmanager } from '../alerts/fixtures/real-alertmanager.js';
import { KEY_BYTES, styledRows, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const alertmanager = useAlertmanager(tmuxMissing());
const { skip } = alertmanager;

const disk = { alertname: 'DiskFull', team: 'checkout', service: 'orders-db', severity: 'critical' };
const errors = { alertname: 'HighErrorRate', team: 'checkout', service: 'checkout-api', instance: '10.0.0.5:8080', severity: 'warning' };
const hostile = { alertname: 'Evil\u001b[2J\u001b]0;pwned\u0007', team: 'checkout', service: 'x', severity: 'info' };
const search = { alertname: 'SearchSlow', team: 'search', service: 'search-api', severity: 'critical' };

/** A folder with a config reading this Alertmanager's checkout alerts every second. */
function setup(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-alerts-'));
  const config = join(dir, 'warroom.yaml');
  writeFileSync(
    config,
    [
      'incident:',
      '  title: Checkout errors',
      'services:',
      '  - name: checkout-api',
      '    checks:',
      '      - command: "true"',
      '        interval: 5s',
      'alerts:',
      `  alertmanager: ${alertmanager.server().url}`,
      `  matchers: ['team="checkout"']`,
      '  interval: 1s',
      '',
    ].join('\n'),
  );
  return { dir, config };
}

interface JournalEvent {
  kind: string;
  operator: string;
  data: Record<string, unknown>;
}

function journal(dir: string): JournalEvent[] {
  const incidents = join(dir, '.warroom', 'incidents');
  const [incident] = readdirSync(incidents);
  return readFileSync(join(incidents, incident!, 'journal.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as JournalEvent);
}

/** The SGR codes on the first cell of the row holding `text` (the row's mark). */
function markStyle(styled: string, text: string): string[] {
  for (const row of styledRows(styled)) {
    const plain = row.map((cell) => cell.char).join('');
    if (!plain.includes(text)) continue;
    const at = plain.search(/[▲◌…›]/);
    return at < 0 ? [] : row[at]!.sgr;
  }
  return [];
}

test('alerts pane at 80x24: worst first in colour, ja acknowledges in one write, :silence, :resolve expires', { skip, timeout: 180_000 }, async () => {
  await alertmanager.server().post([{ labels: errors, annotations: { summary: 'checkout 5xx above 5%' } }, { labels: disk }, { labels: hostile }, { labels: search }]);
  const { dir, config } = setup();
  const tmux = TmuxSession.start(warroomShellLine(`open --config ${config} --as e2e-op`), { columns: 80, rows: 24, cwd: dir });
  try {
    await tmux.waitForScreen((s) => s.includes('e2e-op') && s.includes('Status'), 'the console');
    tmux.send('A');
    const screen = await tmux.waitForScreen((s) => s.includes('Alerts') && s.includes('3 firing') && s.includes('DiskFull'), 'the alerts pane with three firing');
    assert.ok(!screen.includes('SearchSlow'), "another team's alert is not this war room's");
    // Worst first: the critical disk alert above the warning, with who fires.
    const lines = screen.split('\n');
    const diskRow = lines.findIndex((l) => l.includes('DiskFull CRITICAL') && l.includes('service=orders-db'));
    const errorsRow = lines.findIndex((l) => l.includes('HighErrorRate WARNING') && l.includes('service=checkout-api instance=10.0.0.5:8080'));
    assert.ok(diskRow >= 0 && errorsRow > diskRow, screen);
    // Escapes in a label are shown as text: the screen was not cleared, the title not set.
    assert.ok(screen.includes('Evil␛[2J␛]0;pwned␇'), screen);

    // Colour read back: the critical mark red, the warning's amber (the selected row shows ›).
    tmux.send('j');
    const styled = await tmux.waitForStyledScreen((s) => /› HighErrorRate/.test(s.replace(/\u001b\[[0-9;]*m/g, '')), 'the cursor on HighErrorRate');
    assert.ok(markStyle(styled, 'DiskFull').some((c) => c === '38;5;160' || c === '31'), `critical is red: ${markStyle(styled, 'DiskFull')}`);
    assert.ok(markStyle(styled, 'HighErrorRate').includes('7'), 'the selected row is inverse');
    tmux.send('k');

    // An alert that fires while the console runs is news, whatever pane is in front.
    const fresh = { alertname: 'QueueBacklog', team: 'checkout', service: 'orders-worker', severity: 'info' };
    await alertmanager.server().post([{ labels: fresh }]);
    await tmux.waitForScreen((s) => s.includes('▲ alert firing: QueueBacklog (service=orders-worker) — A shows the alerts'), 'the new alert told in the footer');

    // `ja` in one write: down to HighErrorRate, acknowledge it.
    tmux.writeRaw('ja');
    await tmux.waitForScreen((s) => s.includes('Acknowledge HighErrorRate: silence it for 1h?') && s.includes('alertname="HighErrorRate"'), 'the acknowledge confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => /✔ silenced HighErrorRate for 1h/.test(s), 'the silence created');
    await tmux.waitForScreen((s) => /HighErrorRate WARNING.*\[silenced\]/.test(s) && s.includes('1 silenced'), 'the alert shown silenced');

    // `:silence MATCHERS 30m` and Enter in one write.
    tmux.writeRaw(`:silence alertname="DiskFull", service="orders-db" 30m${KEY_BYTES.enter}`);
    await tmux.waitForScreen((s) => s.includes('Silence for 30m?'), 'the :silence confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('2 silenced') && s.includes('silences by this incident: 2 active'), 'both silenced');

    const silences = (await alertmanager.server().silences()).filter((s) => s.status.state === 'active');
    assert.equal(silences.length, 2);
    for (const silence of silences) {
      assert.equal(silence.createdBy, 'e2e-op');
      assert.match(silence.comment, /^warroom \S+: Checkout errors \((acknowledged|silenced) by e2e-op\)$/);
    }
    const disks = silences.find((s) => JSON.stringify(s.matchers).includes('DiskFull'))!;
    assert.ok(Math.abs(Date.parse(disks.endsAt) - Date.parse(disks.startsAt) - 30 * 60_000) < 5000, '30 minutes');

    // :resolve: the summary, then the question about the incident's silences; y expires them.
    tmux.writeRaw(`:resolve${KEY_BYTES.enter}`);
    await tmux.waitForScreen((s) => s.includes('Resolution (one line)'), 'the resolve prompt');
    tmux.writeRaw(`disk cleaned, errors gone${KEY_BYTES.enter}`);
    await tmux.waitForScreen((s) => s.includes('Expire the 2 silences this incident created?'), 'the expire question');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('expired 2 silences') || s.includes('silences by this incident: 2 expired'), 'the silences expired');
    const after = await alertmanager.server().silences();
    for (const silence of silences) assert.equal(after.find((s) => s.id === silence.id)?.status.state, 'expired');

    const events = journal(dir);
    const silenced = events.filter((e) => e.kind === 'alert.silenced');
    assert.deepEqual(silenced.map((e) => e.data.alert ?? null), ['HighErrorRate', null]);
    assert.ok(silenced.every((e) => e.operator === 'e2e-op' && e.data.createdBy === 'e2e-op'));
    assert.equal(events.filter((e) => e.kind === 'alert.silence-expired').length, 2);
    assert.deepEqual(events.filter((e) => e.kind === 'alert.firing').map((e) => e.data.service).sort(), ['checkout-api', 'orders-db', 'orders-worker', 'x']);
    tmux.send('q');
  } finally {
    tmux.kill();
    await alertmanager.server().resolve([disk, errors, hostile, search, { alertname: 'QueueBacklog', team: 'checkout', service: 'orders-worker', severity: 'info' }]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dry-run and read-only consoles never send a silence', { skip, timeout: 180_000 }, async () => {
  await alertmanager.server().post([{ labels: disk }]);
  const before = (await alertmanager.server().silences()).length;
  for (const mode of ['dry-run', 'read-only'] as const) {
    const { dir, config } = setup();
    const tmux = TmuxSession.start(warroomShellLine(`open --config ${config} --as e2e-op --${mode}`), { columns: 80, rows: 24, cwd: dir });
    try {
      await tmux.waitForScreen((s) => s.includes('e2e-op'), 'the console');
      tmux.send('A');
      await tmux.waitForScreen((s) => s.includes('DiskFull CRITICAL'), 'the alert');
      tmux.send('a');
      if (mode === 'dry-run') {
        await tmux.waitForScreen((s) => s.includes('DRY-RUN: shown and recorded only'), 'the dry-run confirmation');
        tmux.send('y');
        await tmux.waitForScreen((s) => s.includes('dry run: not sent to Alertmanager (recorded): silence alertname="DiskFull"'), 'the dry-run result');
        await tmux.waitForScreen((s) => s.includes('silences by this incident: 1 dry run'), 'the dry-run silence listed');
        assert.equal(journal(dir).find((e) => e.kind === 'alert.silenced')?.data.dryRun, true);
      } else {
        await tmux.waitForScreen((s) => s.includes('read-only console: a (acknowledge: silence it in Alertmanager) refused'), 'the refusal');
        tmux.writeRaw(`:silence alertname="DiskFull"${KEY_BYTES.enter}`);
        await tmux.waitForScreen((s) => s.includes('read-only console: silence refused'), 'the :silence refusal');
      }
      assert.equal((await alertmanager.server().silences()).length, before, `${mode}: nothing sent to Alertmanager`);
      tmux.send('q');
    } finally {
      tmux.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  await alertmanager.server().resolve([disk]);
});

test('warroom demo shows its alerts: the incident fires HighErrorRate, a silences it', { skip: tmuxMissing() ?? false, timeout: 180_000 }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-demo-alerts-'));
  const tmux = TmuxSession.start(warroomShellLine('demo --speed 10 --as e2e-op'), { columns: 80, rows: 24, cwd });
  try {
    await tmux.waitForScreen((s) => s.includes('4 Runbook') && s.includes('INC-'), 'the console');
    tmux.send('A');
    await tmux.waitForScreen((s) => s.includes('CertificateExpiresSoon INFO'), 'the demo alerts pane');
    // The scripted incident degrades checkout-api: its error alert fires and sorts above the info one.
    const screen = await tmux.waitForScreen((s) => s.includes('HighErrorRate WARNING  service=checkout-api'), 'the incident firing');
    assert.ok(screen.indexOf('HighErrorRate') < screen.indexOf('CertificateExpiresSoon'), screen);
    tmux.send('a');
    await tmux.waitForScreen((s) => s.includes('Acknowledge HighErrorRate: silence it for 1h?'), 'the confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('✔ silenced HighErrorRate for 1h'), 'silenced in the demo');
    tmux.send('q');
  } finally {
    tmux.kill();
    rmSync(cwd, { recursive: true, force: true });
  }
});
