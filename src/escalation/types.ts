// The escalation capability's own names: channels, delivery attempts, how a send went, the
// escalation state the header shows, and what the controller needs of the console. The store keeps
// data of these shapes; it does not define them.
import type { Severity } from '../config/types.js';
import type { DialogHost, DialogSpec } from '../mode/ask.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import type { ModeHost } from '../mode/mode-guard.js';
import type { StatusPhase } from '../status-updates/types.js';
import type { RowView } from './snapshot.js';

/** The channels a contact can be reached on. */
export type ChannelKind = 'slack' | 'pagerduty' | 'webhook';

/** One delivery attempt, as the console shows it (never the URL or key). */
export interface PageAttempt {
  contact: string;
  channel: ChannelKind;
  purpose: 'page' | 'status-update' | 'resolve';
  attempt: number;
  ok: boolean;
  status?: number;
  error?: string;
  willRetry: boolean;
  dryRun?: boolean;
  at: number;
}

/** How a send went: how many channels it reached of how many. */
export interface SendReport {
  delivered: number;
  total: number;
  failures: string[];
}

/** Escalation and status-update state for the header and the overlays. */
export interface EscalationState {
  /** The next policy step: who and when (epoch ms); null when none is left or resolved. */
  next: { contact: string; dueAt: number } | null;
  /** Latest attempts, oldest first (bounded). */
  attempts: PageAttempt[];
  /** The latest delivery that failed for good; the header turns red while set. */
  failure: string | null;
  phase: StatusPhase;
  lastUpdateAt: number | null;
  nextUpdateAt: number | null;
  /** The status update being edited (kept here so it survives the confirmation dialog). */
  draft: { phase: StatusPhase; lines: string[] } | null;
}

/** The incident as escalation and status updates read it. */
export interface IncidentFacts {
  id: string;
  title: string;
  severity: Severity;
  startedAt: number;
  resolvedAt: number | null;
  operator: string;
  mode: ConsoleMode;
}

/** What the escalation controller reads and tells (the console's store is one). */
export interface EscalationHost extends ModeHost, DialogHost {
  getState(): {
    incident: IncidentFacts;
    escalation: EscalationState;
    /** The board, for what is down in a page or an update. */
    checks: { rows: Readonly<Record<string, RowView>> };
    setEscalation(patch: Partial<EscalationState>): void;
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
    openDialog(spec: DialogSpec): boolean;
  };
  /** Follows the incident (a corrected start time, a resolution by another console). */
  subscribe(listener: (state: { incident: IncidentFacts }) => void): () => void;
}
