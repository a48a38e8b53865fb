import React from 'react';
import { Box } from 'ink';
import type { Severity } from '../src/config/types.js';
import type { KeyScope } from '../src/keys/keymap.js';
import { askConfirm } from '../src/mode/ask.js';
import type { WarroomStore } from '../src/store/store.js';
import { ActionControls } from './actions/ActionControls.js';
import { AlertControls } from './alerts/AlertControls.js';
import { ControlOverlay } from './actions/ControlOverlay.js';
import { CommandLine } from './CommandLine.js';
import { EscalationControls } from './escalation/EscalationControls.js';
import { Dialog } from './dialogs/Dialog.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { useColonCommands, useCommands } from './keys/dispatcher.js';
import { computeLayout, FOLDED, isGrid, type SlotBox, type SlotNeed } from './layout.js';
import { PaneFrame } from './Pane.js';
import type { PaneId } from '../src/store/ui.js';
import { anyRows, focusedPane, nextPane, paneInSlot, slotKey, slotsOf, type PaneEntry, type PaneRegistry, type PaneRows } from './panes/pane-entry.js';
import { PaneStatesProvider } from './panes/pane-state.js';
import { usePaneRegistry } from './panes/registry-context.js';
import { TimelineCommands } from './timeline/TimelineCommands.js';
import { heldOnQuit } from './timeline/record-status.js';
import { useWarroom, useWarroomStore } from './store-context.js';
import { useTerminalSize } from './use-terminal-size.js';

/**
 * `T` (the timeline) and `A` (the alerts): a pane into its slot, or the slot's own pane back.
 * Focus follows when it was on the slot, or (`focusShown`) always when the pane comes forward.
 */
function toggleInSlot(panes: PaneRegistry, state: ReturnType<WarroomStore['getState']>, id: string, focusShown = false): void {
  const pane = panes.find((entry) => entry.id === id);
  if (!pane) return;
  const showing = paneInSlot(panes, pane.slot, state.shown);
  const next = showing?.id === pane.id ? null : pane.id;
  const focused = focusedPane(panes, state.focus, state.shown);
  state.showInSlot(pane.slot, next);
  if (focused?.slot === pane.slot || (focusShown && next !== null)) state.focusPane(next ?? paneInSlot(panes, pane.slot, {})!.id);
}

/** Props of the whole console. */
export interface AppProps {
  responseTargets: Record<Severity, number>;
  /** Called once the user has decided to quit (after any confirmation). */
  onQuit: () => void;
  /** Overrides the terminal size (tests). */
  size?: { columns: number; rows: number };
}

/** The console: header, the registry's panes (or one zoomed), footer, and the overlays. */
export function App(props: AppProps) {
  // Above the screen: the layout reads the panes' states (a cursor opens rows) as the panes do.
  return (
    <PaneStatesProvider>
      <Screen {...props} />
    </PaneStatesProvider>
  );
}

/** How many rows each pane of the registry can use at the width `widthOf` gives it (one hook per pane, in registry order). */
function usePaneRows(panes: PaneRegistry, widthOf: (pane: PaneEntry) => number): Map<PaneId, PaneRows> {
  // The registry is fixed for the console's life, so the hooks run in the same order every frame.
  return new Map(panes.map((pane) => [pane.id, (pane.useRows ?? anyRows)(widthOf(pane))]));
}

function Screen({ responseTargets, onQuit, size }: AppProps) {
  const store = useWarroomStore();
  const panes = usePaneRegistry();
  const terminal = useTerminalSize();
  const { columns, rows } = size ?? terminal;
  const focus = useWarroom((s) => s.focus);
  const zoomed = useWarroom((s) => s.zoomed);
  const helpOpen = useWarroom((s) => s.helpOpen);
  const commandLine = useWarroom((s) => s.commandLine);
  const dialogOpen = useWarroom((s) => s.dialog !== null);
  const shown = useWarroom((s) => s.shown);
  const overlayOpen = useWarroom((s) => s.controlOverlay !== null);
  const starting = useWarroom((s) => s.starting);

  const requestQuit = () => {
    const running = Object.values(store.getState().running);
    const held = heldOnQuit(store.getState().journalStatus.held);
    if (running.length === 0 && !held) return onQuit();
    void askConfirm(store, {
      title: 'Quit while work is running?',
      lines: [...running.map((work) => `⟳ ${work.description} — quitting cancels it`), ...(held ? [held] : [])],
    }).then((yes) => yes && onQuit());
  };

  const state = store.getState;
  useCommands({
    'focus.next': () => state().focusPane(nextPane(panes, state().focus, state().shown, 1)?.id ?? state().focus),
    'focus.prev': () => state().focusPane(nextPane(panes, state().focus, state().shown, -1)?.id ?? state().focus),
    zoom: () => state().toggleZoom(),
    'timeline.toggle': () => toggleInSlot(panes, state(), 'timeline'),
    'alerts.toggle': () => toggleInSlot(panes, state(), 'alerts', true),
    help: () => state().setHelp(!state().helpOpen),
    'command-line': () => state().setCommandLine(''),
    cancel: () => {
      if (state().zoomed) state().toggleZoom();
    },
    quit: requestQuit,
  });
  useColonCommands({ q: () => requestQuit(), quit: () => requestQuit() });

  // Ink clears and redraws the whole terminal when the tree is as tall as it: keep one row spare.
  const height = Math.max(6, rows - 1);
  const body = height - 2;
  const focused = focusedPane(panes, focus, shown);
  const slots = slotsOf(panes);
  // On a wide terminal the band (the logs) spans the full width; the other panes share it in two.
  const grid = isGrid(columns, body, slots.length);
  const paneRows = usePaneRows(panes, (pane) => (grid && !pane.band ? Math.floor(columns / 2) : columns) - 2);
  const needs = slots.flatMap((slot): SlotNeed[] => {
    const pane = paneInSlot(panes, slot, shown);
    const rows = pane && paneRows.get(pane.id);
    return pane && rows
      ? [{ slot, wants: rows.wants, least: rows.least, priority: pane.priority ?? 0, notice: rows.notice !== undefined, ...(rows.extra ? { extra: rows.extra } : {}), ...(rows.stretches ? { stretches: true } : {}), ...(pane.band ? { band: true } : {}) }]
      : [];
  });
  const layout = computeLayout(columns, body, needs, focused?.slot ?? '', zoomed);

  const slotView = ({ slot, width, height: paneHeight }: SlotBox) => {
    const pane = paneInSlot(panes, slot, shown);
    if (!pane) return null;
    const { View } = pane;
    const isFocused = pane === focused;
    return (
      <PaneFrame
        key={slot}
        index={slotKey(panes, pane) ?? ''}
        title={pane.title}
        isFocused={isFocused}
        {...(paneHeight <= FOLDED && paneRows.get(pane.id)?.notice ? { badge: starting ? 'starting…' : paneRows.get(pane.id)!.notice } : {})}
        width={width}
        height={paneHeight}
      >
        {paneHeight > FOLDED ? <View key={pane.id} isFocused={isFocused && !commandLine} width={width - 2} height={paneHeight - 2} /> : null}
      </PaneFrame>
    );
  };

  return (
    <Box flexDirection="column" width={columns} height={height}>
      <ActionControls />
      <EscalationControls />
      <AlertControls />
      <Header width={columns} responseTargets={responseTargets} />
      {helpOpen ? (
        <HelpOverlay width={columns} height={body} onClose={() => state().setHelp(false)} />
      ) : (
        <Box flexDirection="column" height={body}>
          {dialogOpen ? (
            <Dialog width={Math.min(columns, 100)} height={body} />
          ) : overlayOpen ? (
            <ControlOverlay width={columns} height={body} />
          ) : (
            <>
              <Box flexDirection="row">
                {layout.columns.map((column, c) => (
                  <Box key={c} flexDirection="column">
                    {column.map(slotView)}
                  </Box>
                ))}
              </Box>
              {layout.band ? slotView(layout.band) : null}
            </>
          )}
        </Box>
      )}
      <TimelineCommands width={columns} footer={commandLine !== null ? <CommandLine width={columns} /> : <Footer width={columns} scope={(focused?.scope ?? 'global') as KeyScope} />} />
    </Box>
  );
}
