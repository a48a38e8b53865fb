import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import stringWidth from 'string-width';
import type { CheckRow } from '../../src/store/checks.js';
import { fit, fitTarget, headerCells, rowCells, statusColumns } from '../../views/status/status-columns.js';

const row = (extra: Partial<CheckRow> = {}): CheckRow => ({
  id: 'r',
  checkId: 'r',
  service: 'checkout-api',
  instance: 'app-1',
  check: 'health',
  kind: 'http',
  target: '127.0.0.1:8000/health',
  order: 0,
  state: 'DEGRADED',
  reason: '',
  latencyMs: 1234,
  since: 0,
  lastAt: 0,
  history: ['UP', 'DOWN', 'DEGRADED', 'UNKNOWN'],
  transitions: [],
  ...extra,
});

describe('status columns', () => {
  it('never makes a line wider than the pane, from 20 to 200 columns', () => {
    const rows = [row(), row({ service: '支付服务-非常长的名字', target: 'https://例え.jp:8443/health?token=…', instance: undefined })];
    for (let width = 20; width <= 200; width++) {
      const columns = statusColumns(width, rows);
      for (const r of rows) {
        const c = rowCells(r, columns, 1_000_000);
        const line = `  ${[c.service, c.instance, c.target, c.state, c.latency, c.history].filter(Boolean).join(' ')}`;
        assert.ok(stringWidth(line) <= width, `width ${width}: ${stringWidth(line)} ${line}`);
      }
      const h = headerCells(columns);
      assert.ok(stringWidth(`  ${[h.service, h.instance, h.target, h.state, h.latency, h.history].filter(Boolean).join(' ')}`) <= width);
    }
  });

  const targets: [string, number, string][] = [
    ['127.0.0.1:8000/health', 30, '127.0.0.1:8000/health'],
    ['127.0.0.1:8000/health', 12, ':8000/health'],
    ['127.0.0.1:8000/health', 6, ':8000 '],
    ['db.internal:5432', 6, ':5432 '],
    ['systemctl is-active payments-worker', 10, 'systemctl…'],
    ['/var/run/checkout/health.sock', 12, '…health.sock'],
  ];
  for (const [target, width, shown] of targets) {
    it(`shows ${target} in ${width} columns as ${JSON.stringify(shown)}`, () => {
      assert.equal(fitTarget(target, width).trimEnd(), shown.trimEnd());
      assert.equal(stringWidth(fitTarget(target, width)), width);
    });
  }

  it('cuts with an ellipsis and pads to the exact width', () => {
    assert.equal(fit('abcdef', 4), 'abc…');
    assert.equal(fit('ab', 4), 'ab  ');
    assert.equal(fit('ab', 4, 'right'), '  ab');
  });

  it('shows state as symbol, word and time in state', () => {
    const c = rowCells(row({ state: 'DOWN', since: 0 }), statusColumns(120, [row()]), 252_000);
    assert.equal(c.state.trimEnd(), '✖ DOWN 4m12s');
    assert.equal(c.latency.trim(), '1.2s');
    assert.equal(c.history.trim(), '▁█▄?');
  });
});
