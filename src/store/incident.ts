import type { StateCreator } from 'zustand/vanilla';
import type { Severity } from '../config/types.js';
import type { WarroomState } from './store.js';

/** How this console may act: live, or one of the two safe modes. */
export type ConsoleMode = 'live' | 'read-only' | 'dry-run';

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
export const createIncidentSlice: StateCreator<WarroomState, [], [], IncidentSlice> = (set, get) => ({
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
