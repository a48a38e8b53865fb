// Which series of a multi-series answer a panel shows, and what each is called: the top few by
// their last value, named by the configured `legend` label or by the labels that tell them apart.
import { oneLine } from '../text/neutralise.js';
import type { GridSeries } from './range-window.js';

/** Series shown per panel by default. */
export const DEFAULT_SHOWN_SERIES = 3;

/** The newest non-null value of a series, or null. */
export function lastValue(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i]!;
  return null;
}

/** The `n` series with the highest last value (series with no value last). */
export function topSeries(series: readonly GridSeries[], n = DEFAULT_SHOWN_SERIES): GridSeries[] {
  return [...series]
    .sort((a, b) => (lastValue(b.values) ?? -Infinity) - (lastValue(a.values) ?? -Infinity))
    .slice(0, n);
}

/** Label names whose values differ between the given series. */
export function distinguishingLabels(all: readonly Record<string, string>[]): string[] {
  const names = new Set(all.flatMap((l) => Object.keys(l)));
  return [...names].filter((name) => new Set(all.map((l) => l[name] ?? '')).size > 1).sort();
}

/** What a series is called on the panel; '' for a lone series (the title says it all). */
export function seriesName(labels: Record<string, string>, all: readonly Record<string, string>[], legend?: string): string {
  // Label values come from the server: one safe line each.
  if (legend !== undefined && labels[legend] !== undefined) return oneLine(labels[legend]!);
  if (all.length <= 1) return '';
  const names = distinguishingLabels(all);
  if (names.length === 1) return oneLine(labels[names[0]!] ?? '');
  return oneLine(names.map((n) => `${n}=${labels[n] ?? ''}`).join(','));
}
