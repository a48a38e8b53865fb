// What a pane is to the console, and the rules every part of the console reads panes by: the
// layout (slots), focus (keys, Tab order), key dispatch (the focused pane's scope) and help. The
// panes themselves are listed once, in registry.ts.
import type React from 'react';
import type { PaneId } from '../../src/store/ui.js';
import type { PaneProps } from './pane-props.js';

/** How many rows (inside the frame) a pane can use now, and how few are still worth drawing. */
export interface PaneRows {
  wants: number;
  least: number;
  /**
   * Set when all the pane has is a notice ("No runbook configured."): a few words for its title
   * line, where it stays folded until no other pane wants the rows.
   */
  notice?: string;
  /** Rows of something more it can show once no pane's content wants rows (layout.ts `SlotNeed.extra`). */
  extra?: number;
  /** Its extra can be drawn taller still (layout.ts `SlotNeed.stretches`). */
  stretches?: boolean;
}

/** Rows for a pane that can always use more (a stream: logs, the timeline). */
export const MANY_ROWS = 1000;

/** One line of the pane registry. */
export interface PaneEntry {
  id: PaneId;
  /** Shown in the pane's frame and in help. */
  title: string;
  /** The key table's scope the pane's own bindings use (src/keys/keymap.ts `KeyScope`). */
  scope: string;
  /** The pane itself: renders what it is given room for, takes keys while focused. */
  View: (props: PaneProps) => React.ReactNode;
  /** The key that focuses the pane's slot (a digit); none for a pane reached another way (`T`). */
  focusKey?: string;
  /** Where the pane sits: panes naming the same slot take turns in it (the logs and the timeline). */
  slot: string;
  /**
   * A hook: the rows the pane's content fills at `width` columns (layout.ts shares a column's rows
   * by it). Called on every console frame for every pane, shown or not, so it reads little.
   * Without it the pane takes what it is given (as if it could always use more).
   */
  useRows?: (width: number) => PaneRows;
  /** When rows run short, panes with a lower priority fold to their title line first (default 0). */
  priority?: number;
  /**
   * A stream whose lines are read across (the logs, the timeline): on a wide terminal its slot
   * spans the full width below the other panes (layout.ts `SlotNeed.band`).
   */
  band?: boolean;
}

/** The pane registry: every pane, in focus (Tab) order. */
export type PaneRegistry = readonly PaneEntry[];

/** The slots in order of their first pane. */
export function slotsOf(panes: PaneRegistry): string[] {
  return [...new Set(panes.map((pane) => pane.slot))];
}

/** The pane a slot shows: the one `shown` names for it, else the slot's first. */
export function paneInSlot(panes: PaneRegistry, slot: string, shown: Readonly<Record<string, PaneId>>): PaneEntry | undefined {
  const inSlot = panes.filter((pane) => pane.slot === slot);
  return inSlot.find((pane) => pane.id === shown[slot]) ?? inSlot[0];
}

/** One pane per slot, in slot order: what is on screen when nothing is zoomed. */
export function shownPanes(panes: PaneRegistry, shown: Readonly<Record<string, PaneId>>): PaneEntry[] {
  return slotsOf(panes).map((slot) => paneInSlot(panes, slot, shown)).filter((pane): pane is PaneEntry => pane !== undefined);
}

/** The focused pane: `focus` when it is shown, else the pane its slot shows, else the first shown. */
export function focusedPane(panes: PaneRegistry, focus: PaneId, shown: Readonly<Record<string, PaneId>>): PaneEntry | undefined {
  const visible = shownPanes(panes, shown);
  const wanted = panes.find((pane) => pane.id === focus);
  return visible.find((pane) => pane.id === focus) ?? (wanted && paneInSlot(panes, wanted.slot, shown)) ?? visible[0];
}

/** The pane to focus `step` slots after the focused one (Tab, Shift-Tab). */
export function nextPane(panes: PaneRegistry, focus: PaneId, shown: Readonly<Record<string, PaneId>>, step: 1 | -1): PaneEntry | undefined {
  const visible = shownPanes(panes, shown);
  const at = visible.indexOf(focusedPane(panes, focus, shown)!);
  return visible[(at + step + visible.length) % visible.length];
}

/** The pane a focus key brings forward: the one its slot shows (`2` with the timeline in place of the logs focuses the timeline). */
export function paneForKey(panes: PaneRegistry, key: string, shown: Readonly<Record<string, PaneId>>): PaneEntry | undefined {
  const owner = panes.find((pane) => pane.focusKey === key);
  return owner && paneInSlot(panes, owner.slot, shown);
}

/** The number a pane's frame shows: its slot's focus key. */
export function slotKey(panes: PaneRegistry, pane: PaneEntry): string | undefined {
  return panes.find((other) => other.slot === pane.slot && other.focusKey !== undefined)?.focusKey;
}

/** The rows of a pane with no `useRows`: any it is given, at least three. */
export function anyRows(): PaneRows {
  return { wants: MANY_ROWS, least: 3 };
}
