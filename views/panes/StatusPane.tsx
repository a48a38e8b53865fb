import React, { memo, useMemo, useRef } from 'react';
import { Box, Text } from 'ink';
import { summaryLine, worstFirst } from '../../src/probes/board-format.js';
import { ALERT_MARK, alertingServices } from '../alerts/board-marks.js';
import type { CheckRow } from '../../src/store/checks.js';
import { StatusDetails } from '../status/StatusDetails.js';
import { StatusTable } from '../status/StatusTable.js';
import { fit, reasonOf, statusColumns } from '../status/status-columns.js';
import { selectedIndex, useStatusCursor } from '../status/use-status-cursor.js';
import { useStatusKeys } from '../status/use-status-keys.js';
import { useWarroom } from '../store-context.js';
import { useNow } from '../use-now.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** The status board: one row per check, worst first, with a summary line and a details view. */
export const StatusPane = memo(function StatusPane({ isFocused, width, height }: PaneProps) {
  const checks = useWarroom((s) => s.checks);
  const alerts = useWarroom((s) => s.alerts.list);
  const alerting = useMemo(() => alertingServices(alerts), [alerts]);
  const [cursor, dispatch] = useStatusCursor();
  const now = useNow();
  const offset = useRef(0);

  const rows = useMemo(() => {
    const all = checks.ids.map((id) => checks.rows[id]).filter((r): r is CheckRow => r !== undefined);
    return cursor.sort === 'worst-first' ? worstFirst(all) : all;
  }, [checks, cursor.sort]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  // Measuring every row's text is the costly part of a frame: only redo it when rows or width change.
  const columns = useMemo(() => statusColumns(width, rows), [width, rows]);
  const index = selectedIndex(cursor, ids);
  const selected = rows[index];

  useStatusKeys(cursor, dispatch, ids, selected, isFocused);

  if (rows.length === 0) {
    return <NotConfigured lines={['No checks configured.', 'Add `checks:` (http, tcp, command, promql) under a service.']} />;
  }
  if (cursor.details && selected) return <StatusDetails row={selected} width={width} height={height} now={now} />;

  // Only the rows that fit are rendered; the window follows the cursor. The selected row's
  // reason takes a line of its own under it when every row still fits, else it ends the summary.
  const reason = selected ? reasonOf(selected) : null;
  const reasonBelow = reason !== null && rows.length + 1 <= height - 2;
  const visible = Math.max(1, height - 2 - (reasonBelow ? 1 : 0));
  if (index < offset.current) offset.current = index;
  if (index >= offset.current + visible) offset.current = index - visible + 1;
  offset.current = Math.max(0, Math.min(offset.current, rows.length - visible));
  const window = rows.slice(offset.current, offset.current + visible);
  const more = rows.length > visible ? ` · ${offset.current + 1}-${offset.current + window.length}/${rows.length}` : '';
  const order = cursor.sort === 'worst-first' ? 'worst first' : 'config order';
  const onBoard = [...new Set(rows.filter((r) => alerting.has(r.service)).map((r) => r.service))];
  // A count, not names: the rows marked ! say which services.
  const alerted = onBoard.length === 0 ? '' : ` · ${ALERT_MARK} alerts on ${onBoard.length} ${onBoard.length === 1 ? 'service' : 'services'} (A)`;
  const summary = `${summaryLine(rows.map((r) => r.state))}${alerted}${more}${reason !== null && !reasonBelow ? ` · ↳ ${reason}` : ` · ${order} (o)`}`;

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">{fit(summary, width)}</Text>
      <StatusTable rows={window} columns={columns} selectedId={selected?.id ?? null} isFocused={isFocused} now={now} width={width} reasonBelow={reasonBelow} alerting={alerting} />
    </Box>
  );
});
