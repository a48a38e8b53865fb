import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildConfirmation } from '../../src/actions/confirmation.js';
import { createRedactor } from '../../src/text/redact.js';
import { action, HOSTS } from './fixtures.js';

const redactor = createRedactor({ secrets: ['s3cr3t-token'] });

test('the confirmation shows the exact command redacted, where it runs and the instances', async () => {
  const a = action({
    service: 'gateway',
    rolling: true,
    targets: [
      { instance: 'app-1', host: 'app-1', run: 'curl -H "X-Token: s3cr3t-token" http://x/restart' },
      { instance: 'app-2', host: 'app-2', run: 'curl -H "X-Token: s3cr3t-token" http://x/restart' },
    ],
  });
  const c = await buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: false });
  assert.equal(c.required, 'yes');
  assert.equal(c.title, 'restart gateway?');
  const text = c.lines.join('\n');
  assert.ok(!text.includes('s3cr3t-token'), text);
  assert.ok(text.includes('Command:   curl -H "X-Token: ***" http://x/restart'), text);
  assert.ok(text.includes('app-1 → deploy@127.0.0.1:2222'), text);
  assert.ok(text.includes('app-2 → 10.0.0.2:22'), text);
  assert.ok(text.includes('Instances: app-1, app-2 (rolling'), text);
});

test('a local action says local; an unknown host is named as written (ssh_config)', async () => {
  const local = action({ targets: [{ run: 'docker compose restart api' }] });
  assert.ok((await buildConfirmation(local, local.targets, { hosts: HOSTS, redactor, dryRun: false })).lines.some((l) => l === 'Runs on:   local'));
  const viaSshConfig = action({ targets: [{ host: 'bastion-7', run: 'uptime' }] });
  assert.ok((await buildConfirmation(viaSshConfig, viaSshConfig.targets, { hosts: HOSTS, redactor, dryRun: false })).lines.some((l) => l === 'Runs on:   bastion-7'));
});

test('confirm: typed and any destructive command require typing the service name; none only where configured', async () => {
  const typed = action({ confirm: 'typed', targets: [{ run: './deploy.sh rollback' }] });
  const c = await buildConfirmation(typed, typed.targets, { hosts: HOSTS, redactor, dryRun: false });
  assert.deepEqual([c.required, c.mustType], ['typed', 'checkout-api']);
  for (const confirm of ['none', 'yes'] as const) {
    const destructive = action({ confirm, targets: [{ run: 'docker compose down -v' }] });
    const d = await buildConfirmation(destructive, destructive.targets, { hosts: HOSTS, redactor, dryRun: false });
    assert.equal(d.required, 'typed', confirm);
    assert.equal(d.mustType, 'checkout-api');
    assert.ok(d.lines.some((l) => l.includes('destructive') && l.includes('down -v')));
  }
  const none = action({ confirm: 'none', targets: [{ run: 'true' }] });
  assert.equal((await buildConfirmation(none, none.targets, { hosts: HOSTS, redactor, dryRun: false })).required, 'none');
});

test('dry-run says nothing will be executed', async () => {
  const a = action({ targets: [{ run: 'true' }] });
  assert.ok((await buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: true })).lines.some((l) => l.startsWith('DRY-RUN')));
});

test('the command is shown whole with control characters visible, and env values by name when secret', async () => {
  const a = action({
    targets: [{ run: 'echo ok \u001b[8m; mysql -p"${DB_PASSWORD}" -e "select ${ROW}"', env: { DB_PASSWORD: 'pa$(touch m)ss', ROW: '1', GONE: null } }],
  });
  const c = await buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: false });
  const text = c.lines.join('\n');
  // (The redactor masks any `mysql -p…` word, a variable reference included.)
  assert.match(text, /^Command: {3}echo ok ␛\[8m; mysql -p(?:"\$\{DB_PASSWORD\}"|\*\*\*) -e "select \$\{ROW\}"$/m);
  assert.ok(!text.includes('\u001b'), 'no raw escape reaches the dialog');
  assert.ok(!text.includes('pa$(touch m)ss'), 'a secret value is not shown');
  assert.ok(text.includes('DB_PASSWORD: secret, not shown'), text);
  assert.ok(text.includes("ROW='1'"), text);
  assert.ok(text.includes('GONE: not set'), text);
});

test('a command the parser cannot read needs the typed confirmation, saying why', async () => {
  const a = action({ targets: [{ run: 'diff <(ls a) <(ls b)' }] });
  const c = await buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: false });
  assert.equal(c.required, 'typed');
  assert.match(c.destructive ?? '', /could not be read/);
});
