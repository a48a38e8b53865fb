import type { StateCreator } from 'zustand/vanilla';
import type { EscalationController } from '../escalation/controller.js';
import type { StatusUpdateController } from '../status-updates/controller.js';
import type { WarroomState } from './store.js';

/** The channels a contact can be reached on. */
export type ChannelKind = 'slack' | 'pagerduty' | 'webhook';

/** The phases a status update announces. */
export type StatusPhase = 'investigating' | 'identified' | 'monitoring' | 'resolved';

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

/** The escalation slice. */
export interface EscalationSlice {
  escalation: EscalationState;
  /** Set by the escalation capability when it starts. */
  escalationController: EscalationController | null;
  /** Set by the escalation capability: status updates, severity and resolution. */
  statusController: StatusUpdateController | null;
  setStatusController: (controller: StatusUpdateController | null) => void;
  setEscalationController: (controller: EscalationController | null) => void;
  setEscalation: (patch: Partial<EscalationState>) => void;
  addPageAttempt: (attempt: PageAttempt) => void;
}

/** Attempts kept for display. */
export const ATTEMPTS_KEPT = 30;

/** Builds the escalation slice. */
export const createEscalationSlice: StateCreator<WarroomState, [], [], EscalationSlice> = (set, get) => ({
  escalation: { next: null, attempts: [], failure: null, phase: 'investigating', lastUpdateAt: null, nextUpdateAt: null, draft: null },
  escalationController: null,
  statusController: null,
  setStatusController: (controller) => set({ statusController: controller }),
  setEscalationController: (controller) => set({ escalationController: controller }),
  setEscalation: (patch) => set({ escalation: { ...get().escalation, ...patch } }),
  addPageAttempt: (attempt) => {
    const current = get().escalation;
    const attempts = [...current.attempts, attempt].slice(-ATTEMPTS_KEPT);
    let failure = current.failure;
    if (!attempt.ok && !attempt.willRetry) failure = `${attempt.purpose === 'page' ? 'paging' : attempt.purpose} ${attempt.contact} via ${attempt.channel} failed: ${attempt.error ?? 'error'}`;
    // A later success on the same contact and channel clears the alarm it raised.
    else if (attempt.ok && failure?.includes(` ${attempt.contact} via ${attempt.channel} `)) failure = null;
    set({ escalation: { ...current, attempts, failure } });
  },
});
