// One panel as one line of the metrics pane, cut to the pane's width: selection marker,
// threshold marker (`!!` crit, `! ` warn: readable without colour), title, sparkline, current
// value, and min/max — or the panel's error / "stale since" where min/max would go.
import stringWidth from 'string-width';
import type { MetricsPanelView, PanelThresholdState } from '../../src/metrics/types.js';
import { formatValue } from '../../src/metrics/units.js';
import { ellipsize } from '../../src/text/width.js';
import type { Paint, Theme } from '../theme/theme.js';
import { sparkline } from './sparkline.js';

/** A piece of a row with how to paint it. */
export interface RowPart {
  text: string;
  paint?: Paint;
}
/** Marker of each state, so the state reads without colour. */
export const STATE_MARKERS: Record<PanelThresholdState, string> = { none: '  ', ok: '  ', warn: '! ', crit: '!!' };

/** HH:MM:SS in UTC, as the timeline writes times. */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** `text` in exactly `width` columns: cut with `…` (by columns: label values can be wide) or padded. */
function cut(text: string, width: number): string {
  if (width <= 0) return '';
  const fitted = width === 1 && stringWidth(text) > 1 ? '…' : ellipsize(text, width);
  return fitted + ' '.repeat(Math.max(0, width - stringWidth(fitted)));
}

/** What the right-hand column says: a problem if there is one, else the window's min/max. */
export function panelNote(panel: MetricsPanelView): { text: string; problem: boolean } {
  if (panel.staleSince !== null) return { text: `stale since ${clockTime(panel.staleSince)}`, problem: true };
  if (panel.error !== null) return { text: `⚠ ${panel.error}`, problem: true };
  if (panel.updatedAt === null) return { text: 'waiting for data…', problem: false };
  return { text: `min ${formatValue(panel.min, panel.unit)} max ${formatValue(panel.max, panel.unit)}`, problem: false };
}

/** Lays a panel out in `width` columns. */
export function panelRow(panel: MetricsPanelView, width: number, selected: boolean, theme: Theme): RowPart[] {
  const stale = panel.staleSince !== null;
  const state = theme.threshold[panel.state];
  // The sparkline and value: in the state's colour, or dim once the data stopped coming.
  const data = stale ? theme.stale : state;
  const note = panelNote(panel);
  const hasData = panel.series.length > 0 && panel.times.length > 0;
  const titleText = panel.series.length > 1 ? `${panel.title} (${panel.series.length})` : panel.title;
  const titleWidth = Math.max(6, Math.min(24, Math.floor(width * 0.28)));
  const valueWidth = 8;
  // The sparkline gets what is left after the fixed columns; the note only shows if it fits.
  const available = Math.max(0, width - 3 - titleWidth - 1 - 1 - valueWidth);
  const wanted = note.problem ? Math.max(18, Math.min(26, note.text.length)) : width >= 56 ? 18 : 0;
  let noteWidth = Math.min(wanted, available - 1 - 4);
  if (noteWidth < 8) noteWidth = 0;
  const sparkWidth = Math.max(0, available - (noteWidth ? noteWidth + 1 : 0));
  const parts: RowPart[] = [
    { text: selected ? '›' : ' ', paint: theme.strong },
    { text: STATE_MARKERS[panel.state], paint: { ...state, ...theme.strong } },
    { text: cut(titleText, titleWidth), ...(stale ? { paint: theme.stale } : {}) },
    { text: ' ' },
  ];
  if (!hasData && note.problem && !stale) {
    // Nothing to plot yet: the error gets the whole rest of the row.
    parts.push({ text: cut(note.text, Math.max(0, width - 3 - titleWidth - 1)), paint: theme.tone.bad });
    return parts;
  }
  const top = panel.series[0]?.values ?? [];
  // Too narrow for the note: a stale panel still says so, in place of its sparkline.
  const spark = stale && noteWidth === 0 ? cut('stale', sparkWidth) : sparkline(top, sparkWidth);
  parts.push({ text: spark, paint: data });
  parts.push({ text: ' ' });
  parts.push({ text: formatValue(panel.current, panel.unit).padStart(valueWidth).slice(-valueWidth), paint: stale ? data : { ...data, ...theme.strong } });
  if (noteWidth > 0) {
    parts.push({ text: ' ' });
    parts.push({ text: cut(note.text, noteWidth), paint: note.problem ? (stale ? theme.tone.warn : theme.tone.bad) : theme.secondary });
  }
  return parts;
}
