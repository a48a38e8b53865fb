import type { HostState } from '../exec/types.js';
import type { SliceCreator } from './slice.js';

/** SSH host connections as the UI shows them (connecting / connected / failed + reason). */
export interface HostsSlice {
  /** By host name; a host appears once something first used it. */
  hosts: Record<string, HostState>;
  setHostState: (state: HostState) => void;
}

/** Builds the hosts slice. State changes are rare (connects, drops), so each one is a commit. */
export const createHostsSlice: SliceCreator<HostsSlice> = (set, get) => ({
  hosts: {},
  setHostState: (state) => set({ hosts: { ...get().hosts, [state.host]: state } }),
});
