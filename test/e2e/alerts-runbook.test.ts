// Alerts steer the runbook and show on the board, as the lead meets it at 80x24 with a real
// Alertmanager: the board's DOWN service suggests one section until an alert whose runbook_url
// anchors another fires, then `g` opens that one; the alerted service's board row is marked `!`
// in the alert's colour (read back); the alerts pane names the board row of the selected alert
// and shows an outside runbook link neutralised and redacted; an alert with no link steers the
// suggestion by its name and service label; one linking another runbook of the folder puts that
// runbook's section first, and `g` opens it there.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useAlertmanager } from '../alerts/fixtures/real-alertmanager.js';
import { styledRows, TmuxSession, tmuxMissing, warroomShellLine } from '../helpers/tmux.js';

const alertmanager = useAlertmanager(tmuxMissing());
const { skip } = alertmanager;

const RUNBOOK = [
  '# Checkout runbook',
  '',
  '## Payments API down',
  '',
  '### Symptoms',
  '- `payments-api` is down',
  '',
  '### Restore',
  '1. Restart payments: `echo restarting payments`',
  '',
  '## High error rate',
  '',
  '- [ ] Find the failing release: `echo listing deploys`',
  '',
  '## Queue backlog',
  '',
  'Symptoms: orders-worker falls behind',
  '',
  '- [ ] Scale the workers: `echo scaling`',
  '',
].join('\n');

const DISK_RUNBOOK = ['# Disk space', '', '## Clean up', '', '- [ ] Delete old logs: `echo cleaning`', '', '## Grow the volume', '', '- [ ] Resize it: `echo resizing`', ''].join('\n');

const errors = { alertname: 'CheckoutErrors', team: 'checkout', service: 'checkout-api', severity: 'critical' };
const tls = { alertname: 'TlsExpiry', team: 'checkout', service: 'www', severity: 'info' };
const backlog = { alertname: 'QueueBacklog', team: 'checkout', service: 'orders-worker', severity: 'warning' };
const disk = { alertname: 'DiskFull', team: 'checkout', service: 'orders-db', severity: 'critical' };

/** The cell just before `service`'s name on its board row (where the row's alert mark goes). */
function markBefore(styled: string, service: string): { char: string; sgr: string[] } | null {
  for (const row of styledRows(styled)) {
    const plain = row.map((cell) => cell.char).join('');
    const at = plain.indexOf(service);
    if (at > 0) return row[at - 1] ?? null;
  }
  return null;
}

test('an alert\'s runbook_url and labels pick the suggested section; its board row is marked; the pane names the row and the link', { skip, timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-alert-runbook-'));
  mkdirSync(join(dir, 'runbooks'));
  writeFileSync(join(dir, 'runbooks', 'checkout.md'), RUNBOOK);
  writeFileSync(join(dir, 'runbooks', 'disk.md'), DISK_RUNBOOK);
  const check = (name: string, command: string) => [`  - name: ${name}`, '    checks:', `      - command: "${command}"`, '        interval: 1s'];
  writeFileSync(
    join(dir, 'warroom.yaml'),
    [
      'incident:',
      '  title: Checkout errors',
      '  runbook: runbooks/checkout.md',
      'services:',
      ...check('payments-api', 'false'),
      ...check('checkout-api', 'true'),
      ...check('orders-worker', 'true'),
      'alerts:',
      `  alertmanager: ${alertmanager.server().url}`,
      `  matchers: ['team="checkout"']`,
      '  interval: 1s',
      '',
    ].join('\n'),
  );
  const tmux = TmuxSession.start(warroomShellLine('open --as e2e-op'), { columns: 80, rows: 24, cwd: dir });
  try {
    await tmux.waitForScreen((s) => /payments-api .*DOWN/.test(s), 'payments-api DOWN');
    // The runbook pane zoomed, so its suggestion line is read whole.
    tmux.send('4');
    await tmux.waitForScreen((s) => s.includes('▶4 Runbook'), 'the runbook pane focused');
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('★ suggested (g): Payments API down (payments-api is down)'), 'the board decides while no alert fires');

    await alertmanager.server().post([
      { labels: errors, annotations: { summary: 'checkout 5xx above 5%', runbook_url: 'https://git.example.com/ops/runbooks/blob/main/checkout.md#high-error-rate' } },
      { labels: tls, annotations: { runbook_url: 'https://wiki.example/tls\u001b[2J?token=s3cretvalue' } },
    ]);
    await tmux.waitForScreen((s) => s.includes('★ suggested (g): High error rate (CheckoutErrors runbook_url'), 'the section the alert links suggested first');
    tmux.send('g');
    await tmux.waitForScreen((s) => /§ \d+\/\d+ High error rate/.test(s) && s.includes('Find the failing release'), 'g opens the linked section');

    // The board: checkout-api's row is marked ! in the critical alert's red; the summary says where.
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('! alerts on 1 service (A)'), 'the board summary counts the alerted services');
    const styled = tmux.styledScreen();
    const mark = markBefore(styled, 'checkout-api');
    assert.equal(mark?.char, '!', `checkout-api's row is marked: ${JSON.stringify(mark)}`);
    assert.ok(mark!.sgr.some((c) => c === '38;5;160' || c === '31'), `the mark is red: ${JSON.stringify(mark!.sgr)}`);
    assert.equal(markBefore(styled, 'payments-api')?.char, ' ', 'a row with no alert is not marked');

    // The alerts pane, zoomed: the selected alert's board row, and an outside link shown safe.
    tmux.send('A');
    await tmux.waitForScreen((s) => s.includes('CheckoutErrors CRITICAL'), 'the alerts pane');
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('↳ board: checkout-api (1 row) · runbook: https://git.example.com/'), 'the board row of the selected alert');
    tmux.send('j');
    const tlsScreen = await tmux.waitForScreen((s) => s.includes('↳ runbook: https://wiki.example/tls'), 'the outside runbook link of an alert not on the board');
    assert.ok(tlsScreen.includes('↳ runbook: https://wiki.example/tls␛[2J?token=***'), tlsScreen);
    assert.ok(!tlsScreen.includes('s3cretvalue'), 'the token in the link is masked');
    tmux.send('z');
    tmux.send('A');
    await tmux.waitForScreen((s) => s.includes('! alerts on 1 service (A)'), 'the board back');

    // With no link, the name and service label steer: the queue section, not the DOWN service's.
    await alertmanager.server().resolve([errors]);
    tmux.send('4');
    tmux.send('z');
    await tmux.waitForScreen((s) => s.includes('★ suggested (g): Payments API down (payments-api is down)'), 'the board decides again once the alert resolved');
    await alertmanager.server().post([{ labels: backlog, annotations: { summary: 'orders-worker is 2000 messages behind' } }]);
    await tmux.waitForScreen((s) => s.includes('★ suggested (g): Queue backlog (alert QueueBacklog)'), 'the alert named like a section suggests it');

    // An alert linking another runbook of the folder: its section first, and g opens that runbook there.
    await alertmanager.server().post([{ labels: disk, annotations: { runbook_url: 'https://git.example.com/ops/runbooks/blob/main/disk.md#grow-the-volume' } }]);
    await tmux.waitForScreen((s) => s.includes('★ suggested (g): Disk space › Grow the volume (DiskFull runbook_url)'), 'the linked runbook of the folder suggested');
    tmux.send('g');
    await tmux.waitForScreen((s) => /§ \d+\/\d+ Grow the volume/.test(s) && s.includes('Resize it'), 'g opens the other runbook at the linked section');
    tmux.send('q');
  } finally {
    tmux.kill();
    await alertmanager.server().resolve([errors, tls, backlog, disk]);
    // The console may still be writing its journal as it is killed: retried, not failed on.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
});
