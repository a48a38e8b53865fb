import type { Severity } from '../config/types.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import type { SliceCreator } from './slice.js';
import type { MilestoneName } from '../timeline/key-times.js';
import type { RoleHolders } from '../timeline/roles.js';

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
    /** Who holds each incident role, as the journal says. */
    roles: RoleHolders;
    /** Milestones reached so far (epoch ms), as the journal says; the header shows the latest. */
    milestones: Partial<Record<MilestoneName, number>>;
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
    roles: { ic: null, scribe: null, comms: null },
    milestones: {},
  },
  setSeverity: (severity) => set({ incident: { ...get().incident, severity } }),
  setIncident: (patch) => set({ incident: { ...get().incident, ...patch } }),
});
