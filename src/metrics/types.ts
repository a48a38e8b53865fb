// The metrics capability's own names: what a panel looks like on screen, and what asking for a
// new query panel gives. The store holds panels of this shape; it does not define them.
import type { PanelConfig } from '../config/types.js';

/** A panel's threshold colour; 'none' when it has no thresholds. */
export type PanelThresholdState = 'none' | 'ok' | 'warn' | 'crit';

/** One plotted series of a panel. */
export interface MetricsSeriesView {
  /** Distinguishing labels or the legend label; '' for a panel's only series. */
  name: string;
  /** One value per entry of the panel's `times`; null is a gap (no data, NaN, ±Inf). */
  values: (number | null)[];
}

/** Everything the metrics pane draws for one panel. */
export interface MetricsPanelView {
  id: string;
  title: string;
  unit: PanelConfig['unit'];
  warn?: number;
  crit?: number;
  below: boolean;
  source: 'query' | 'scrape';
  /** Epoch ms of each point, oldest first. */
  times: number[];
  /** The shown series, highest last value first. */
  series: MetricsSeriesView[];
  /** The value thresholds are judged on (the worst shown series' newest value). */
  current: number | null;
  min: number | null;
  max: number | null;
  state: PanelThresholdState;
  /** The last failure, safe to show; null after a success. */
  error: string | null;
  /** Epoch ms of the last good answer once the source has missed 2 steps, else null. */
  staleSince: number | null;
  /** Epoch ms of the last good answer. */
  updatedAt: number | null;
}

/** A PromQL panel asked for while the console runs (a runbook's `promql` block). */
export interface QueryPanelRequest {
  title: string;
  query: string;
  /** Where the query was found, recorded with the panel on the timeline. */
  from?: { runbook: string; section: string; step: string; line: number };
}

/** What became of a request: a new panel, one already showing that query, or why there can be none. */
export type QueryPanelOutcome =
  | { status: 'added'; title: string }
  | { status: 'exists'; title: string }
  | { status: 'unavailable'; message: string };
