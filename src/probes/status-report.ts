// What `warroom status` prints: the rows of one sweep as a plain table (for people, non-TTY
// friendly) or as JSON (for scripts), and the exit code they add up to.
import { oneLine } from '../text/neutralise.js';
import { stateLabel } from './board-format.js';
import type { RowOutcome } from './types.js';

/** One row as `warroom status --json` prints it. */
export interface StatusJsonRow {
  service: string;
  instance: string | null;
  check: string;
  target: string;
  state: RowOutcome['state'];
  latencyMs: number | null;
  reason: string;
}

/** The JSON form of a sweep. */
export function statusJson(rows: readonly RowOutcome[]): StatusJsonRow[] {
  return rows.map((o) => ({
    service: o.row.service,
    instance: o.row.instance ?? null,
    check: o.row.check,
    target: o.row.target,
    state: o.state,
    latencyMs: o.latencyMs,
    reason: o.reason,
  }));
}

/** 0 when every row is UP, 1 otherwise. */
export function statusExitCode(rows: readonly RowOutcome[]): 0 | 1 {
  return rows.every((o) => o.state === 'UP') ? 0 : 1;
}

/** A plain table: columns as wide as their widest cell, no colour, one row per line. */
export function statusTable(rows: readonly RowOutcome[]): string {
  if (rows.length === 0) return 'no checks configured\n';
  const head = ['SERVICE', 'INSTANCE', 'CHECK', 'TARGET', 'STATE', 'LATENCY', 'REASON'];
  // Reasons quote what targets answered: every cell is one safe line (the text kit's rule).
  const body = rows.map((o) =>
    [o.row.service, o.row.instance ?? '-', o.row.check, o.row.target, stateLabel(o.state), o.latencyMs === null ? '-' : `${o.latencyMs}ms`, o.reason || '-'].map((cell) => oneLine(cell)),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length)))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...body.map(line)].join('\n')}\n`;
}
