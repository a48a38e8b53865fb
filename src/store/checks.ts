import type { CheckState, RowInfo, RowUpdate, Transition } from '../probes/types.js';
import type { SliceCreator } from './slice.js';

/** Raw results kept per row for the history strip. */
export const HISTORY_LENGTH = 20;
/** Transitions kept per row for the details view. */
export const TRANSITIONS_KEPT = 10;

/** One row of the status board as the views see it. */
export interface CheckRow extends RowInfo {
  /** Damped state. */
  state: CheckState;
  /** Reason of the latest raw result ("not yet probed" before the first). */
  reason: string;
  latencyMs: number | null;
  /** Epoch ms the current state began; null before the first result. */
  since: number | null;
  /** Epoch ms of the latest result. */
  lastAt: number | null;
  /** Raw results, oldest first, at most HISTORY_LENGTH. */
  history: CheckState[];
  /** Latest body or output excerpt (already neutralised and bounded). */
  body?: string;
  /** Epoch ms the body came with: a DOWN row keeps the body of its last answer. */
  bodyAt?: number;
  /** Latest transitions, oldest first, at most TRANSITIONS_KEPT. */
  transitions: Transition[];
}

/** The status board's data: rows by id and their config order. */
export interface ChecksSlice {
  checks: {
    rows: Record<string, CheckRow>;
    /** Row ids in config order. */
    ids: string[];
  };
  /** Lists rows before their first result (UNKNOWN, "not yet probed"). */
  registerCheckRows: (rows: RowInfo[]) => void;
  /** Applies one batch of results from the scheduler: one store commit per batch. */
  applyCheckBatch: (updates: RowUpdate[]) => void;
}

function emptyRow(info: RowInfo): CheckRow {
  return { ...info, state: 'UNKNOWN', reason: 'not yet probed', latencyMs: null, since: null, lastAt: null, history: [], transitions: [] };
}

// Config order: by the check's position, then by arrival (promql series keep their first place).
function ordered(rows: Record<string, CheckRow>, ids: string[]): string[] {
  return ids
    .map((id, arrival) => ({ id, arrival, order: rows[id]?.order ?? 0 }))
    .sort((a, b) => a.order - b.order || a.arrival - b.arrival)
    .map((x) => x.id);
}

/** Builds the checks slice. */
export const createChecksSlice: SliceCreator<ChecksSlice> = (set, get) => ({
  checks: { rows: {}, ids: [] },
  registerCheckRows: (infos) => {
    const rows = { ...get().checks.rows };
    const ids = [...get().checks.ids];
    for (const info of infos) {
      if (rows[info.id]) continue;
      rows[info.id] = emptyRow(info);
      ids.push(info.id);
    }
    set({ checks: { rows, ids: ordered(rows, ids) } });
  },
  applyCheckBatch: (updates) => {
    if (updates.length === 0) return;
    const rows = { ...get().checks.rows };
    let ids = get().checks.ids;
    let added = false;
    for (const u of updates) {
      if (u.gone) {
        delete rows[u.row.id];
        ids = ids.filter((id) => id !== u.row.id);
        continue;
      }
      const prev = rows[u.row.id];
      if (!prev) {
        ids = [...ids, u.row.id];
        added = true;
      }
      const base = prev ?? emptyRow(u.row);
      rows[u.row.id] = {
        ...base,
        ...u.row,
        state: u.state,
        reason: u.reason,
        latencyMs: u.latencyMs,
        since: u.since,
        lastAt: u.at,
        history: [...base.history, u.raw].slice(-HISTORY_LENGTH),
        ...(u.body !== undefined ? { body: u.body, bodyAt: u.at } : {}),
        transitions: u.transition ? [...base.transitions, u.transition].slice(-TRANSITIONS_KEPT) : base.transitions,
      };
    }
    set({ checks: { rows, ids: added ? ordered(rows, ids) : ids } });
  },
});
