import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { parseExposition } from '../../src/metrics/exposition.js';
import {
  countAction,
  countEscalation,
  countLogLines,
  countTimelineEvent,
  observeProbe,
  observeRender,
  selfMetrics,
  setChecksByState,
  serveSelfMetrics,
  startSelfMetricsServer,
} from '../../src/selfmetrics/index.js';
import { register as globalRegistry } from 'prom-client';

test('warroom serves its own metrics on loopback, parseable by the strict parser', async () => {
  setChecksByState({ UP: 3, DOWN: 1 });
  observeProbe('http', 0.042);
  countLogLines('checkout-api', 10, 2);
  countLogLines('checkout-api', 5);
  countAction('ok');
  countEscalation('sent', 'slack');
  countEscalation('failed', 'pagerduty');
  countTimelineEvent('note');
  observeRender(12);
  const server = await serveSelfMetrics(0);
  try {
    const res = await request(`http://127.0.0.1:${server.port}/metrics`);
    assert.equal(res.statusCode, 200);
    const families = parseExposition(await res.body.text());
    const sample = (family: string, sampleName: string, labels: Record<string, string> = {}) =>
      families
        .find((f) => f.name === family)
        ?.samples.find((s) => s.name === sampleName && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    assert.equal(sample('warroom_checks', 'warroom_checks', { state: 'DOWN' }), 1);
    assert.equal(sample('warroom_probe_duration_seconds', 'warroom_probe_duration_seconds_count', { kind: 'http' }), 1);
    assert.equal(sample('warroom_log_lines_ingested_total', 'warroom_log_lines_ingested_total', { source: 'checkout-api' }), 15);
    assert.equal(sample('warroom_log_lines_dropped_total', 'warroom_log_lines_dropped_total', { source: 'checkout-api' }), 2);
    assert.equal(sample('warroom_actions_total', 'warroom_actions_total', { result: 'ok' }), 1);
    assert.equal(sample('warroom_escalations_sent_total', 'warroom_escalations_sent_total', { channel: 'slack' }), 1);
    assert.equal(sample('warroom_escalations_failed_total', 'warroom_escalations_failed_total', { channel: 'pagerduty' }), 1);
    assert.equal(sample('warroom_timeline_events_total', 'warroom_timeline_events_total', { kind: 'note' }), 1);
    assert.equal(sample('warroom_render_frames_total', 'warroom_render_frames_total'), 1);
    assert.ok(families.some((f) => f.name === 'warroom_process_cpu_user_seconds_total'), 'default process metrics');
    const missing = await request(`http://127.0.0.1:${server.port}/other`);
    assert.equal(missing.statusCode, 404);
    await missing.body.dump();
    assert.equal((await globalRegistry.getMetricsAsJSON()).filter((m) => m.name.startsWith('warroom_')).length, 0, 'global registry untouched');
  } finally {
    await server.close();
  }
});

test('a port in use is a plain message', async () => {
  const first = await startSelfMetricsServer(0, selfMetrics().registry);
  try {
    await assert.rejects(startSelfMetricsServer(first.port, selfMetrics().registry), { message: `metrics port ${first.port} is already in use` });
  } finally {
    await first.close();
  }
});
