// The resolved blocks for the engines warroom rides on past one machine: Alertmanager (or
// Prometheus) alerts, Grafana annotations and the NATS-shared incident. Kept apart from
// types.ts, which holds the estate (services, checks, logs, actions) and the console's own blocks.
import type { LabelMatcher } from './label-matchers.js';
import type { SourcePos } from './source-pos.js';

/** The `alerts:` block: where firing alerts are read, and which belong to this war room. */
export interface AlertsConfig {
  /** Alertmanager's v2 API (alerts and silences), or Prometheus' /api/v1/alerts (alerts only). */
  source: 'alertmanager' | 'prometheus';
  url: string;
  /** Only alerts matching every one of these belong to the war room (none: every alert). */
  matchers: LabelMatcher[];
  /** How often alerts are read. @default 15000 */
  intervalMs: number;
  /** How long an acknowledge (or `:silence` without a duration) silences for. @default 3600000 (1h) */
  silenceMs: number;
  pos: SourcePos;
}

/** Families of timeline events that can be posted to Grafana as annotations (`grafana.annotate`). */
export const ANNOTATE_KINDS = ['action', 'state', 'severity', 'milestone', 'alert', 'note', 'status', 'escalation', 'runbook'] as const;
/** One family of `grafana.annotate`. */
export type AnnotateKind = (typeof ANNOTATE_KINDS)[number];

/** The `grafana:` block: timeline events and the incident's span as Grafana annotations. */
export interface GrafanaConfig {
  url: string;
  /** Service-account token (a secret); empty means annotations are off. */
  token: string;
  /** @default ['action', 'state', 'severity', 'milestone'] */
  annotate: AnnotateKind[];
  pos: SourcePos;
}

/** The `share:` block: the incident shared across machines through NATS JetStream. */
export interface ShareConfig {
  /** Server URLs (`nats://host:4222`, `tls://host:4222`), from the comma-separated `nats:`. */
  servers: string[];
  /** JetStream stream holding every incident's events. @default WARROOM */
  stream: string;
  /** One way to authenticate (an empty value counts as not set). */
  token?: string;
  user?: string;
  password?: string;
  /** Absolute path of a NATS creds file. */
  creds?: string;
  /** Absolute paths of PEM files; any of them turns TLS on. */
  tls?: { ca?: string; cert?: string; key?: string };
}
