import assert from 'node:assert/strict';
import { test } from 'node:test';
import stringWidth from 'string-width';
import type { MetricsPanelView } from '../../src/metrics/types.js';
import { renderBrailleChart, frameLineToRuns } from '../../views/metrics/braille-chart.js';
import { panelRow } from '../../views/metrics/panel-row.js';
import { createTheme } from '../../views/theme/theme.js';
import { sparkline } from '../../views/metrics/sparkline.js';
import { KEYS, renderConsole } from '../helpers/render-console.js';

const T0 = Date.UTC(2026, 10, 23, 14, 0, 0);
const times = Array.from({ length: 30 }, (_, i) => T0 + i * 15_000);

function view(extra: Partial<MetricsPanelView> & { id: string; title: string }): MetricsPanelView {
  const values = times.map((_, i) => 0.01 + i * 0.001);
  return {
    unit: 'percent',
    below: false,
    source: 'query',
    times,
    series: [{ name: '', values }],
    current: values.at(-1)!,
    min: values[0]!,
    max: values.at(-1)!,
    state: 'ok',
    error: null,
    staleSince: null,
    updatedAt: times.at(-1)!,
    warn: 0.02,
    crit: 0.05,
    ...extra,
  };
}

const PANELS: MetricsPanelView[] = [
  view({ id: 'a', title: '5xx ratio', state: 'warn', current: 0.0312 }),
  view({ id: 'b', title: 'p95 latency', unit: 'seconds', state: 'crit', current: 2.5, crit: 2, warn: undefined, series: [{ name: '', values: times.map((_, i) => (i % 7 === 3 ? null : 1 + i / 10)) }] }),
  view({ id: 'c', title: 'queue depth', unit: 'count', state: 'ok', current: 1200, staleSince: T0 + 2 * 60_000 + 11_000 }),
  view({ id: 'd', title: 'broken query', times: [], series: [], current: null, min: null, max: null, updatedAt: null, error: 'HTTP 400: bad_data: parse error' }),
];

test('rows: marker, title, sparkline, value by unit, min/max, stale and error — no colour needed', async (t) => {
  const ui = renderConsole({ columns: 120, rows: 40 });
  t.after(() => ui.unmount());
  ui.store.getState().setMetricsPanels(PANELS);
  await ui.press('3', (f) => f.includes('▶3 Metrics') && f.includes('p95 latency'));
  const frame = ui.frame();
  const line = (text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
  assert.match(line('5xx ratio'), /! 5xx ratio .*[▁▂▃▄▅▆▇█].* 3\.12% /);
  assert.match(line('p95 latency'), /!!p95 latency .* 2\.5s /);
  assert.match(line('queue depth'), /1\.2k.*stale since 14:02:11/);
  assert.match(line('broken query'), /⚠ HTTP 400: bad_data: parse error/);
  assert.ok(line('5xx ratio').includes('›'), 'selection marked without colour');
});

test('j/k select, Enter zooms into a braille chart with axes and threshold, Esc closes', async (t) => {
  const ui = renderConsole({ columns: 120, rows: 40 });
  t.after(() => ui.unmount());
  ui.store.getState().setMetricsPanels(PANELS);
  await ui.press('3', (f) => f.includes('▶3 Metrics'));
  const selected = (f: string) => f.split('\n').find((l) => l.includes('›'))?.match(/(5xx ratio|p95 latency)/)?.[1];
  await ui.press('j', (f) => selected(f) === 'p95 latency');
  await ui.press('k', (f) => selected(f) === '5xx ratio');
  await ui.press(KEYS.down, (f) => selected(f) === 'p95 latency');
  await ui.press(KEYS.enter, (f) => f.includes('now 2.5s'));
  const frame = ui.frame();
  assert.ok(/[\u2801-\u28ff]/.test(frame), 'braille cells drawn');
  assert.ok(frame.includes('┄ crit 2s'), 'threshold named in the header');
  assert.ok(frame.includes('└──'), 'x axis');
  assert.ok(frame.includes('14:00:00') && frame.includes('14:07:15'), 'time labels');
  assert.ok(!frame.includes('1 Status'), 'chart takes the whole console');
  assert.ok(!frame.includes('\u001b[3'), 'the canvas escape codes do not reach the frame as raw text');
  await ui.press('j', (f) => f.includes('queue depth · now 1.2k') && f.includes('stale since 14:02:11'));
  await ui.press(KEYS.escape, (f) => f.includes('1 Status') && f.includes('p95 latency'));
  assert.equal(ui.store.getState().zoomed, false);
});

test('z on the metrics pane shows the chart too; an empty config says so', async (t) => {
  const ui = renderConsole({ columns: 100, rows: 30 });
  t.after(() => ui.unmount());
  await ui.press('3', (f) => f.includes('No metrics panels configured'));
  ui.store.getState().setMetricsPanels(PANELS);
  await ui.press('z', (f) => f.includes('now 3.12%'));
  await ui.press('z', (f) => f.includes('p95 latency'));
});

test('every row fits its width, at any width', () => {
  for (const width of [30, 50, 80, 120, 200]) {
    for (const panel of PANELS) {
      for (const selected of [true, false]) {
        const text = panelRow(panel, width, selected, createTheme('ansi256')).map((p) => p.text).join('');
        assert.ok(stringWidth(text) <= width, `${panel.title} at ${width}: ${stringWidth(text)} > ${width}: ${text}`);
      }
    }
  }
});

test('sparkline: gaps stay blank, sub-1 values still have shape, width is kept', () => {
  assert.equal(sparkline([0.001, 0.002, null, 0.004], 4), '▁▃ █');
  assert.equal(sparkline([1, 2], 5), '   ▁█');
  assert.equal(sparkline([], 3), '   ');
  assert.equal([...sparkline(Array.from({ length: 500 }, (_, i) => i), 40)].length, 40);
});

test('braille chart: size, dashed threshold in its colour, gaps not drawn as zero', () => {
  const values = times.map((_, i) => (i >= 10 && i < 14 ? null : 10 + (i % 5)));
  const theme = createTheme('ansi256');
  const lines = renderBrailleChart({ times, series: [{ values }], unit: 'count', threshold: { value: 20, paint: theme.threshold.crit }, paints: theme.series, width: 60, height: 14, timeLabel: (ms) => new Date(ms).toISOString().slice(11, 19) });
  assert.equal(lines.length, 14);
  for (const runs of lines) assert.ok(stringWidth(runs.map((r) => r.text).join('')) <= 60);
  assert.ok(lines.some((runs) => runs.some((r) => r.paint === theme.threshold.crit)), 'threshold drawn in the crit colour');
  assert.ok(lines.some((runs) => runs.some((r) => r.paint === theme.series[0])), 'series drawn in its colour');
  assert.match(lines[0]!.map((r) => r.text).join(''), /^20┤/);
  // The lowest plotted row is the minimum (10), not zero: a gap did not pull the line down.
  assert.match(lines[11]!.map((r) => r.text).join(''), /^10┤/);
});

test('frameLineToRuns turns per-cell escapes into coloured runs', () => {
  assert.deepEqual(frameLineToRuns(' \u001b[31m⠉\u001b[39m\u001b[31m⠉\u001b[39m \u001b[36m⡠\u001b[39m'), [
    { text: ' ' },
    { text: '⠉⠉', color: 'red' },
    { text: ' ' },
    { text: '⡠', color: 'cyan' },
  ]);
});
