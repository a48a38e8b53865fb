// What a scrape panel's number is, from two consecutive /metrics pages: a gauge's value, a
// counter's per-second rate, a histogram's quantile over the new observations (like
// histogram_quantile(rate(..._bucket))), summed over the series that match the panel's labels.
import type { MetricFamily, Sample } from './exposition.js';
import { parseFloatStrict } from './exposition.js';
import { bucketQuantile } from './histogram.js';
import { labelKey } from './range-window.js';
import { MetricsSourceError } from './source-error.js';

/** The raw numbers one page gives for a panel, kept until the next page arrives. */
export type ScrapeReading =
  | { kind: 'gauge'; value: number | null }
  /** Monotonic values per series key (counters, histogram/summary _sum and _count). */
  | { kind: 'counter'; series: Map<string, number> }
  /** Cumulative bucket counts per series key (without le) and bound. */
  | { kind: 'histogram'; buckets: Map<string, Map<number, number>> }
  | { kind: 'mean'; sums: Map<string, number>; counts: Map<string, number> };

/** What a panel asks of a page. */
export interface ScrapeSelector {
  metric: string;
  labels: Record<string, string>;
  quantile?: number;
}

function matches(sample: Sample, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([k, v]) => sample.labels[k] === v);
}

function seriesKey(labels: Record<string, string>, drop?: string): string {
  const rest = { ...labels };
  if (drop) delete rest[drop];
  return labelKey(rest);
}

function byKey(samples: Sample[], drop?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of samples) {
    const key = seriesKey(s.labels, drop);
    out.set(key, (out.get(key) ?? 0) + s.value);
  }
  return out;
}

/** Finds the family and sample names a `metric:` refers to. */
function locate(families: MetricFamily[], metric: string): { family: MetricFamily; sampleName: string } {
  const own = families.find((f) => f.name === metric);
  if (own) return { family: own, sampleName: own.type === 'counter' && !own.samples.some((s) => s.name === metric) ? `${metric}_total` : metric };
  const base = metric.replace(/_total$/, '');
  const counter = families.find((f) => f.name === base && f.type === 'counter');
  if (counter) return { family: counter, sampleName: metric };
  const holder = families.find((f) => f.samples.some((s) => s.name === metric));
  if (holder) return { family: holder, sampleName: metric };
  throw new MetricsSourceError(`metric ${metric} not found on the page`);
}

/** Reads the raw numbers a panel needs from one parsed page. */
export function readPage(families: MetricFamily[], selector: ScrapeSelector): ScrapeReading {
  const { family, sampleName } = locate(families, selector.metric);
  const pick = (name: string): Sample[] => family.samples.filter((s) => s.name === name && matches(s, selector.labels));
  const isSuffix = sampleName !== family.name;
  const type = family.type;
  if (type === 'counter' || (isSuffix && /_(sum|count|total)$/.test(sampleName) && type !== 'gaugehistogram')) {
    return { kind: 'counter', series: byKey(pick(sampleName)) };
  }
  if (type === 'histogram' && !isSuffix) {
    if (selector.quantile === undefined) {
      return { kind: 'mean', sums: byKey(pick(`${family.name}_sum`)), counts: byKey(pick(`${family.name}_count`)) };
    }
    const buckets = new Map<string, Map<number, number>>();
    for (const s of pick(`${family.name}_bucket`)) {
      const key = seriesKey(s.labels, 'le');
      const le = parseFloatStrict(s.labels.le ?? '') ?? NaN;
      const perLe = buckets.get(key) ?? new Map<number, number>();
      perLe.set(le, (perLe.get(le) ?? 0) + s.value);
      buckets.set(key, perLe);
    }
    return { kind: 'histogram', buckets };
  }
  if (type === 'summary' && !isSuffix) {
    if (selector.quantile === undefined) {
      return { kind: 'mean', sums: byKey(pick(`${family.name}_sum`)), counts: byKey(pick(`${family.name}_count`)) };
    }
    // Quantiles of different series cannot be added; the worst (highest) one is shown.
    const values = pick(family.name)
      .filter((s) => parseFloatStrict(s.labels.quantile ?? '') === selector.quantile)
      .map((s) => s.value)
      .filter((v) => Number.isFinite(v));
    return { kind: 'gauge', value: values.length ? Math.max(...values) : null };
  }
  const values = pick(sampleName).map((s) => s.value);
  if (values.length === 0) return { kind: 'gauge', value: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { kind: 'gauge', value: Number.isFinite(sum) ? sum : null };
}

/**
 * How much a counter grew. A drop means it restarted from zero, so the new value is the growth;
 * a series absent from the previous page was created since (client libraries create counter
 * series on first increment), so it too grew from zero. This makes a first 5xx show at once,
 * where Prometheus's rate() would wait for a second sample.
 */
function growth(prev: number | undefined, cur: number): number {
  if (prev === undefined) return cur;
  return cur >= prev ? cur - prev : cur;
}

function summedGrowth(prev: Map<string, number>, cur: Map<string, number>): number | null {
  if (cur.size === 0) return null;
  let total = 0;
  for (const [key, value] of cur) total += growth(prev.get(key), value);
  return total;
}

/**
 * The panel value from the previous and current readings `seconds` apart; null when it cannot be
 * known yet (first page of a counter, no new observations) — a gap, never a zero.
 */
export function valueBetween(prev: ScrapeReading | undefined, cur: ScrapeReading, seconds: number, quantile?: number): number | null {
  if (cur.kind === 'gauge') return cur.value;
  if (!prev || prev.kind !== cur.kind || !(seconds > 0)) return null;
  if (cur.kind === 'counter' && prev.kind === 'counter') {
    const grew = summedGrowth(prev.series, cur.series);
    return grew === null ? null : grew / seconds;
  }
  if (cur.kind === 'mean' && prev.kind === 'mean') {
    const sum = summedGrowth(prev.sums, cur.sums);
    const count = summedGrowth(prev.counts, cur.counts);
    return sum === null || !count ? null : sum / count;
  }
  if (cur.kind === 'histogram' && prev.kind === 'histogram') {
    const perLe = new Map<number, number>();
    for (const [key, buckets] of cur.buckets) {
      const before = prev.buckets.get(key) ?? new Map<number, number>(); // a new series grew from zero
      // A reset shows as a drop of the +Inf bucket: then every bucket restarted from zero.
      const reset = (buckets.get(Infinity) ?? 0) < (before.get(Infinity) ?? 0);
      for (const [le, count] of buckets) {
        const delta = reset ? count : count - (before.get(le) ?? 0);
        perLe.set(le, (perLe.get(le) ?? 0) + Math.max(0, delta));
      }
    }
    if (perLe.size === 0) return null;
    const q = bucketQuantile(quantile ?? 0.5, [...perLe].map(([upperBound, count]) => ({ upperBound, count })));
    return q !== null && Number.isFinite(q) ? q : null;
  }
  return null;
}
