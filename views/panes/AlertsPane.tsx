import React, { memo, useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import { useCommands } from '../keys/dispatcher.js';
import { alertDetail, alertRow, alertsStatus, annotationsLine, silencesLine } from '../alerts/alert-rows.js';
import { selectedAlertIndex, useAlertCursor } from '../alerts/use-alert-cursor.js';
import { fit } from '../status/status-columns.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';
import { useNow } from '../use-now.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** The war room's alerts (A, in place of the status board): worst first, `a` acknowledges one as a silence. */
export const AlertsPane = memo(function AlertsPane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const alerts = useWarroom((s) => s.alerts);
  const theme = useTheme();
  const now = useNow();
  const [cursor, dispatch] = useAlertCursor();
  const offset = useRef(0);

  const ids = useMemo(() => alerts.list.map((a) => a.id), [alerts.list]);
  const index = selectedAlertIndex(cursor, ids);
  const selected = alerts.list[index];
  // How many board rows the selected alert belongs to (a number: the pane does not redraw for every check).
  const boardRows = useWarroom((s) => (selected === undefined || selected.service === null ? 0 : Object.values(s.checks.rows).filter((row) => row.service === selected.service).length));
  const move = (step: number) => dispatch({ type: 'move', step, ids });
  useCommands(
    {
      'alerts.down': () => move(1),
      'alerts.up': () => move(-1),
      'alerts.acknowledge': () => {
        const commands = store.getState().alertCommands;
        if (!commands) return store.getState().showFlash('alerts are not running in this console', 'warn');
        if (!selected) return store.getState().showFlash('no alert to acknowledge', 'warn');
        void commands.acknowledge(selected.id);
      },
    },
    isFocused,
  );

  const grafana = annotationsLine(alerts.annotations, now);
  if (alerts.source === null) {
    const lines = ['No alerts configured.', 'Add alerts: { alertmanager: URL, matchers: [...] } to the config.'];
    return <NotConfigured lines={grafana === null ? lines : [...lines, grafana.text]} />;
  }
  const status = alertsStatus(alerts, now);
  const silences = silencesLine(alerts.silences, now);
  const detail = selected === undefined ? null : alertDetail(selected, boardRows, width);
  const room = Math.max(1, height - 1 - (silences === null ? 0 : 1) - (grafana === null ? 0 : 1) - (detail === null ? 0 : 1));
  if (index < offset.current) offset.current = index;
  if (index >= offset.current + room) offset.current = index - room + 1;
  offset.current = Math.max(0, Math.min(offset.current, ids.length - room));
  const window = alerts.list.slice(offset.current, offset.current + room);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text {...theme.tone[status.tone]} wrap="truncate">{fit(status.text, width)}</Text>
      {alerts.list.length === 0 && alerts.readAt !== null ? <Text {...theme.tone.good}>{fit('No alerts firing for this war room.', width)}</Text> : null}
      {window.map((alert) => {
        const row = alertRow(alert, width, now);
        const isSelected = isFocused && alert.id === selected?.id;
        return (
          <React.Fragment key={alert.id}>
            <Text wrap="truncate" {...(isSelected ? theme.selection : {})}>
              <Text {...theme.tone[row.tone]}>{isSelected ? '›' : row.mark}</Text> <Text {...(alert.state === 'firing' ? {} : theme.secondary)}>{row.text}</Text>
            </Text>
            {alert.id === selected?.id && detail !== null ? <Text {...theme.secondary} wrap="truncate">{detail}</Text> : null}
          </React.Fragment>
        );
      })}
      {silences === null ? null : <Text {...theme.secondary} wrap="truncate">{fit(silences, width)}</Text>}
      {grafana === null ? null : <Text {...(grafana.tone === 'plain' ? theme.secondary : theme.tone[grafana.tone])} wrap="truncate">{fit(grafana.text, width)}</Text>}
    </Box>
  );
});
