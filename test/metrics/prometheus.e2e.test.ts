// End to end against a real Prometheus: it scrapes a prom-client server run here, the poller
// reads it back through query_range, and a threshold crossing lands on the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Counter, Gauge, Registry } from 'prom-client';
import type { MetricsConfig, PanelConfig } from '../../src/config/types.js';
import { MetricsPoller } from '../../src/metrics/poller.js';
import { startSelfMetricsServer } from '../../src/selfmetrics/server.js';
import { createWarroomStore } from '../../src/store/store.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { findPrometheus, startPrometheus } from './fixtures/real-prometheus.js';
import { waitFor } from '../helpers/wait-for.js';

const binary = findPrometheus();
const pos = { file: 'test', line: 1, col: 1 };
const panel = (extra: Partial<PanelConfig> & { title: string }): PanelConfig => ({ labels: {}, unit: 'count', below: false, pos, ...extra });

test('real Prometheus: panel values and a crit crossing end to end', { skip: binary ? false : 'prometheus is not installed (apt-get install prometheus)', timeout: 180_000 }, async () => {
  const registry = new Registry();
  const queue = new Gauge({ name: 'e2e_queue_size', help: 'queue', labelNames: ['queue'], registers: [registry] });
  const requests = new Counter({ name: 'e2e_requests_total', help: 'requests', registers: [registry] });
  queue.set({ queue: 'payments' }, 10);
  queue.set({ queue: 'mail' }, 3);
  const target = await startSelfMetricsServer(0, registry);
  const prometheus = await startPrometheus(binary!, [`127.0.0.1:${target.port}`]);
  const ticker = setInterval(() => requests.inc(5), 100);
  const poller = (config: MetricsConfig, store = createWarroomStore(), recorder = new MemoryRecorder()) => ({
    poller: new MetricsPoller({ config, store, recorder }),
    store,
    recorder,
  });
  try {
    const { poller: metrics, store, recorder } = poller({
      prometheus: { url: prometheus.url, headers: {} },
      rangeMs: 60_000,
      stepMs: 1000,
      panels: [
        panel({ title: 'queue', query: 'e2e_queue_size', legend: 'queue', crit: 100 }),
        panel({ title: 'rps', query: 'rate(e2e_requests_total[5s])' }),
        panel({ title: 'broken', query: 'sum(' }),
        panel({ title: 'scraped queue', scrape: `http://127.0.0.1:${target.port}/metrics`, metric: 'e2e_queue_size', labels: { queue: 'payments' } }),
      ],
    });
    // The first scrape lands some seconds after start: wait for points, never assume them.
    await waitFor(async () => {
      await metrics.refreshOnce();
      const [q, rps] = store.getState().metrics.panels;
      return q?.current === 10 && rps?.current !== null && rps!.current! > 0 ? true : undefined;
    }, { timeoutMs: 60_000, what: 'query_range to return points', intervalMs: 200 });
    let [queuePanel, rpsPanel, broken, scraped] = store.getState().metrics.panels;
    assert.deepEqual(queuePanel!.series.map((s) => s.name), ['payments', 'mail']);
    assert.equal(queuePanel!.state, 'ok');
    assert.equal(queuePanel!.error, null);
    assert.ok(rpsPanel!.current! > 10 && rpsPanel!.current! < 200, `rate ${rpsPanel!.current} near 50/s`);
    assert.match(broken!.error!, /^HTTP 400: bad_data: .*parse error/);
    assert.equal(scraped!.current, 10);

    queue.set({ queue: 'payments' }, 500);
    await waitFor(async () => {
      await metrics.refreshOnce();
      return recorder.events.length > 0 ? true : undefined;
    }, { timeoutMs: 60_000, what: 'the crossing to reach the timeline', intervalMs: 200 });
    [queuePanel] = store.getState().metrics.panels;
    assert.equal(queuePanel!.state, 'crit');
    assert.equal(queuePanel!.current, 500);
    assert.deepEqual({ kind: recorder.events[0]!.kind, data: recorder.events[0]!.data }, {
      kind: 'metric.threshold',
      data: { panel: 'queue', from: 'ok', to: 'crit', value: 500, display: '500', threshold: 100, below: false },
    });
  } finally {
    clearInterval(ticker);
    await prometheus.stop();
    await target.close();
  }
});
