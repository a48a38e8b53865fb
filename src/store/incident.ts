import type { Severity } from '../config/types.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import type { SliceCreator } from './slice.js';

/** The incident the console is on, as the header shows it. */
export interface IncidentSlice {
  incident: {
    id: string;
    title: string;
    severity: Severity;
    /** Epoch ms the incident was opened. */
    startedAt: number;
    resolvedAt: number | null;
    operator: string;
    mode: ConsoleMode;
  };
  setSeverity: (severity: Severity) => void;
  setIncident: (patch: Partial<IncidentSlice['incident']>) => void;
}

/** Builds the incident slice. */
export const createIncidentSlice: SliceCreator<IncidentSlice> = (set, get) => ({
  incident: {
    id: '',
    title: '',
    severity: 'P2',
    startedAt: Date.now(),
    resolvedAt: null,
    operator: '',
    mode: 'live',
  },
  setSeverity: (severity) => set({ incident: { ...get().incident, severity } }),
  setIncident: (patch) => set({ incident: { ...get().incident, ...patch } }),
});
