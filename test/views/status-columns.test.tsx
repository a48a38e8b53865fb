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
    const rows = [row(), row({ service: '支付服务-非常长的名字', check: 'ポストグレス-primary', target: 'https://例え.jp:8443/health?token=…', instance: undefined })];
    for (let width = 20; width <= 200; width++) {
      const columns = statusColumns(width, rows);
      for (const r of rows) {
        const c = rowCells(r, columns, 1_000_000);
        const line = `  ${[c.service, c.check, c.instance, c.target, c.state, c.latency, c.history].filter(Boolean).join(' ')}`;
        assert.ok(stringWidth(line) <= width, `width ${width}: ${stringWidth(line)} ${line}`);
      }
      const h = headerCells(columns);
      assert.ok(stringWidth(`  ${[h.service, h.check, h.instance, h.target, h.state, h.latency, h.history].filter(Boolean).join(' ')}`) <= width);
    }
  });

  const targets: [string, number, string][] = [
    ['127.0.0.1:8000/health', 30, '127.0.0.1:8000/health'],
    ['127.0.0.1:8000/health', 12, ':8000/health'],
    ['127.0.0.1:8000/health', 6, ':8000 '],
    ['db.internal:5432', 6, ':5432 '],
    // Another host tells rows apart: the path goes before it does.
    ['10.0.0.7:8000/health', 14, '10.0.0.7:8000'],
    ['https://scout.internal:8000/health', 27, 'https://scout.internal:8000'],
    ['localhost:8000/health', 12, ':8000/health'],
    ['systemctl is-active payments-worker', 10, 'systemctl…'],
    ['/var/run/checkout/health.sock', 12, '…health.sock'],
  ];
  for (const [target, width, shown] of targets) {
    it(`shows ${target} in ${width} columns as ${JSON.stringify(shown)}`, () => {
      assert.equal(fitTarget(target, width).trimEnd(), shown.trimEnd());
      assert.equal(stringWidth(fitTarget(target, width)), width);
    });
  }

  it('a configured label gets its own column; a label that is only the target shortened does not', () => {
    const labelled = [row({ service: 'infra', check: 'postgres', target: '127.0.0.1:5432' }), row({ service: 'infra', check: 'redis', target: '127.0.0.1:6379' })];
    for (const width of [78, 120]) {
      const columns = statusColumns(width, labelled);
      assert.ok(columns.check >= 'postgres'.length, `width ${width}: ${JSON.stringify(columns)}`);
      assert.equal(rowCells(labelled[1]!, columns, 0).check.trim(), 'redis');
      assert.equal(headerCells(columns).check.trim(), 'CHECK');
    }
    const derived = [row({ check: ':8000/health', target: '127.0.0.1:8000/health' }), row({ kind: 'command', check: 'systemctl is-active payments-wor…', target: 'systemctl is-active payments-worker' })];
    assert.equal(statusColumns(120, derived).check, 0);
  });

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
