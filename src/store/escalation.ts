import type { EscalationState, PageAttempt, SendReport } from '../escalation/types.js';
import type { StatusPhase } from '../status-updates/types.js';
import type { SliceCreator } from './slice.js';

/** What views ask of the escalation capability (implemented by its EscalationController). */
export interface EscalationCommands {
  /** Contacts that can be paged by name. */
  contacts(): string[];
  /** Pages the next contact of the policy after a confirmation; null when nothing was sent. */
  pageNext(): Promise<SendReport | null>;
  /** Pages one contact by name after a confirmation; null when nothing was sent. */
  pageContact(name: string): Promise<SendReport | null>;
}

/** What views ask of the status-update capability (implemented by its StatusUpdateController). */
export interface StatusUpdateCommands {
  /** The draft for a phase, from the current state. */
  draft(phase: StatusPhase, resolution?: string): string[];
  /** Opens the status-update editor; false when refused. */
  open(): boolean;
  /** Sends a status update after a confirmation; true when sent. */
  send(phase: StatusPhase, text: string): Promise<boolean>;
  /** Changes the incident's severity from what the lead typed; true when changed. */
  setSeverity(input: string, reason?: string): Promise<boolean>;
  /** Resolves the incident after a confirmation; true when resolved. */
  resolve(): Promise<boolean>;
}

/** The escalation slice. */
export interface EscalationSlice {
  escalation: EscalationState;
  /** Set by the escalation capability when it starts. */
  escalationController: EscalationCommands | null;
  /** Set by the escalation capability: status updates, severity and resolution. */
  statusController: StatusUpdateCommands | null;
  setStatusController: (controller: StatusUpdateCommands | null) => void;
  setEscalationController: (controller: EscalationCommands | null) => void;
  setEscalation: (patch: Partial<EscalationState>) => void;
  addPageAttempt: (attempt: PageAttempt) => void;
}

/** Attempts kept for display. */
export const ATTEMPTS_KEPT = 30;

/** Builds the escalation slice. */
export const createEscalationSlice: SliceCreator<EscalationSlice> = (set, get) => ({
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
