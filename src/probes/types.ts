// The vocabulary of the status board engine: what a probe says about one row, how rows are
// identified, and what the scheduler hands to the store and the timeline.
import type { CheckConfig } from '../config/types.js';

/** A row's state. UNKNOWN means not yet probed, or the thing to probe through is unreachable. */
export type CheckState = 'UP' | 'DEGRADED' | 'DOWN' | 'UNKNOWN';

/** What identifies a row on the board and how it is labelled. */
export interface RowInfo {
  /** Unique and stable: the check's id, plus the series labels for promql rows. */
  id: string;
  /** The configured check this row came from. */
  checkId: string;
  service: string;
  instance?: string;
  /** The check's label (configured, else a short form of the target). */
  check: string;
  kind: CheckConfig['kind'];
  /** Port, host:port, short URL or command, with secrets removed. */
  target: string;
  /** Position of the check in the config, for config-order sorting. */
  order: number;
}

/** One raw probe result for one row (before flap damping). */
export interface ProbeResult {
  state: CheckState;
  /** Plain words: "connection refused", "HTTP 503", "timeout 2s"; "" when UP with nothing to say. */
  reason: string;
  /** Round trip in ms; null when nothing answered. */
  latencyMs: number | null;
  /** The start of the response body or command output, escapes neutralised and bounded. */
  body?: string;
}

/** A probe result with the row it belongs to. */
export interface RowOutcome extends ProbeResult {
  row: RowInfo;
  /** The row no longer exists (a promql placeholder replaced by real series). */
  gone?: boolean;
}

/** Something that can be probed; one run may yield several rows (promql). */
export interface Check {
  readonly config: CheckConfig;
  /** The rows known before the first run, so the board can list them as UNKNOWN. */
  initialRows(): RowInfo[];
  /** Probes once. Never throws: failures are results. */
  run(signal?: AbortSignal): Promise<RowOutcome[]>;
}

/** A state change of one row after flap damping. */
export interface Transition {
  /** Epoch ms. */
  at: number;
  rowId: string;
  from: CheckState;
  to: CheckState;
  reason: string;
  latencyMs: number | null;
}

/** One row's update, as the store receives it in a batch. */
export interface RowUpdate {
  row: RowInfo;
  /** Epoch ms of the probe. */
  at: number;
  /** The raw result (feeds the history strip). */
  raw: CheckState;
  /** The damped state shown on the board. */
  state: CheckState;
  reason: string;
  latencyMs: number | null;
  /** Epoch ms the damped state began. */
  since: number;
  body?: string;
  transition?: Transition;
  gone?: boolean;
}
