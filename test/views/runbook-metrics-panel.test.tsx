// A runbook's PromQL block as a live metrics panel, in the whole console: `a` on the step adds the
// query to the metrics pane (value from a fake Prometheus API on loopback), once only, recorded on
// the incident journal under the operator, with `<placeholders>` asked first; without a Prometheus the key says so and adds nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { MetricsConfig, WarroomConfig } from '../../src/config/types.js';
import { Engine } from '../../src/engine/engine.js';
import { exportMarkdown } from '../../src/export/index.js';
import { metricsCapability } from '../../src/metrics/capability.js';
import { runbookCapability } from '../../src/runbooks/capability.js';
import { createWarroomStore } from '../../src/store/store.js';
import { openIncident } from '../../src/timeline/incidents.js';
import { rangeAnswer, startFakeServer } from '../metrics/fixtures/fake-server.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';
import { waitFor } from '../helpers/wait-for.js';
import { RecordingExecutor } from '../helpers/recording-executor.js';

const RUNBOOK = [
  '# API errors',
  '',
  '## Confirm',
  '',
  '1. **Error rate**',
  '   ```promql',
  '   sum(rate(http_requests_total{code=~"5.."}[5m]))',
  '   ```',
  '2. Latency (p95, one job):',
  '   ```promql',
  '   histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="<job>"}[5m])))',
  '   ```',
  '3. **Restart it**',
  '   ```bash',
  '   echo restart',
  '   ```',
].join('\n');

const stops: (() => Promise<void>)[] = [];
after(async () => {
  for (const stop of stops) await stop();
});

/** A console on a real incident journal with the runbook pane focused, the metrics capability on `metrics`. */
async function consoleWith(metrics: MetricsConfig | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-promql-panel-'));
  const runbook = join(dir, 'api.md');
  writeFileSync(runbook, RUNBOOK);
  const config: WarroomConfig = {
    file: join(dir, 'warroom.yaml'),
    baseDir: dir,
    incident: { title: 'API errors', severity: 'P2', runbook, responseTargets: { P0: 1, P1: 1, P2: 1, P3: 1, P4: 1 } },
    hosts: {},
    services: [],
    timeline: { dir: join(dir, 'incidents'), redact: [] },
    logs: { buffer: 100, errorRateNote: 30 },
    secrets: [],
    ...(metrics ? { metrics } : {}),
  };
  const journal = openIncident(config.timeline.dir, { title: 'API errors', severity: 'P2', operator: 'ana', pollMs: 50 });
  const store = createWarroomStore();
  store.getState().focusPane('runbook');
  const ui = renderConsole({ columns: 140, rows: 40, store });
  const engine = new Engine({ config, store, recorder: journal, executor: new RecordingExecutor(), mode: 'live', operator: 'ana' }, [metricsCapability, runbookCapability]);
  await engine.start();
  const stop = async () => {
    ui.unmount();
    await engine.stop();
    journal.close();
  };
  stops.push(stop);
  await waitFor(() => ui.frame().includes('▶4 Runbook') && ui.frame().includes('Error rate'), { what: 'first frame' });
  return { ui, store, journal, stop };
}

/** The metrics pane's row of a panel: its title, then (past the sparkline) its value. */
function panelLine(frame: string, title: string, value: string): boolean {
  return frame.split('\n').some((line) => new RegExp(`[› ]  ${title} .* ${value} `).test(line));
}

test('a on a PromQL step adds a live panel with its value; a second a adds nothing; recorded with the operator', async () => {
  const queries: string[] = [];
  const prom = await startFakeServer((url) => {
    const query = url.searchParams.get('query') ?? '';
    queries.push(query);
    return rangeAnswer(url, [{ metric: {}, value: () => (query.startsWith('sum(rate(http_requests_total') ? '42' : '0.25') }]);
  });
  stops.push(() => prom.close());
  const { ui, store, journal } = await consoleWith({ prometheus: { url: prom.url, headers: {} }, rangeMs: 600_000, stepMs: 1000, panels: [] });
  assert.match(ui.frame(), /⟨promql⟩ sum\(rate.*\n.*— press a to add as a metrics panel/);
  assert.match(ui.frame(), /Or press a on a runbook step's PromQL block/, 'the empty metrics pane says how to get a panel');

  await ui.press('a', (f) => f.includes('added metrics panel "Error rate" (on the metrics pane)'));
  await waitFor(() => panelLine(ui.frame(), 'Error rate', '42'), { what: 'the panel with its value in the metrics pane' });
  assert.ok(queries.includes('sum(rate(http_requests_total{code=~"5.."}[5m]))'));
  assert.equal(store.getState().focus, 'runbook', 'focus stays on the runbook');

  await ui.press('a', (f) => f.includes('already a metrics panel: "Error rate"'));
  assert.deepEqual(store.getState().metrics.panels.map((p) => p.title), ['Error rate']);

  // Charting only reads: the shared read-only screen may do it too.
  store.getState().setIncident({ mode: 'read-only' });
  await ui.press('j', (f) => /› \[ \] Latency/.test(f));
  await ui.press('a', (f) => f.includes('Value for <job>'));
  await ui.press('api', (f) => f.includes('api'));
  await ui.press(KEYS.enter, (f) => f.includes('added metrics panel "Latency"'));
  await waitFor(() => panelLine(ui.frame(), 'Latency', '0.25'), { what: 'the second panel' });
  assert.ok(queries.includes('histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))'), 'the placeholder is filled in');

  // A step without a PromQL block says so.
  await ui.press('j', (f) => /› \[ \] Restart it/.test(f));
  await ui.press('a', (f) => f.includes('this step has no PromQL block'));
  assert.equal(store.getState().metrics.panels.length, 2);

  const added = journal.events().filter((e) => e.kind === 'metric.panel-added');
  assert.deepEqual(
    added.map((e) => [e.operator, e.data.panel, e.data.query, e.data.section, e.data.step]),
    [
      ['ana', 'Error rate', 'sum(rate(http_requests_total{code=~"5.."}[5m]))', 'Confirm', 'Error rate'],
      ['ana', 'Latency', 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="api"}[5m])))', 'Confirm', 'Latency (p95, one job):'],
    ],
  );
  const markdown = exportMarkdown(journal.events(), { id: 'api-errors' });
  // The post-mortem's timeline says it in Markdown-escaped words.
  assert.ok(markdown.includes('| ana | Metrics panel added: "Error rate" (sum(rate(http_requests_total{code=\\~"5.."}\\[5m\\]))) from runbook step "Error rate" |'), markdown);
});

test('without a Prometheus the key says so and adds nothing (scrape-only metrics, or no metrics at all)', async () => {
  const page = await startFakeServer(() => ({ body: 'g 3\n', contentType: 'text/plain' }));
  stops.push(() => page.close());
  const scrapeOnly = await consoleWith({
    rangeMs: 600_000,
    stepMs: 1000,
    panels: [{ title: 'gauge', scrape: `${page.url}/metrics`, metric: 'g', labels: {}, unit: 'count', below: false, pos: { file: 'test', line: 1, col: 1 } }],
  });
  await waitFor(() => panelLine(scrapeOnly.ui.frame(), 'gauge', '3'), { what: 'the scraped panel' });
  assert.equal(scrapeOnly.store.getState().metrics.actions, null, 'nothing to ask a query of');
  await scrapeOnly.ui.press('a', (f) => f.includes('no Prometheus configured: set metrics.prometheus'));
  assert.deepEqual(scrapeOnly.store.getState().metrics.panels.map((p) => p.title), ['gauge']);
  assert.equal(scrapeOnly.journal.events().filter((e) => e.kind === 'metric.panel-added').length, 0);
  await scrapeOnly.stop();

  const none = await consoleWith(undefined);
  assert.equal(none.store.getState().metrics.actions, null);
  await waitFor(() => /⟨promql⟩ sum\(rate/.test(none.ui.frame()), { what: 'the PromQL step' });
  assert.doesNotMatch(none.ui.frame(), /press a to add as a metrics panel/, 'not offered where it cannot work');
  await none.ui.press('a', (f) => f.includes('no Prometheus configured: set metrics.prometheus'));
  assert.equal(none.store.getState().metrics.panels.length, 0);
  assert.equal(none.journal.events().filter((e) => e.kind === 'metric.panel-added').length, 0);
});
