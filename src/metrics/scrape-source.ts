// A scrape panel's source: GET a /metrics page, parse it, and turn it into one number per step
// using the previous page for rates. No Prometheus needed.
import type { Dispatcher } from 'undici';
import { ExpositionParseError, parseExposition } from './exposition.js';
import { getText } from './http-text.js';
import { readPage, valueBetween, type ScrapeReading, type ScrapeSelector } from './scrape-reading.js';
import { MetricsSourceError, neutraliseMessage } from './source-error.js';

/** Reads one /metrics page per call and keeps what the next call needs. */
export class ScrapeSource {
  private previous: { reading: ScrapeReading; atMs: number } | undefined;

  constructor(
    private readonly url: string,
    private readonly selector: ScrapeSelector,
    private readonly timeoutMs: number,
    private readonly dispatcher?: Dispatcher,
  ) {}

  /** Scrapes now; resolves to the panel value (null when not yet known), throws MetricsSourceError. */
  async sample(nowMs: number): Promise<number | null> {
    const res = await getText(this.url, {
      headers: { accept: 'application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.9,*/*;q=0.1' },
      timeoutMs: this.timeoutMs,
      ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
    });
    if (res.status >= 400) {
      const snippet = neutraliseMessage(res.body, 120);
      throw new MetricsSourceError(`HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`);
    }
    const format = res.contentType.includes('openmetrics') ? 'openmetrics' : 'auto';
    let reading: ScrapeReading;
    try {
      reading = readPage(parseExposition(res.body, format), this.selector);
    } catch (error) {
      if (error instanceof ExpositionParseError) {
        throw new MetricsSourceError(`bad /metrics page: ${neutraliseMessage(error.message)}`);
      }
      throw error;
    }
    const previous = this.previous;
    this.previous = { reading, atMs: nowMs };
    return valueBetween(previous?.reading, reading, previous ? (nowMs - previous.atMs) / 1000 : 0, this.selector.quantile);
  }
}
