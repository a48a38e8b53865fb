import type { MetricsPanelView, QueryPanelOutcome, QueryPanelRequest } from '../metrics/types.js';
import type { SliceCreator } from './slice.js';

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
export const createMetricsSlice: SliceCreator<MetricsSlice> = (set, get) => ({
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
