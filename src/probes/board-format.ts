// How the board writes states, ages and histories, shared by the pane and `warroom status`.
// Every state has a symbol and a word, so nothing depends on colour (shared screens, NO_COLOR,
// colour-blind readers).
import type { CheckState } from './types.js';

/** Symbol shown before each state word. */
export const STATE_SYMBOL: Record<CheckState, string> = { UP: '✔', DOWN: '✖', DEGRADED: '▲', UNKNOWN: '?' };

/** Sort rank, worst first: DOWN, DEGRADED, UNKNOWN, UP. */
export const STATE_RANK: Record<CheckState, number> = { DOWN: 0, DEGRADED: 1, UNKNOWN: 2, UP: 3 };

/** History strip glyphs: taller is worse, so the strip reads without colour. */
export const HISTORY_GLYPH: Record<CheckState, string> = { UP: '▁', DEGRADED: '▄', DOWN: '█', UNKNOWN: '?' };

/** "✖ DOWN". */
export function stateLabel(state: CheckState): string {
  return `${STATE_SYMBOL[state]} ${state}`;
}

/** Time in state, compact: 42s, 4m12s, 2h05m, 3d04h. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/** Latency for a narrow column: 12ms, 1.4s, or — when nothing answered. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(1)}s`;
}

/** The last `width` raw results as glyphs, oldest first, padded on the left with spaces. */
export function historyStrip(history: readonly CheckState[], width: number): string {
  const tail = history.slice(-width).map((s) => HISTORY_GLYPH[s]).join('');
  return tail.padStart(width, ' ');
}

/** "12 UP · 1 DEGRADED · 2 DOWN" (UNKNOWN only when there are some). */
export function summaryLine(states: readonly CheckState[]): string {
  const count = (s: CheckState): number => states.filter((x) => x === s).length;
  const parts = [`${count('UP')} UP`, `${count('DEGRADED')} DEGRADED`, `${count('DOWN')} DOWN`];
  if (count('UNKNOWN') > 0) parts.push(`${count('UNKNOWN')} UNKNOWN`);
  return parts.join(' · ');
}

/** Orders rows worst first; ties keep config order. */
export function worstFirst<T extends { state: CheckState; order: number }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => STATE_RANK[a.row.state] - STATE_RANK[b.row.state] || a.index - b.index)
    .map((x) => x.row);
}
