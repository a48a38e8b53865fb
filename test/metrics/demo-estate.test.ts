// The metrics capability on the demo estate's real /metrics pages (prom-client), through the
// real config loader: every demo panel gets numbers, and the scripted incident crosses crit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadConfigText } from '../../src/config/load.js';
import { startDemoEstate } from '../../src/demo/index.js';
import { MemoryRecorder } from '../helpers/memory-recorder.js';
import { MetricsPoller } from '../../src/metrics/poller.js';
import { createWarroomStore } from '../../src/store/store.js';
import { waitFor } from '../helpers/wait-for.js';

test('demo estate: scrape panels read rates, quantiles and gauges, and the incident crosses crit', { timeout: 120_000 }, async () => {
  const estate = await startDemoEstate({ speed: 10 });
  const store = createWarroomStore();
  const recorder = new MemoryRecorder();
  try {
    const config = loadConfigText(estate.configYaml(), join(estate.info.dir, 'warroom.yaml'), { ...process.env, ...estate.env() });
    assert.ok(config.metrics && config.metrics.panels.length > 0, 'the demo config has panels');
    const poller = new MetricsPoller({ config: { ...config.metrics, stepMs: 500 }, store, recorder });
    await waitFor(async () => {
      await poller.refreshOnce();
      const panels = store.getState().metrics.panels;
      assert.deepEqual(panels.map((p) => p.error).filter(Boolean), [], 'no panel errors');
      const requests = panels.find((p) => p.title === 'checkout requests/s');
      return requests?.current !== null && requests!.current! > 0 ? true : undefined;
    }, { timeoutMs: 60_000, what: 'every panel to have a value', intervalMs: 200 });
    await waitFor(
      async () => {
        await poller.refreshOnce();
        return recorder.ofKind('metric.threshold').some((e) => e.data.to === 'crit') ? true : undefined;
      },
      { timeoutMs: 90_000, what: 'the scripted incident to push a panel into crit', intervalMs: 200 },
    );
    const crit = recorder.ofKind('metric.threshold').find((e) => e.data.to === 'crit')!;
    assert.equal(typeof crit.data.value, 'number');
    assert.ok(store.getState().metrics.panels.some((p) => p.state === 'crit'));
  } finally {
    await estate.stop();
  }
});
