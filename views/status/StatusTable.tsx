import React, { memo } from 'react';
import { Box, Text } from 'ink';
import type { CheckRow } from '../../src/store/checks.js';
import { ALERT_MARK } from '../alerts/board-marks.js';
import type { Tone } from '../theme/theme.js';
import { useTheme } from '../theme/use-theme.js';
import { fit, headerCells, reasonOf, rowCells, type StatusColumns } from './status-columns.js';

/** Props of the board's table. */
export interface StatusTableProps {
  /** Only the rows that fit (the caller slices the visible window). */
  rows: readonly CheckRow[];
  columns: StatusColumns;
  selectedId: string | null;
  isFocused: boolean;
  now: number;
  /** Columns of the pane (the reason line under the selected row is cut to it). */
  width: number;
  /** Draw the selected row's reason on a line under it (the pane had room). */
  reasonBelow: boolean;
  /** Services with a firing alert and its colour: their rows are marked `!` (see alerts/board-marks.ts). */
  alerting?: ReadonlyMap<string, Tone>;
}

function join(parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

/** The column header and the visible rows; the selected row is marked with › (not colour alone), a row with a firing alert with `!`. */
export function StatusTable({ rows, columns, selectedId, isFocused, now, width, reasonBelow, alerting }: StatusTableProps) {
  const theme = useTheme();
  const head = headerCells(columns);
  return (
    <Box flexDirection="column">
      <Text {...theme.secondary} wrap="truncate">{`  ${join([head.service, head.check, head.instance, head.target, head.state, head.latency, head.history])}`}</Text>
      {rows.map((row, i) => (
        <StatusRow
          key={row.id}
          row={row}
          columns={columns}
          now={now}
          selected={row.id === selectedId}
          isFocused={isFocused}
          // Rows of one service (instances, ports) read as a group: the name is written once.
          repeat={i > 0 && rows[i - 1]?.service === row.service}
          alert={alerting?.get(row.service)}
          reasonBelow={reasonBelow}
          width={width}
        />
      ))}
    </Box>
  );
}

/** Props of one board row. */
interface StatusRowProps {
  row: CheckRow;
  columns: StatusColumns;
  now: number;
  selected: boolean;
  isFocused: boolean;
  repeat: boolean;
  alert: Tone | undefined;
  reasonBelow: boolean;
  width: number;
}

/** Whether two column layouts are the same widths (the board measures them afresh for every batch of results). */
function sameColumns(a: StatusColumns, b: StatusColumns): boolean {
  return a === b || (Object.keys(a) as (keyof StatusColumns)[]).every((key) => a[key] === b[key]);
}

/**
 * One check's row (and its reason line when selected). Re-rendered only when what it draws from
 * changed: a batch of probe results replaces the rows it is about, and the others are left alone.
 */
const StatusRow = memo(
  function StatusRow({ row, columns, now, selected, isFocused, repeat, alert, reasonBelow, width }: StatusRowProps) {
    const theme = useTheme();
    const cells = rowCells(row, columns, now);
    const left = join([repeat ? ' '.repeat(cells.service.length) : cells.service, cells.check, cells.instance, cells.target]);
    const reason = selected && reasonBelow ? reasonOf(row) : null;
    const paint = selected && isFocused ? theme.selection : {};
    return (
      <>
        <Text wrap="truncate">
          <Text bold={selected} {...paint}>{selected ? '›' : ' '}</Text>
          {alert === undefined ? <Text {...paint}> </Text> : <Text bold {...theme.tone[alert]}>{ALERT_MARK}</Text>}
          <Text bold={selected} {...paint}>{left}</Text>
          <Text {...theme.state[row.state]}>{` ${cells.state}`}</Text>
          {cells.latency ? <Text>{` ${cells.latency}`}</Text> : null}
          {cells.history ? <Text {...(row.state === 'UP' ? theme.secondary : {})}>{` ${cells.history}`}</Text> : null}
        </Text>
        {reason !== null ? <Text wrap="truncate" {...theme.state[row.state]}>{fit(`    ↳ ${reason}`, width)}</Text> : null}
      </>
    );
  },
  (before, after) =>
    before.row === after.row && before.now === after.now && before.selected === after.selected && before.isFocused === after.isFocused &&
    before.repeat === after.repeat && before.alert === after.alert && before.reasonBelow === after.reasonBelow && before.width === after.width &&
    sameColumns(before.columns, after.columns),
);
