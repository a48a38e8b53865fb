// The demo's Alertmanager-compatible endpoint through warroom's own Alertmanager client: alerts
// follow the services' phases, matchers filter them, and silences are created, read, mute the
// alerts they match and expire, as the real one does (test/alerts/ checks the client against it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlertmanagerClient } from '../../src/alerts/alertmanager-api.js';
import { parseMatchers, type LabelMatcher } from '../../src/config/label-matchers.js';
import type { ServicePhase } from '../../src/demo/behaviour.js';
import { startDemoAlertmanager } from '../../src/demo/demo-alertmanager.js';

test('demo alerts follow the services; silences mute and expire through the real client', async () => {
  const phases: Record<string, ServicePhase> = { 'checkout-api': 'healthy', payments: 'healthy' };
  const demo = await startDemoAlertmanager(() => phases);
  try {
    const client = new AlertmanagerClient(demo.url, parseMatchers('team="checkout"') as LabelMatcher[], 2000);
    assert.deepEqual((await client.list()).map((a) => a.labels.alertname), ['CertificateExpiresSoon']);
    phases['checkout-api'] = 'degraded';
    phases.payments = 'down';
    const firing = await client.list();
    assert.deepEqual(firing.map((a) => `${a.labels.alertname}/${a.labels.service}/${a.state}`).sort(), [
      'CertificateExpiresSoon/catalog/firing',
      'HighErrorRate/checkout-api/firing',
      'ServiceDown/payments/firing',
    ]);
    const critical = await new AlertmanagerClient(demo.url, parseMatchers('severity="critical"') as LabelMatcher[], 2000).list();
    assert.deepEqual(critical.map((a) => a.labels.alertname), ['ServiceDown']);

    const now = Date.now();
    const id = await client.create({ matchers: parseMatchers('alertname="HighErrorRate"') as LabelMatcher[], startsAt: now, endsAt: now + 3_600_000, createdBy: 'ana', comment: 'demo' });
    assert.equal((await client.get(id))?.state, 'active');
    const muted = (await client.list()).find((a) => a.labels.alertname === 'HighErrorRate')!;
    assert.equal(muted.state, 'silenced');
    assert.deepEqual(muted.silencedBy, [id]);
    // Extending keeps the id, as Alertmanager does for an active silence whose matchers are unchanged.
    assert.equal(await client.create({ id, matchers: parseMatchers('alertname="HighErrorRate"') as LabelMatcher[], startsAt: now, endsAt: now + 7_200_000, createdBy: 'ana', comment: 'demo' }), id);
    await client.expire(id);
    assert.equal((await client.get(id))?.state, 'expired');
    assert.equal((await client.list()).find((a) => a.labels.alertname === 'HighErrorRate')!.state, 'firing');
    assert.equal(await client.get('no-such-silence'), null);

    phases['checkout-api'] = 'healthy';
    assert.ok(!(await client.list()).some((a) => a.labels.alertname === 'HighErrorRate'), 'a recovered service stops firing');
  } finally {
    await demo.stop();
  }
});
