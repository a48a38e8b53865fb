// Fetching and parsing a /metrics page, once per refresh round per URL: the demo estate (and
// real setups) point several panels at the same page, and one GET + one parse serves them all.
import type { Dispatcher } from 'undici';
import { ExpositionParseError, parseExposition, type MetricFamily } from './exposition.js';
import { getText } from './http-text.js';
import { oneLine } from '../text/neutralise.js';
import { MAX_MESSAGE, MetricsSourceError } from './source-error.js';

/** Gets a parsed page; rejects with MetricsSourceError. */
export type PageFetch = (url: string) => Promise<MetricFamily[]>;

const ACCEPT = 'application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.9,*/*;q=0.1';

/** GETs and parses one page (Prometheus text or OpenMetrics, by content type or `# EOF`). */
export async function fetchPage(url: string, timeoutMs: number, dispatcher?: Dispatcher): Promise<MetricFamily[]> {
  const res = await getText(url, { headers: { accept: ACCEPT }, timeoutMs, ...(dispatcher ? { dispatcher } : {}) });
  if (res.status >= 400) {
    const snippet = oneLine(res.body, 120);
    throw new MetricsSourceError(`HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`);
  }
  try {
    return parseExposition(res.body, res.contentType.includes('openmetrics') ? 'openmetrics' : 'auto');
  } catch (error) {
    if (error instanceof ExpositionParseError) throw new MetricsSourceError(`bad /metrics page: ${oneLine(error.message, MAX_MESSAGE)}`);
    throw error;
  }
}

/** A PageFetch that asks each URL once for as long as it is used (one refresh round). */
export function pageFetchOncePerUrl(timeoutMs: number, dispatcher?: Dispatcher): PageFetch {
  const pages = new Map<string, Promise<MetricFamily[]>>();
  return (url) => {
    let page = pages.get(url);
    if (!page) {
      page = fetchPage(url, timeoutMs, dispatcher);
      pages.set(url, page);
    }
    return page;
  };
}
