import type { StateCreator } from 'zustand/vanilla';
import type { PanelConfig } from '../config/types.js';
import type { WarroomState } from './store.js';

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

/** What views and other capabilities may ask of the metrics capability (implemented by MetricsPoller). */
export interface MetricsActions {
  /** Adds a live query panel for this session (refreshed like the configured ones, no thresholds). */
  addQueryPanel(request: QueryPanelRequest): QueryPanelOutcome;
}

/** The metrics pane's data and selection. */
export interface MetricsSlice {
  metrics: {
    panels: MetricsPanelView[];
    /** Index of the selected panel. */
    selected: number;
    /** The zoomed braille chart of the selected panel is open. */
    chartOpen: boolean;
    /** Set while the metrics capability runs with a Prometheus to query; null otherwise. */
    actions: MetricsActions | null;
  };
  /** Replaces every panel at once: one commit per refresh round. */
  setMetricsPanels: (panels: MetricsPanelView[]) => void;
  setMetricsActions: (actions: MetricsActions | null) => void;
  /** Moves the selection by `step`, clamped to the panels. */
  selectMetricsPanel: (step: number) => void;
  setMetricsChart: (open: boolean) => void;
}

/** Builds the metrics slice. */
export const createMetricsSlice: StateCreator<WarroomState, [], [], MetricsSlice> = (set, get) => ({
  metrics: { panels: [], selected: 0, chartOpen: false, actions: null },
  setMetricsPanels: (panels) => {
    const m = get().metrics;
    set({ metrics: { ...m, panels, selected: Math.min(m.selected, Math.max(0, panels.length - 1)) } });
  },
  selectMetricsPanel: (step) => {
    const m = get().metrics;
    const selected = Math.max(0, Math.min(m.panels.length - 1, m.selected + step));
    if (selected !== m.selected) set({ metrics: { ...m, selected } });
  },
  setMetricsActions: (actions) => set({ metrics: { ...get().metrics, actions } }),
  setMetricsChart: (open) => set({ metrics: { ...get().metrics, chartOpen: open } }),
});
