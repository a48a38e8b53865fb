// histogram_quantile over cumulative buckets, following Prometheus's own interpolation so a
// scrape panel and a PromQL panel agree on the same data.

/** One cumulative bucket: observations <= upperBound. */
export interface Bucket {
  upperBound: number;
  count: number;
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside the bucket it falls in.
 * Returns null where Prometheus returns NaN (no observations, no +Inf bucket, too few buckets).
 */
export function bucketQuantile(q: number, input: readonly Bucket[]): number | null {
  if (Number.isNaN(q)) return null;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if (buckets.length < 2 || buckets[buckets.length - 1]!.upperBound !== Infinity) return null;
  // Counts must not fall with the bound; a torn scrape can make them, so take the running max.
  let max = 0;
  const counts = buckets.map((b) => (max = Math.max(max, b.count)));
  const observations = counts[counts.length - 1]!;
  if (!(observations > 0)) return null;
  let rank = q * observations;
  let b = counts.findIndex((c) => c >= rank);
  if (b === -1) b = counts.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2]!.upperBound;
  if (b === 0 && buckets[0]!.upperBound <= 0) return buckets[0]!.upperBound;
  let start = 0;
  const end = buckets[b]!.upperBound;
  let count = counts[b]!;
  if (b > 0) {
    start = buckets[b - 1]!.upperBound;
    count -= counts[b - 1]!;
    rank -= counts[b - 1]!;
  }
  return count === 0 ? end : start + (end - start) * (rank / count);
}
