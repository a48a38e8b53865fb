import React from 'react';
import { Box } from 'ink';
import type { Severity } from '../src/config/types.js';
import { askConfirm } from '../src/store/dialog.js';
import { PANES, type PaneId } from '../src/store/ui.js';
import { ActionControls } from './actions/ActionControls.js';
import { ControlOverlay } from './actions/ControlOverlay.js';
import { CommandLine } from './CommandLine.js';
import { EscalationControls } from './escalation/EscalationControls.js';
import { Dialog } from './dialogs/Dialog.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { useColonCommands, useCommands } from './keys/dispatcher.js';
import { computeLayout } from './layout.js';
import { PaneFrame } from './Pane.js';
import { LogsPane } from './panes/LogsPane.js';
import { MetricsPane } from './panes/MetricsPane.js';
import type { PaneProps } from './panes/pane-props.js';
import { RunbookPane } from './panes/RunbookPane.js';
import { StatusPane } from './panes/StatusPane.js';
import { TimelinePane } from './panes/TimelinePane.js';
import { TimelineCommands } from './timeline/TimelineCommands.js';
import { heldOnQuit } from './timeline/record-status.js';
import { useWarroom, useWarroomStore } from './store-context.js';
import { useTerminalSize } from './use-terminal-size.js';

const PANE_VIEWS: Record<PaneId | 'timeline', { title: string; View: (props: PaneProps) => React.ReactNode }> = {
  status: { title: 'Status', View: StatusPane },
  logs: { title: 'Logs', View: LogsPane },
  metrics: { title: 'Metrics', View: MetricsPane },
  runbook: { title: 'Runbook', View: RunbookPane },
  timeline: { title: 'Timeline', View: TimelinePane },
};

/** Props of the whole console. */
export interface AppProps {
  responseTargets: Record<Severity, number>;
  /** Called once the user has decided to quit (after any confirmation). */
  onQuit: () => void;
  /** Overrides the terminal size (tests). */
  size?: { columns: number; rows: number };
}

/** The console: header, four panes (or one zoomed), footer, and the overlays. */
export function App({ responseTargets, onQuit, size }: AppProps) {
  const store = useWarroomStore();
  const terminal = useTerminalSize();
  const { columns, rows } = size ?? terminal;
  const focus = useWarroom((s) => s.focus);
  const zoomed = useWarroom((s) => s.zoomed);
  const helpOpen = useWarroom((s) => s.helpOpen);
  const commandLine = useWarroom((s) => s.commandLine);
  const dialogOpen = useWarroom((s) => s.dialog !== null);
  const timelineShown = useWarroom((s) => s.timelineShown);
  const overlayOpen = useWarroom((s) => s.controlOverlay !== null);

  const requestQuit = () => {
    const running = Object.values(store.getState().running);
    const held = heldOnQuit(store.getState().journalStatus.held);
    if (running.length === 0 && !held) return onQuit();
    void askConfirm(store, {
      title: 'Quit while work is running?',
      lines: [...running.map((what) => `⟳ ${what} — quitting cancels it`), ...(held ? [held] : [])],
    }).then((yes) => yes && onQuit());
  };

  const state = store.getState;
  useCommands({
    'focus.next': () => state().focusNext(1),
    'focus.prev': () => state().focusNext(-1),
    'focus.status': () => state().focusPane('status'),
    'focus.logs': () => state().focusPane('logs'),
    'focus.metrics': () => state().focusPane('metrics'),
    'focus.runbook': () => state().focusPane('runbook'),
    zoom: () => state().toggleZoom(),
    'timeline.toggle': () => state().toggleTimeline(),
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
  const layout = computeLayout(columns, body, focus, zoomed);

  return (
    <Box flexDirection="column" width={columns} height={height}>
      <ActionControls />
      <EscalationControls />
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
            layout.map((row, r) => (
              <Box key={r} flexDirection="row">
                {row.map(({ pane, width, height: paneHeight }) => {
                  const shown = pane === 'logs' && timelineShown ? 'timeline' : pane;
                  const { title, View } = PANE_VIEWS[shown];
                  const isFocused = pane === focus;
                  return (
                    <PaneFrame
                      key={pane}
                      index={PANES.indexOf(pane) + 1}
                      title={title}
                      isFocused={isFocused}
                      width={width}
                      height={paneHeight}
                    >
                      <View isFocused={isFocused && !commandLine} width={width - 2} height={paneHeight - 2} />
                    </PaneFrame>
                  );
                })}
              </Box>
            ))
          )}
        </Box>
      )}
      <TimelineCommands width={columns} footer={commandLine !== null ? <CommandLine width={columns} /> : <Footer width={columns} scope={timelineShown && focus === 'logs' ? 'timeline' : focus} />} />
    </Box>
  );
}
