// A scrape panel's source: one /metrics page per step turned into one number, using the
// previous page for rates. No Prometheus needed.
import type { PageFetch } from './page-fetch.js';
import { readPage, valueBetween, type ScrapeReading, type ScrapeSelector } from './scrape-reading.js';

/** Reads a page per call and keeps what the next call needs. */
export class ScrapeSource {
  private previous: { reading: ScrapeReading; atMs: number } | undefined;

  constructor(
    private readonly url: string,
    private readonly selector: ScrapeSelector,
  ) {}

  /** Reads the page now; resolves to the panel value (null while unknown), throws MetricsSourceError. */
  async sample(nowMs: number, fetch: PageFetch): Promise<number | null> {
    const reading = readPage(await fetch(this.url), this.selector);
    const previous = this.previous;
    this.previous = { reading, atMs: nowMs };
    return valueBetween(previous?.reading, reading, previous ? (nowMs - previous.atMs) / 1000 : 0, this.selector.quantile);
  }
}
