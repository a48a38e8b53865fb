import type { MetricsPanelView, QueryPanelOutcome, QueryPanelRequest } from '../metrics/types.js';
import type { SliceCreator } from './slice.js';

/** What views and other capabilities may ask of the metrics capability (implemented by MetricsPoller). */
export interface MetricsActions {
  /** Adds a live query panel for this session (refreshed like the configured ones, no thresholds). */
  addQueryPanel(request: QueryPanelRequest): QueryPanelOutcome;
}

/** The metrics pane's data (the pane keeps its own selection). */
export interface MetricsSlice {
  metrics: {
    panels: MetricsPanelView[];
    /** Set while the metrics capability runs with a Prometheus to query; null otherwise. */
    actions: MetricsActions | null;
  };
  /** Replaces every panel at once: one commit per refresh round. */
  setMetricsPanels: (panels: MetricsPanelView[]) => void;
  setMetricsActions: (actions: MetricsActions | null) => void;
}

/** Builds the metrics slice. */
export const createMetricsSlice: SliceCreator<MetricsSlice> = (set, get) => ({
  metrics: { panels: [], actions: null },
  setMetricsPanels: (panels) => set({ metrics: { ...get().metrics, panels } }),
  setMetricsActions: (actions) => set({ metrics: { ...get().metrics, actions } }),
});
