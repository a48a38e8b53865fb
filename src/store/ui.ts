import type { SliceCreator } from './slice.js';

/**
 * A pane of the console, by its id in the views' pane registry (`views/panes/registry.ts`): which
 * panes exist, where they sit and which keys focus them is the registry's business, not the store's.
 */
export type PaneId = string;

/** A message for the user, shown in the footer until replaced or it expires. */
export interface Flash {
  text: string;
  tone: 'info' | 'warn' | 'error';
  /** Epoch ms after which it is no longer shown. */
  until: number;
}

/** A run in progress: what it is, in words ("restart checkout-api"), and how to stop it. */
export interface RunningWork {
  description: string;
  cancel: () => void;
}

/** Console layout and focus: what the views need to draw the frame around the panes. */
export interface UiSlice {
  /** The focused pane (the first one shown when no shown pane has this id). */
  focus: PaneId;
  zoomed: boolean;
  helpOpen: boolean;
  /** The `:` command line's text while open, else null. */
  commandLine: string | null;
  flash: Flash | null;
  /** Which pane a slot shared by several panes shows (`T` puts the timeline in the logs' slot), by slot; a slot not listed shows its first pane. */
  shown: Readonly<Record<string, PaneId>>;
  /**
   * Runs in progress (actions, runbook steps), by id: the one registry the header counts, quitting
   * warns about and `:cancel` stops, so the three can never disagree.
   */
  running: Record<string, RunningWork>;
  /**
   * The engine is still starting: the console draws its first frame before the checks, log tails
   * and runbook are up, and a pane with nothing to show yet says so rather than "not configured".
   */
  starting: boolean;
  focusPane: (pane: PaneId) => void;
  toggleZoom: () => void;
  setHelp: (open: boolean) => void;
  setCommandLine: (text: string | null) => void;
  showFlash: (text: string, tone?: Flash['tone'], ms?: number) => void;
  /** Shows `pane` in `slot` (null: the slot's first pane again). */
  showInSlot: (slot: string, pane: PaneId | null) => void;
  /** Registers a run while it goes (null: it ended). */
  setRunning: (id: string, work: RunningWork | null) => void;
  /** Stops every run in progress; returns what was asked to stop. */
  cancelRunning: () => string[];
  setStarting: (starting: boolean) => void;
}

/** Builds the UI slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  focus: 'status',
  zoomed: false,
  helpOpen: false,
  commandLine: null,
  flash: null,
  shown: {},
  running: {},
  starting: false,
  focusPane: (pane) => set({ focus: pane }),
  toggleZoom: () => set({ zoomed: !get().zoomed }),
  setHelp: (open) => set({ helpOpen: open }),
  setCommandLine: (text) => set({ commandLine: text }),
  showFlash: (text, tone = 'info', ms = 5000) => set({ flash: { text, tone, until: Date.now() + ms } }),
  showInSlot: (slot, pane) => {
    const shown = { ...get().shown };
    if (pane === null) delete shown[slot];
    else shown[slot] = pane;
    set({ shown });
  },
  setRunning: (id, work) => {
    const running = { ...get().running };
    if (work === null) delete running[id];
    else running[id] = work;
    set({ running });
  },
  cancelRunning: () => {
    const works = Object.values(get().running);
    for (const work of works) work.cancel();
    return works.map((work) => work.description);
  },
  setStarting: (starting) => set({ starting }),
});
