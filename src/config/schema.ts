// The shape of warroom.yaml as written (before expansion), as zod schemas. Objects are strict:
// an unknown key is an error with a suggestion. Cross-field rules that need one object only live
// here; rules that need the whole file (references, expansion) live in the resolver.
import { z } from 'zod';
import {
  blank, CAPS, countUpTo, duration, DURATION_BOUNDS as BOUNDS, finite, httpUrl, ON_KEY, port, portsSpec, scalarText, severity, strict, text,
} from './schema-values.js';
import { formatSetting } from '../time/duration-text.js';
import { closest } from './suggest.js';
import { parseMatcher } from './label-matchers.js';
import { ANNOTATE_KINDS } from './integration-types.js';
import { CHECK_KIND_LIST, DESCRIBED_CHECK_KINDS, kindList, type SharedOption } from './check-kinds/index.js';
import { DESCRIBED_LOG_KINDS, LOG_KIND_LIST, logKindList } from './log-kinds/index.js';

/** The metrics window and step when the file gives none (ms). */
export const DEFAULT_METRICS_RANGE = 30 * 60_000;
export const DEFAULT_METRICS_STEP = 15_000;

/** A check's interval and timeout when the file gives none (ms). */
export const DEFAULT_CHECK_INTERVAL = 5000;
export const DEFAULT_CHECK_TIMEOUT = 2000;

/** The kinds a check can have; exactly one per check (their descriptors are in ./check-kinds/). */
export const CHECK_KINDS = CHECK_KIND_LIST.map((kind) => kind.key);

// Described kinds bring their own keys (`server:`) and the keys they read under `expect:`.
const describedOptions: z.ZodRawShape = Object.assign({}, ...DESCRIBED_CHECK_KINDS.map((kind) => kind.optionShape));
const describedExpect: z.ZodRawShape = Object.assign({}, ...DESCRIBED_CHECK_KINDS.map((kind) => kind.expectShape));
const kindTargets: z.ZodRawShape = Object.fromEntries(CHECK_KINDS.map((key) => [key, text.optional()]));

/** Adds an issue at `key` of the current object (pointing at the key itself). */
function keyIssue(ctx: z.RefinementCtx, key: string, message: string): void {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message, params: ON_KEY });
}

const headers = z.record(z.string(), scalarText);

const checkSchema = strict({
  http: text.optional(),
  tcp: text.optional(),
  command: text.optional(),
  promql: text.optional(),
  ...kindTargets,
  label: text.optional(),
  expect: blank(strict({
    status: z.number().int().min(100, 'expected an HTTP status 100-599').max(599, 'expected an HTTP status 100-599').optional(),
    json: z.unknown().optional(),
    ...describedExpect,
  })),
  interval: duration('positive', BOUNDS.checkInterval).optional(),
  timeout: duration('positive', BOUNDS.checkTimeout).optional(),
  headers: blank(headers),
  host: text.optional(),
  downAfter: countUpTo(CAPS.flapCount).optional(),
  upAfter: countUpTo(CAPS.flapCount).optional(),
  followRedirects: z.boolean().optional(),
  ports: portsSpec.optional(),
  ...describedOptions,
}, 'a check (services[].checks[])').superRefine((check, ctx) => {
  const written = check as Record<string, unknown>;
  const kinds = CHECK_KINDS.filter((k) => written[k] !== undefined);
  if (kinds.length === 0) {
    // A misspelt kind (`htp:`) is already reported as an unknown key with a suggestion.
    if (Object.keys(check).some((key) => closest(key, CHECK_KINDS) !== undefined)) return;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a check needs one of ${kindList()}` });
    return;
  }
  if (kinds.length > 1) {
    keyIssue(ctx, kinds[1]!, `a check has exactly one kind, but this one has both ${kinds[0]}: and ${kinds[1]}:`);
    return;
  }
  const kind = CHECK_KIND_LIST.find((k) => k.key === kinds[0])!;
  const takers = (option: SharedOption) => CHECK_KIND_LIST.filter((k) => (k.takes as readonly string[]).includes(option)).map((k) => k.key);
  for (const option of ['expect', 'headers', 'followRedirects', 'host', 'ports'] as const) {
    if (written[option] === undefined || (kind.takes as readonly string[]).includes(option)) continue;
    const who = takers(option);
    const where = option === 'host' ? ' (the other kinds run from this machine)' : '';
    keyIssue(ctx, option, `applies to ${who.join(' and ')} checks only${where}`);
  }
  // A described kind's own keys, and the expect keys it does not read, belong to no other kind.
  for (const other of DESCRIBED_CHECK_KINDS) {
    if (other.key === kind.key) continue;
    for (const key of Object.keys(other.optionShape)) if (written[key] !== undefined) keyIssue(ctx, key, `applies to ${other.key} checks only`);
  }
  const expect = (written.expect ?? {}) as Record<string, unknown>;
  const described = DESCRIBED_CHECK_KINDS.find((k) => k.key === kind.key);
  const expectKeys = described ? Object.keys(described.expectShape) : kind.key === 'http' ? ['status', 'json'] : [];
  for (const key of Object.keys(expect)) {
    if (expect[key] !== undefined && !expectKeys.includes(key)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['expect', key], message: `does not apply to ${kind.key} checks`, params: ON_KEY });
    }
  }
  // A probe still running when the next is due would pile up; the defaults are 5s and 2s.
  const interval = check.interval ?? DEFAULT_CHECK_INTERVAL;
  if (check.timeout !== undefined && check.timeout > interval) {
    const which = check.interval === undefined ? `${formatSetting(interval)}, the default` : formatSetting(interval);
    keyIssue(ctx, 'timeout', `timeout (${formatSetting(check.timeout)}) is longer than the interval (${which}); a check must finish before the next one starts`);
  }
});

// Described kinds (`journal:`) are a target each, like `file:` and `command:`.
const describedLogTargets: z.ZodRawShape = Object.fromEntries(DESCRIBED_LOG_KINDS.map((kind) => [kind.key, text.optional()]));

const logSchema = strict({
  file: text.optional(),
  command: text.optional(),
  ...describedLogTargets,
  host: text.optional(),
  tag: text.optional(),
  lines: z.number().int('expected a whole number').min(0, 'must be 0 or more').max(CAPS.logLinesBack, `must be at most ${CAPS.logLinesBack}`).optional(),
}, 'a log source (services[].logs[])').superRefine((log, ctx) => {
  const written = log as Record<string, unknown>;
  const kinds = LOG_KIND_LIST.filter((kind) => written[kind.key] !== undefined);
  if (kinds.length === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `a log source needs one of ${logKindList()}` });
    return;
  }
  if (kinds.length > 1) {
    keyIssue(ctx, kinds[1]!.key, `a log source has either ${kinds[0]!.key}: or ${kinds[1]!.key}:, not both`);
    return;
  }
  for (const option of ['lines', 'host'] as const) {
    if (log[option] === undefined || (kinds[0]!.takes as readonly string[]).includes(option)) continue;
    const takers = LOG_KIND_LIST.filter((kind) => (kind.takes as readonly string[]).includes(option)).map((kind) => `${kind.key}:`);
    keyIssue(ctx, option, `applies to ${takers.join(', ')} sources only`);
  }
});

const actionSchema = strict({
  run: text,
  host: text.optional(),
  timeout: duration('positive', BOUNDS.actionTimeout).optional(),
  confirm: z.enum(['yes', 'typed', 'none']).optional(),
  rolling: z.boolean().optional(),
}, 'an action (services[].actions.NAME)');

const serviceSchema = strict({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a name of letters, digits, ".", "_" or "-"'),
  instances: z.array(text).min(1, 'must name at least one host').optional(),
  checks: blank(z.array(checkSchema)),
  logs: blank(z.array(logSchema)),
  actions: blank(z.record(z.string(), actionSchema)),
}, 'a service (services[])');

const hostSchema = strict({
  address: text.optional(),
  port: port.optional(),
  user: text.optional(),
  identityFile: text.optional(),
  insecureAcceptNewHostKey: z.boolean().optional(),
}, 'a host (hosts.NAME)');

const incidentSchema = strict({
  title: text.optional(),
  severity: severity.optional(),
  runbook: text.optional(),
  runbooksDir: text.optional(),
  responseTargets: blank(z.record(z.string(), duration('positive', BOUNDS.responseTarget))),
}, 'incident:');

const prometheusSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { url: value } : value),
  strict({
    url: httpUrl,
    headers: headers.optional(),
    bearerToken: z.string().optional(),
    basicAuth: strict({ username: z.string(), password: z.string() }).optional(),
  }),
);

const panelSchema = strict({
  title: text,
  query: text.optional(),
  scrape: httpUrl.optional(),
  metric: text.optional(),
  labels: blank(z.record(z.string(), scalarText)),
  unit: z.enum(['percent', 'seconds', 'bytes', 'count']).optional(),
  warn: finite.optional(),
  crit: finite.optional(),
  below: z.boolean().optional(),
  legend: text.optional(),
  quantile: z.number().min(0, 'expected a quantile 0-1').max(1, 'expected a quantile 0-1').optional(),
}, 'a panel (metrics.panels[])').superRefine((panel, ctx) => {
  if (panel.query === undefined && panel.scrape === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a panel needs query: (Prometheus) or scrape: (a /metrics URL)' });
  } else if (panel.query !== undefined && panel.scrape !== undefined) {
    keyIssue(ctx, 'scrape', 'a panel has either query: or scrape:, not both');
  } else if (panel.scrape !== undefined && panel.metric === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scrape'], message: 'a scrape: panel needs metric: (the metric name to read)', params: ON_KEY });
  } else if (panel.query !== undefined) {
    for (const key of ['metric', 'labels', 'quantile'] as const) {
      if (panel[key] !== undefined) keyIssue(ctx, key, 'applies to scrape: panels only');
    }
  }
});

const metricsSchema = strict({
  prometheus: prometheusSchema.optional(),
  range: duration('positive', BOUNDS.metricsRange).optional(),
  step: duration('positive', BOUNDS.metricsStep).optional(),
  panels: blank(z.array(panelSchema)),
}, 'metrics:').superRefine((metrics, ctx) => {
  const range = metrics.range ?? DEFAULT_METRICS_RANGE;
  const step = metrics.step ?? DEFAULT_METRICS_STEP;
  if (range / step > CAPS.rangePoints) {
    const where = metrics.range !== undefined ? 'range' : 'step';
    keyIssue(ctx, where, `range ${formatSetting(range)} at a step of ${formatSetting(step)} is more than ${CAPS.rangePoints} points per series (Prometheus refuses it); widen the step or shorten the range`);
  }
});

const contactSchema = strict({
  pagerduty: strict({ routingKey: z.string() }).optional(),
  slack: strict({ webhook: z.string(), mention: text.optional() }).optional(),
  webhook: strict({ url: z.string(), headers: headers.optional() }).optional(),
}, 'a contact (escalation.contacts.NAME)');

const escalationSchema = strict({
  auto: z.boolean().optional(),
  policy: blank(z.array(strict({ after: duration('nonNegative', BOUNDS.escalationAfter), notify: text }))),
  contacts: blank(z.record(z.string(), contactSchema)),
}, 'escalation:');

const alertsSchema = strict({
  alertmanager: httpUrl.optional(),
  prometheus: httpUrl.optional(),
  matchers: blank(z.array(text)),
  interval: duration('positive', BOUNDS.alertsInterval).optional(),
  silenceFor: duration('positive', BOUNDS.silenceFor).optional(),
}, 'alerts:').superRefine((alerts, ctx) => {
  if (alerts.alertmanager === undefined && alerts.prometheus === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'alerts: needs alertmanager: (its v2 API) or prometheus: (its /api/v1/alerts)' });
  } else if (alerts.alertmanager !== undefined && alerts.prometheus !== undefined) {
    keyIssue(ctx, 'prometheus', 'alerts: reads either alertmanager: or prometheus:, not both');
  }
  (alerts.matchers ?? []).forEach((written, i) => {
    const parsed = parseMatcher(written);
    if ('error' in parsed) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['matchers', i], message: parsed.error });
  });
});

const grafanaSchema = strict({
  url: httpUrl,
  token: z.string().optional(),
  annotate: blank(z.array(z.enum(ANNOTATE_KINDS))),
}, 'grafana:');

/** The whole file as written. */
/** `share:` (the incident shared across machines through NATS JetStream); checked in share.ts. */
const shareSchema = strict({
  nats: text,
  stream: text.optional(),
  token: scalarText.optional(),
  user: scalarText.optional(),
  password: scalarText.optional(),
  creds: z.string().optional(),
  tls: blank(strict({ ca: text.optional(), cert: text.optional(), key: text.optional() }, 'share.tls:')),
}, 'share:');

export const fileSchema = strict({
  incident: blank(incidentSchema),
  hosts: blank(z.record(z.string(), hostSchema.nullable())),
  services: blank(z.array(serviceSchema)),
  metrics: blank(metricsSchema),
  escalation: blank(escalationSchema),
  timeline: blank(strict({ dir: text.optional(), redact: blank(z.array(z.string())) })),
  logs: blank(strict({ buffer: countUpTo(CAPS.logBuffer).optional(), errorRateNote: countUpTo(CAPS.errorRateNote).optional() }, 'the top-level logs:')),
  alerts: blank(alertsSchema),
  grafana: blank(grafanaSchema),
  share: blank(shareSchema),
}, 'the top level');

/** The parsed file, durations already in ms. */
export type RawConfig = z.infer<typeof fileSchema>;
/** One service as written. */
export type RawService = NonNullable<RawConfig['services']>[number];
/** One check as written. */
export type RawCheck = NonNullable<RawService['checks']>[number];
