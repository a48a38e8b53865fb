// How a panel's numbers read on screen: short, unit-aware, the same width-ish for every value,
// so the bridge call reads "312ms" or "1.2GiB" at a glance instead of 0.312 or 1288490188.
import type { PanelConfig } from '../config/types.js';

/** A panel's unit, as configured. */
export type MetricUnit = PanelConfig['unit'];

/** Three significant digits at most, trailing zeros dropped. */
function short(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toString();
}

function scaled(value: number, steps: readonly [number, string][], base: string): string {
  const abs = Math.abs(value);
  for (const [factor, suffix] of steps) {
    // Round first so 999.96 shows as "1k", not "1000".
    if (abs >= factor * 0.9995) return `${short(value / factor)}${suffix}`;
  }
  return `${short(value)}${base}`;
}

const COUNT_STEPS: readonly [number, string][] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];
const BYTE_STEPS: readonly [number, string][] = [
  [2 ** 50, 'PiB'],
  [2 ** 40, 'TiB'],
  [2 ** 30, 'GiB'],
  [2 ** 20, 'MiB'],
  [2 ** 10, 'KiB'],
];

function seconds(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0) return '0s';
  if (abs < 1e-3 * 0.9995) return `${short(value * 1e6)}µs`;
  if (abs < 0.9995) return `${short(value * 1e3)}ms`;
  if (abs < 60) return `${short(value)}s`;
  if (abs < 3600) return `${short(value / 60)}m`;
  return `${short(value / 3600)}h`;
}

/**
 * Formats a value for a panel. `percent` takes a ratio (0.05 → "5%"), as PromQL ratios are
 * written; null (no data, NaN, ±Inf gaps) reads "–".
 */
export function formatValue(value: number | null | undefined, unit: MetricUnit): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  switch (unit) {
    case 'percent':
      return `${short(value * 100)}%`;
    case 'seconds':
      return seconds(value);
    case 'bytes':
      return scaled(value, BYTE_STEPS, 'B');
    case 'count':
    default:
      return scaled(value, COUNT_STEPS, '');
  }
}
