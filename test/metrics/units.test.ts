import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatValue, type MetricUnit } from '../../src/metrics/units.js';

const table: [number | null, MetricUnit, string][] = [
  [0.05, 'percent', '5%'],
  [0.0123, 'percent', '1.23%'],
  [1, 'percent', '100%'],
  [0, 'percent', '0%'],
  [0.312, 'seconds', '312ms'],
  [0.0004, 'seconds', '400µs'],
  [2, 'seconds', '2s'],
  [12.345, 'seconds', '12.3s'],
  [90, 'seconds', '1.5m'],
  [7200, 'seconds', '2h'],
  [0, 'seconds', '0s'],
  [512, 'bytes', '512B'],
  [1536, 'bytes', '1.5KiB'],
  [5 * 2 ** 20, 'bytes', '5MiB'],
  [1.2 * 2 ** 30, 'bytes', '1.2GiB'],
  [3 * 2 ** 40, 'bytes', '3TiB'],
  [0, 'count', '0'],
  [7, 'count', '7'],
  [0.25, 'count', '0.25'],
  [999, 'count', '999'],
  [999.97, 'count', '1k'],
  [1500, 'count', '1.5k'],
  [2_340_000, 'count', '2.34M'],
  [-1500, 'count', '-1.5k'],
  [5e9, 'count', '5G'],
  [null, 'count', '–'],
  [NaN, 'seconds', '–'],
  [Infinity, 'bytes', '+Inf'],
  [-Infinity, 'count', '-Inf'],
];

for (const [value, unit, expected] of table) {
  test(`formatValue(${value}, ${unit}) = ${expected}`, () => {
    assert.equal(formatValue(value, unit), expected);
  });
}
