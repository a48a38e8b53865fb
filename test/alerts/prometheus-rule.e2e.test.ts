// End to end from a real Prometheus rule: Prometheus evaluates a rule, fires it to a real
// Alertmanager, and warroom reads it from both (Alertmanager's v2 API with its silence state, and
// Prometheus' /api/v1/alerts for a war room without Alertmanager, filtered by the same matchers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlertmanagerClient } from '../../src/alerts/alertmanager-api.js';
import { PrometheusAlertsClient } from '../../src/alerts/prometheus-alerts.js';
import { parseMatchers, type LabelMatcher } from '../../src/config/label-matchers.js';
import { waitFor } from '../helpers/wait-for.js';
import { findPrometheus, startPrometheus } from '../metrics/fixtures/real-prometheus.js';
import { findAlertmanager, startAlertmanager } from './fixtures/real-alertmanager.js';

const prometheusBinary = findPrometheus();
const alertmanagerBinary = findAlertmanager();
const skip = !prometheusBinary ? 'prometheus is not installed (apt-get install prometheus)' : !alertmanagerBinary ? 'prometheus-alertmanager is not installed' : false;

const RULES = [
  'groups:',
  '  - name: warroom-e2e',
  '    interval: 1s',
  '    rules:',
  '      - alert: CheckoutQueueHigh',
  '        expr: vector(1) > 0',
  '        labels: { team: checkout, service: checkout-api, severity: critical }',
  '        annotations: { summary: "orders queue above 500", runbook_url: "https://runbooks.example/checkout#queue" }',
  '      - alert: SearchSlow',
  '        expr: vector(1) > 0',
  '        labels: { team: search, severity: warning }',
  '      - alert: CheckoutPending',
  '        expr: vector(1) > 0',
  '        for: 10m',
  '        labels: { team: checkout, severity: warning }',
  '',
].join('\n');

test('a real Prometheus rule fires through a real Alertmanager into warroom', { skip, timeout: 180_000 }, async () => {
  const am = await startAlertmanager(alertmanagerBinary!);
  const amAddress = am.url.replace(/^http:\/\//, '');
  const prometheus = await startPrometheus(prometheusBinary!, [], { rules: RULES, alertmanager: amAddress });
  try {
    const checkout = parseMatchers('team="checkout"') as LabelMatcher[];
    // Prometheus' own view: firing and pending (for: not yet met), the other team's left out.
    const fromPrometheus = new PrometheusAlertsClient(prometheus.url, checkout, 5000);
    const seen = (await waitFor(async () => {
      const alerts = await fromPrometheus.list();
      return alerts.length === 2 ? alerts : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250, what: 'the rules to be evaluated' }))!;
    const states = Object.fromEntries(seen.map((a) => [a.labels.alertname, a.state]));
    assert.deepEqual(states, { CheckoutQueueHigh: 'firing', CheckoutPending: 'pending' });
    const high = seen.find((a) => a.labels.alertname === 'CheckoutQueueHigh')!;
    assert.equal(high.annotations.runbook_url, 'https://runbooks.example/checkout#queue');
    assert.match(high.fingerprint, /^[0-9a-f]{16}$/);
    assert.equal((await fromPrometheus.list()).find((a) => a.labels.alertname === 'CheckoutQueueHigh')!.fingerprint, high.fingerprint, 'the same labels, the same id');

    // Alertmanager's view: only firing alerts reach it; silencing one shows there.
    const fromAlertmanager = new AlertmanagerClient(am.url, checkout, 5000);
    const fired = (await waitFor(async () => {
      const alerts = await fromAlertmanager.list();
      return alerts.length > 0 ? alerts : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250, what: 'Prometheus to send the alert to Alertmanager' }))!;
    assert.deepEqual(fired.map((a) => a.labels.alertname), ['CheckoutQueueHigh']);
    assert.equal(fired[0]!.labels.service, 'checkout-api');
    const now = Date.now();
    await fromAlertmanager.create({ matchers: parseMatchers('alertname="CheckoutQueueHigh"') as LabelMatcher[], startsAt: now, endsAt: now + 600_000, createdBy: 'e2e', comment: 'e2e' });
    await waitFor(async () => (await fromAlertmanager.list())[0]?.state === 'silenced', { what: 'the alert silenced' });
  } finally {
    await prometheus.stop();
    await am.stop();
  }
});
