// Pure row rendering for the status pane (k9s's `render` layer): which columns fit a width, and
// each row cut to exactly that width, so Ink never has to wrap or measure long strings.
import stringWidth from 'string-width';
import { formatAge, formatLatency, historyStrip, stateLabel } from '../../src/probes/board-format.js';
import type { CheckRow } from '../../src/store/checks.js';
import { oneLine } from '../../src/text/neutralise.js';

/** Column widths for one pane width (0 = column hidden). */
export interface StatusColumns {
  service: number;
  /** The check's configured label (`postgres`, `redis`): what tells a service's rows apart. */
  check: number;
  instance: number;
  target: number;
  state: number;
  latency: number;
  history: number;
}

const STATE_WIDTH = 17; // "▲ DEGRADED 12m03s"
const LATENCY_WIDTH = 6;
const GAP = 1;
const MIN_TARGET = 6;

/**
 * Why a row is not UP, for the line under the selected row (the board shows it without opening
 * the details: the bridge reads the screen, it does not press Enter); null for an UP row.
 */
export function reasonOf(row: CheckRow): string | null {
  if (row.state === 'UP') return null;
  const reason = oneLine(row.reason);
  return reason === '' ? null : reason;
}

/**
 * The check's label when it was configured (`label: postgres`); '' when it is only the target
 * shortened (`:8000/health`, the command cut short), which the target column already shows.
 */
export function labelOf(row: CheckRow): string {
  return row.target.includes(row.check.replace(/…$/, '')) ? '' : row.check;
}

/** Chooses the columns for `width`; the target column takes what is left, and on a narrow pane
 * the history, latency, instance, label and target columns give way, in that order, to service and state. */
export function statusColumns(width: number, rows: readonly CheckRow[]): StatusColumns {
  const inner = width - 2; // selection marker and a space
  const longest = (pick: (r: CheckRow) => string | undefined): number => Math.max(0, ...rows.map((r) => stringWidth(pick(r) ?? '')));
  const labelled = rows.some((r) => labelOf(r) !== '');
  const c: StatusColumns = {
    service: Math.min(Math.max(7, longest((r) => r.service)), inner >= 70 ? 18 : 12),
    check: labelled ? Math.min(Math.max(5, longest(labelOf)), inner >= 90 ? 20 : 12) : 0,
    instance: rows.some((r) => r.instance) ? Math.min(Math.max(8, longest((r) => r.instance)), inner >= 90 ? 22 : 12) : 0,
    target: 0,
    state: Math.min(STATE_WIDTH, inner),
    latency: inner >= 40 ? LATENCY_WIDTH : 0,
    history: inner >= 90 ? 20 : inner >= 50 ? 10 : 0,
  };
  const used = (): number => [c.service, c.check, c.instance, c.state, c.latency, c.history].filter((w) => w > 0).reduce((a, w) => a + w + GAP, 0);
  for (const column of ['history', 'latency', 'instance', 'check'] as const) {
    if (inner - used() >= MIN_TARGET) break;
    c[column] = 0;
  }
  const left = inner - used();
  if (left >= MIN_TARGET) c.target = left;
  else if (left < 0) c.service = Math.max(0, c.service + left);
  return c;
}

/** Cuts or pads `text` to exactly `width` columns (ellipsis when cut). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  let out = text;
  if (stringWidth(out) > width) {
    while (out.length > 0 && stringWidth(out) > width - 1) out = out.slice(0, -1);
    out += '…';
  }
  const pad = ' '.repeat(Math.max(0, width - stringWidth(out)));
  return align === 'left' ? out + pad : pad + out;
}

/** Like fit, but cuts from the left: for targets the port and path matter more than the host. */
export function fitTail(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return fit(text, width);
  let out = text;
  while (out.length > 0 && stringWidth(out) > width - 1) out = out.slice(1);
  return `…${out}`;
}

const LOOPBACK = /^(?:\w+:\/\/)?(?:127\.0\.0\.1|localhost|\[::1\])$/;

/**
 * A target cut to `width`. A loopback host says nothing and goes first (`:8001/health`, then
 * `:8001`); any other host tells rows apart, so the path goes before it (`db-2:5432`).
 */
export function fitTarget(target: string, width: number): string {
  const m = /^((?:\w+:\/\/)?[^/:\s]+)(:\d+)(\/\S*)?$/.exec(target);
  const hostFirst = m && !LOOPBACK.test(m[1]!) ? [`${m[1]}${m[2]}`] : [];
  const candidates = m ? [target, ...hostFirst, `${m[2]}${m[3] ?? ''}`, m[2]!] : [target];
  const fits = candidates.find((c) => stringWidth(c) <= width);
  if (fits !== undefined) return fit(fits, width);
  // A command reads from its program name; a URL or path from its end.
  return /\s/.test(target) ? fit(target, width) : fitTail(target, width);
}

/** The cells of one row, each already fitted; empty strings for hidden columns. */
export function rowCells(row: CheckRow, columns: StatusColumns, now: number) {
  const age = row.since === null ? '' : ` ${formatAge(now - row.since)}`;
  return {
    service: fit(row.service, columns.service),
    check: fit(labelOf(row), columns.check),
    instance: fit(row.instance ?? '', columns.instance),
    target: fitTarget(row.target, columns.target),
    state: fit(`${stateLabel(row.state)}${age}`, columns.state),
    latency: fit(formatLatency(row.latencyMs), columns.latency, 'right'),
    history: columns.history ? historyStrip(row.history, columns.history) : '',
  };
}

/** The header line's cells, fitted like the rows. */
export function headerCells(columns: StatusColumns) {
  return {
    service: fit('SERVICE', columns.service),
    check: fit('CHECK', columns.check),
    instance: fit('INSTANCE', columns.instance),
    target: fit('TARGET', columns.target),
    state: fit('STATE', columns.state),
    latency: fit('LAT', columns.latency, 'right'),
    history: fit('HISTORY', columns.history),
  };
}
