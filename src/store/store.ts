// The one store of a warroom process, built from slices (zustand/vanilla: no React here).
// Each capability owns its slice file; views read single values through selectors, and sources
// write in batches (one commit per frame at most), never once per line or probe.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActionsSlice, type ActionsSlice } from './actions.js';
import { createEscalationSlice, type EscalationSlice } from './escalation.js';
import { createDialogSlice, type DialogSlice } from './dialog.js';
import { createIncidentSlice, type IncidentSlice } from './incident.js';
import { createUiSlice, type UiSlice } from './ui.js';

/** Everything the console shows. */
export type WarroomState = UiSlice & IncidentSlice & DialogSlice & ActionsSlice & EscalationSlice;

/** The store type views and sources are handed. */
export type WarroomStore = StoreApi<WarroomState>;

/** Creates a fresh store (one per console; tests make their own). */
export function createWarroomStore(): WarroomStore {
  return createStore<WarroomState>()((...a) => ({
    ...createUiSlice(...a),
    ...createIncidentSlice(...a),
    ...createDialogSlice(...a),
    ...createActionsSlice(...a),
    ...createEscalationSlice(...a),
  }));
}
