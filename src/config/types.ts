// The resolved configuration: what the rest of the engine reads. The loader (load.ts) turns a
// warroom.yaml into this shape: durations in milliseconds, `${VAR}` filled in from the
// environment, paths made absolute relative to the config file, `instances:` and `ports:`
// expanded into one entry per row. Nothing downstream ever sees raw YAML.

import type { DescribedKindName } from './check-kinds/index.js';
import type { AlertsConfig, GrafanaConfig, ShareConfig } from './integration-types.js';
import type { SourcePos } from './source-pos.js';

/** Incident severity, P0 (worst) to P4. SEV-0..SEV-4 in the file are read as these. */
export type Severity = 'P0' | 'P1' | 'P2' | 'P3' | 'P4';

/** The severities in order, worst first. */
export const SEVERITIES: readonly Severity[] = ['P0', 'P1', 'P2', 'P3', 'P4'];

/** The `incident:` block. */
export interface IncidentConfig {
  /** Default title of a new incident. */
  title: string;
  /** @default 'P2' */
  severity: Severity;
  /** Absolute path of the runbook opened in the runbook pane, if any. */
  runbook?: string;
  /** Folder of runbooks offered by the runbook pane's `r` key (the runbook's own folder by default). */
  runbooksDir?: string;
  /** Response target per severity, in ms. */
  responseTargets: Record<Severity, number>;
}

/** An SSH target named in `hosts:`. */
export interface HostConfig {
  name: string;
  address: string;
  /** @default 22 */
  port: number;
  user?: string;
  /** Absolute path (a leading `~` is expanded). */
  identityFile?: string;
  /** Accept an unknown host key (labs only); a changed key is still refused. @default false */
  insecureAcceptNewHostKey: boolean;
}

/** Fields every status-board row shares. */
interface CheckBase {
  /** Unique and stable: `service[/instance]#index[:port]`. */
  id: string;
  service: string;
  /** The instance (host name) this row belongs to, for services with `instances:`. */
  instance?: string;
  /** The configured `label`, else a short form of the target. */
  label: string;
  /** @default 5000 */
  intervalMs: number;
  /** @default 2000 */
  timeoutMs: number;
  /** Consecutive failing results before the row turns DOWN/DEGRADED. @default 2 */
  downAfter: number;
  /** Consecutive passing results before the row turns UP. @default 1 */
  upAfter: number;
  /** The port this row was expanded from, for `ports:` checks. */
  port?: number;
  pos: SourcePos;
}

/** `http:` check: status and optional JSON subset match. */
export interface HttpCheckConfig extends CheckBase {
  kind: 'http';
  url: string;
  /** Expected status; undefined means any 2xx. */
  expectStatus?: number;
  /** Subset the JSON body must contain; a mismatch is DEGRADED. */
  expectJson?: unknown;
  /** Sent with the probe; values are secrets, never shown. */
  headers: Record<string, string>;
  /** @default false */
  followRedirects: boolean;
}

/** `tcp:` check: connect within the timeout. */
export interface TcpCheckConfig extends CheckBase {
  kind: 'tcp';
  host: string;
  port: number;
}

/** `command:` check: exit code 0 is UP; runs on `host` over SSH when set. */
export interface CommandCheckConfig extends CheckBase {
  kind: 'command';
  /** The shell text; `${NAME}` references stay in it and read `env`. */
  command: string;
  host?: string;
  /** Values of the command's `${NAME}` references, passed as environment (never pasted into the text). */
  env?: Readonly<Record<string, string | null>>;
}

/** `promql:` check: one row per returned series (1 UP, 0 DOWN, absent UNKNOWN). */
export interface PromqlCheckConfig extends CheckBase {
  kind: 'promql';
  query: string;
}

/** A check of a kind described wholly by its descriptor (`dns:`; see config/check-kinds/). */
export interface DescribedCheckConfig extends CheckBase {
  kind: DescribedKindName;
  /** The expanded target (`checkout.internal`). */
  target: string;
  /** The kind's own options, as its descriptor read them. */
  options: unknown;
}

/** One configured check, after `instances:` and `ports:` expansion. */
export type CheckConfig = HttpCheckConfig | TcpCheckConfig | CommandCheckConfig | PromqlCheckConfig | DescribedCheckConfig;

/** A log source after expansion. */
export type LogSourceConfig =
  | {
      kind: 'file';
      /**
       * Tag shown before each line: `service` or `service/instance`, or the configured `tag`. A
       * service's sources whose defaults would be the same are told apart: `service:app.log`.
       */
      tag: string;
      service: string;
      instance?: string;
      /** Absolute path on the machine it is read on. */
      path: string;
      host?: string;
      /** Lines of history to start from. @default 100 */
      lines: number;
      /** Where the source is written in the config file. */
      pos?: SourcePos;
    }
  | {
      kind: 'command';
      tag: string;
      service: string;
      instance?: string;
      command: string;
      host?: string;
      /** Values of the command's `${NAME}` references, passed as environment. */
      env?: Readonly<Record<string, string | null>>;
      /** Where the source is written in the config file. */
      pos?: SourcePos;
    };

/** One place an action runs: the whole service, or one instance of it. */
export interface ActionTarget {
  instance?: string;
  /** Host name from `hosts:` (or ~/.ssh/config); undefined means local. */
  host?: string;
  /** The command, with `{host}`/`{address}` filled in; `${NAME}` references stay in it and read `env`. */
  run: string;
  /** Values of the command's `${NAME}` references, passed as environment (never pasted into the text). */
  env?: Readonly<Record<string, string | null>>;
}

/** A keybound action from a service's `actions:`. */
export interface ActionConfig {
  service: string;
  /** The key under `actions:`, e.g. `restart`. */
  name: string;
  /** One target per instance (one in total for a service without instances). */
  targets: ActionTarget[];
  /** @default 60000 */
  timeoutMs: number;
  /** @default 'yes' */
  confirm: 'yes' | 'typed' | 'none';
  /** One instance at a time, waiting for its checks. @default false */
  rolling: boolean;
  pos: SourcePos;
}

/** A service with everything that belongs to it. */
export interface ServiceConfig {
  name: string;
  instances: string[];
  checks: CheckConfig[];
  logs: LogSourceConfig[];
  actions: Record<string, ActionConfig>;
  pos: SourcePos;
}

/** How to reach a Prometheus-compatible query API. */
export interface PrometheusConfig {
  url: string;
  /** Extra headers (secrets). */
  headers: Record<string, string>;
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
}

/** A panel in the metrics pane. Exactly one of `query` or `scrape` is set. */
export interface PanelConfig {
  title: string;
  query?: string;
  scrape?: string;
  metric?: string;
  labels: Record<string, string>;
  /** @default 'count' */
  unit: 'percent' | 'seconds' | 'bytes' | 'count';
  warn?: number;
  crit?: number;
  /** Low values are bad (e.g. free disk). @default false */
  below: boolean;
  /** Label used to name series of a multi-series query. */
  legend?: string;
  /** For a histogram in scrape mode: the quantile to show. */
  quantile?: number;
  pos: SourcePos;
}

/** The `metrics:` block. */
export interface MetricsConfig {
  prometheus?: PrometheusConfig;
  /** @default 1800000 (30m) */
  rangeMs: number;
  /** @default 15000 */
  stepMs: number;
  panels: PanelConfig[];
}

/** Where a contact is paged. A channel whose secret is empty (`${PD_ROUTING_KEY:-}`) is left out. */
export interface ContactConfig {
  name: string;
  pagerduty?: { routingKey: string };
  slack?: { webhook: string; mention?: string };
  webhook?: { url: string; headers: Record<string, string> };
}

/** The `escalation:` block. */
export interface EscalationConfig {
  /** Page automatically when a step falls due (else the lead is prompted). @default false */
  auto: boolean;
  policy: { afterMs: number; notify: string }[];
  contacts: Record<string, ContactConfig>;
}

/** The `timeline:` block. */
export interface TimelineConfig {
  /** Absolute folder holding one folder per incident. */
  dir: string;
  /** Extra redaction patterns (regex sources). */
  redact: string[];
}

/** The `logs:` settings block (optional in the file). */
export interface LogSettingsConfig {
  /** Lines kept in the merged ring buffer. @default 10000 */
  buffer: number;
  /** Errors per minute from one source that earn a timeline note. @default 30 */
  errorRateNote: number;
}

/** The whole resolved configuration. */
export interface WarroomConfig {
  /** Absolute path of the file it was read from ('<demo>' style names for generated ones). */
  file: string;
  /** Folder relative paths are resolved against. */
  baseDir: string;
  incident: IncidentConfig;
  hosts: Record<string, HostConfig>;
  services: ServiceConfig[];
  metrics?: MetricsConfig;
  escalation?: EscalationConfig;
  timeline: TimelineConfig;
  logs: LogSettingsConfig;
  alerts?: AlertsConfig;
  grafana?: GrafanaConfig;
  share?: ShareConfig;
  /** Every secret value found in the file (header values, tokens, webhook URLs), for redaction. */
  secrets: string[];
}
