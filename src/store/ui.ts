import type { SliceCreator } from './slice.js';

/** The four panes, in focus order. */
export const PANES = ['status', 'logs', 'metrics', 'runbook'] as const;
/** A pane of the console. */
export type PaneId = (typeof PANES)[number];

/** A message for the user, shown in the footer until replaced or it expires. */
export interface Flash {
  text: string;
  tone: 'info' | 'warn' | 'error';
  /** Epoch ms after which it is no longer shown. */
  until: number;
}

/** Console layout and focus: what the views need to draw the frame around the panes. */
export interface UiSlice {
  focus: PaneId;
  zoomed: boolean;
  helpOpen: boolean;
  /** The `:` command line's text while open, else null. */
  commandLine: string | null;
  flash: Flash | null;
  /** Show the timeline in place of the logs pane. */
  timelineShown: boolean;
  /** Work in progress that quitting would interrupt, by id → description ("restart checkout-api"). */
  running: Record<string, string>;
  /**
   * The engine is still starting: the console draws its first frame before the checks, log tails
   * and runbook are up, and a pane with nothing to show yet says so rather than "not configured".
   */
  starting: boolean;
  focusPane: (pane: PaneId) => void;
  focusNext: (step: 1 | -1) => void;
  toggleZoom: () => void;
  setHelp: (open: boolean) => void;
  setCommandLine: (text: string | null) => void;
  showFlash: (text: string, tone?: Flash['tone'], ms?: number) => void;
  toggleTimeline: () => void;
  setRunning: (id: string, description: string | null) => void;
  setStarting: (starting: boolean) => void;
}

/** Builds the UI slice. */
export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  focus: 'status',
  zoomed: false,
  helpOpen: false,
  commandLine: null,
  flash: null,
  timelineShown: false,
  running: {},
  starting: false,
  focusPane: (pane) => set({ focus: pane }),
  focusNext: (step) => {
    const index = PANES.indexOf(get().focus);
    set({ focus: PANES[(index + step + PANES.length) % PANES.length] });
  },
  toggleZoom: () => set({ zoomed: !get().zoomed }),
  setHelp: (open) => set({ helpOpen: open }),
  setCommandLine: (text) => set({ commandLine: text }),
  showFlash: (text, tone = 'info', ms = 5000) => set({ flash: { text, tone, until: Date.now() + ms } }),
  toggleTimeline: () => set({ timelineShown: !get().timelineShown }),
  setRunning: (id, description) => {
    const running = { ...get().running };
    if (description === null) delete running[id];
    else running[id] = description;
    set({ running });
  },
  setStarting: (starting) => set({ starting }),
});
