// The alerts pane's data: the war room's alerts as last read, why the last read failed (if it
// did), the silences this incident created, and how posting to Grafana goes. The alerts
// capability writes it (one commit per read); the pane reads it and calls AlertCommands.
import type { AlertView, IncidentSilence } from '../alerts/types.js';
import type { AnnotationStatus } from '../annotations/types.js';
import type { SliceCreator } from './slice.js';

/** What the alerts pane's keys and `:silence` ask of the alerts capability. */
export interface AlertCommands {
  /** `a` on an alert: silence it for this incident (after a confirmation); true when created (or shown, in a dry run). */
  acknowledge(alertId: string): Promise<boolean>;
  /** `:silence MATCHERS [DURATION]`. */
  silence(args: string): Promise<boolean>;
}

/** The alerts slice. */
export interface AlertsSlice {
  alerts: {
    /** Where alerts come from; null when `alerts:` is not configured. */
    source: 'alertmanager' | 'prometheus' | null;
    /** The alerts as last read, worst first. */
    list: readonly AlertView[];
    /** Epoch ms of the last successful read; null before the first. */
    readAt: number | null;
    /** Why the last read failed; null when it worked. */
    error: string | null;
    /** The silences this incident created. */
    silences: readonly IncidentSilence[];
    /** Grafana annotations; null when `grafana:` is not configured. */
    annotations: AnnotationStatus | null;
  };
  /** Set by the alerts capability while it runs. */
  alertCommands: AlertCommands | null;
  setAlerts: (patch: Partial<AlertsSlice['alerts']>) => void;
  setAlertCommands: (commands: AlertCommands | null) => void;
}

/** Builds the alerts slice. */
export const createAlertsSlice: SliceCreator<AlertsSlice> = (set, get) => ({
  alerts: { source: null, list: [], readAt: null, error: null, silences: [], annotations: null },
  alertCommands: null,
  setAlerts: (patch) => set({ alerts: { ...get().alerts, ...patch } }),
  setAlertCommands: (commands) => set({ alertCommands: commands }),
});
