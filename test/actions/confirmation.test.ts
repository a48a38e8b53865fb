import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildConfirmation } from '../../src/actions/confirmation.js';
import { createRedactor } from '../../src/text/redact.js';
import { action, HOSTS } from './fixtures.js';

const redactor = createRedactor({ secrets: ['s3cr3t-token'] });

test('the confirmation shows the exact command redacted, where it runs and the instances', () => {
  const a = action({
    service: 'gateway',
    rolling: true,
    targets: [
      { instance: 'app-1', host: 'app-1', run: 'curl -H "X-Token: s3cr3t-token" http://x/restart' },
      { instance: 'app-2', host: 'app-2', run: 'curl -H "X-Token: s3cr3t-token" http://x/restart' },
    ],
  });
  const c = buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: false });
  assert.equal(c.required, 'yes');
  assert.equal(c.title, 'restart gateway?');
  const text = c.lines.join('\n');
  assert.ok(!text.includes('s3cr3t-token'), text);
  assert.ok(text.includes('Command:   curl -H "X-Token: ***" http://x/restart'), text);
  assert.ok(text.includes('app-1 → deploy@127.0.0.1:2222'), text);
  assert.ok(text.includes('app-2 → 10.0.0.2:22'), text);
  assert.ok(text.includes('Instances: app-1, app-2 (rolling'), text);
});

test('a local action says local; an unknown host is named as written (ssh_config)', () => {
  const local = action({ targets: [{ run: 'docker compose restart api' }] });
  assert.ok(buildConfirmation(local, local.targets, { hosts: HOSTS, redactor, dryRun: false }).lines.some((l) => l === 'Runs on:   local'));
  const viaSshConfig = action({ targets: [{ host: 'bastion-7', run: 'uptime' }] });
  assert.ok(buildConfirmation(viaSshConfig, viaSshConfig.targets, { hosts: HOSTS, redactor, dryRun: false }).lines.some((l) => l === 'Runs on:   bastion-7'));
});

test('confirm: typed and any destructive command require typing the service name; none only where configured', () => {
  const typed = action({ confirm: 'typed', targets: [{ run: './deploy.sh rollback' }] });
  assert.deepEqual(
    [buildConfirmation(typed, typed.targets, { hosts: HOSTS, redactor, dryRun: false }).required, buildConfirmation(typed, typed.targets, { hosts: HOSTS, redactor, dryRun: false }).mustType],
    ['typed', 'checkout-api'],
  );
  for (const confirm of ['none', 'yes'] as const) {
    const destructive = action({ confirm, targets: [{ run: 'docker compose down -v' }] });
    const c = buildConfirmation(destructive, destructive.targets, { hosts: HOSTS, redactor, dryRun: false });
    assert.equal(c.required, 'typed', confirm);
    assert.equal(c.mustType, 'checkout-api');
    assert.ok(c.lines.some((l) => l.includes('destructive') && l.includes('down -v')));
  }
  const none = action({ confirm: 'none', targets: [{ run: 'true' }] });
  assert.equal(buildConfirmation(none, none.targets, { hosts: HOSTS, redactor, dryRun: false }).required, 'none');
});

test('dry-run says nothing will be executed', () => {
  const a = action({ targets: [{ run: 'true' }] });
  assert.ok(buildConfirmation(a, a.targets, { hosts: HOSTS, redactor, dryRun: true }).lines.some((l) => l.startsWith('DRY-RUN')));
});
