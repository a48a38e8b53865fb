// A sparkline of a window as block characters, written here rather than with the `sparkline`
// package: that one cannot show gaps and does 32-bit integer maths (values below 1 all draw as
// the lowest bar). Values are normalised to 0..100 first, gaps stay blank, never a zero bar.

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** Shrinks a window to `width` columns: each column is the mean of its slice, null if all gaps. */
export function resample(values: readonly (number | null)[], width: number): (number | null)[] {
  if (values.length <= width) return [...values];
  const out: (number | null)[] = [];
  for (let col = 0; col < width; col++) {
    const from = Math.floor((col * values.length) / width);
    const to = Math.floor(((col + 1) * values.length) / width);
    let sum = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    out.push(n === 0 ? null : sum / n);
  }
  return out;
}

/**
 * Draws `values` in at most `width` cells, right-aligned (newest at the right edge). A flat line
 * draws at the lowest bar; `min`/`max` may be given to share a scale.
 */
export function sparkline(values: readonly (number | null)[], width: number, range?: { min: number; max: number }): string {
  if (width <= 0) return '';
  const shown = resample(values, width);
  const finite = shown.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = range?.min ?? Math.min(...finite);
  const max = range?.max ?? Math.max(...finite);
  const span = max - min;
  const cells = shown.map((v) => {
    if (v === null || !Number.isFinite(v)) return ' ';
    const level = span > 0 ? Math.round(((v - min) / span) * 100) : 0;
    return TICKS[Math.min(TICKS.length - 1, Math.floor((Math.max(0, level) * TICKS.length) / 101))]!;
  });
  return cells.join('').padStart(width, ' ');
}
