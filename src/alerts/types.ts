// The alerts capability's own shapes: an alert as read from Alertmanager or Prometheus, as the
// pane shows it, and the silences this incident created.
import type { LabelMatcher } from '../config/label-matchers.js';

/** Where an alert stands: firing, firing but muted (silenced or inhibited), or pending (Prometheus `for:` not yet met). */
export type AlertState = 'firing' | 'silenced' | 'inhibited' | 'pending';

/** One alert as a source reports it, in one shape for Alertmanager and Prometheus. */
export interface SourceAlert {
  /** Stable for the same label set: Alertmanager's fingerprint, or a hash of the labels. */
  fingerprint: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  /** Epoch ms it started firing (Prometheus: became active). */
  startsAt: number;
  state: AlertState;
  /** Ids of the silences muting it (Alertmanager only). */
  silencedBy: readonly string[];
}

/** One label that says which thing fires (`service=checkout-api`). */
export interface IdentityLabel {
  name: string;
  value: string;
}

/** An alert as the console shows it: outside text already made safe for the terminal. */
export interface AlertView {
  /** The source's fingerprint: stable across polls. */
  id: string;
  /** `alertname`, or `(unnamed)`. */
  name: string;
  /** The `severity` label (or `priority`), if any. */
  severity: string | null;
  /** The labels that identify what fires: service, instance (job when there is no service). */
  identity: readonly IdentityLabel[];
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  /** The `summary` (else `description`) annotation, on one line. */
  summary: string | null;
  /** The `runbook_url` (or `runbook`) annotation. */
  runbookUrl: string | null;
  /** Epoch ms it started firing. */
  since: number;
  state: AlertState;
  silencedBy: readonly string[];
  /** The service on the status board this alert is about (by its labels), if one is. */
  service: string | null;
}

/** A silence as sent to Alertmanager's `POST /api/v2/silences`; with `id`, an update of that silence. */
export interface SilenceRequest {
  id?: string;
  matchers: readonly LabelMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
}

/** A silence as Alertmanager reports it. */
export interface SilenceStatus {
  id: string;
  state: 'active' | 'pending' | 'expired';
  startsAt: number;
  endsAt: number;
}

/** Where a silence this incident created stands. */
export type IncidentSilenceState = 'active' | 'expired' | 'kept' | 'dry-run';

/** A silence this incident created: extended while the incident is open, expired at its resolution unless kept. */
export interface IncidentSilence {
  /** Alertmanager's id; null for a dry-run silence (never sent). */
  id: string | null;
  /** The matchers as written back (`alertname="X", service="y"`). */
  matchers: string;
  startsAt: number;
  endsAt: number;
  createdBy: string;
  /** The alert acknowledged, when it came from one. */
  alert: string | null;
  state: IncidentSilenceState;
}

/** Reads the alerts that belong to this war room. */
export interface AlertSource {
  readonly kind: 'alertmanager' | 'prometheus';
  list(): Promise<SourceAlert[]>;
}

/** Creates, reads and expires silences (Alertmanager's v2 API). */
export interface SilenceApi {
  /** Creates a silence (or updates the one with `id`); returns its id, which may be a new one. */
  create(silence: SilenceRequest): Promise<string>;
  /** Expires a silence now. */
  expire(id: string): Promise<void>;
  /** The silence's current state; null when Alertmanager does not know it. */
  get(id: string): Promise<SilenceStatus | null>;
}
