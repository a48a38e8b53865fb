// The shape of warroom.yaml as written (before expansion), as zod schemas. Objects are strict:
// an unknown key is an error with a suggestion. Cross-field rules that need one object only live
// here; rules that need the whole file (references, expansion) live in the resolver.
import { z } from 'zod';
import {
  blank, count, duration, httpUrl, ON_KEY, port, portsSpec, scalarText, severity, strict, text,
} from './schema-values.js';
import { closest } from './suggest.js';

/** The kinds a check can have; exactly one per check. */
export const CHECK_KINDS = ['http', 'tcp', 'command', 'promql'] as const;

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
  label: text.optional(),
  expect: blank(strict({
    status: z.number().int().min(100, 'expected an HTTP status 100-599').max(599, 'expected an HTTP status 100-599').optional(),
    json: z.unknown().optional(),
  })),
  interval: duration().optional(),
  timeout: duration().optional(),
  headers: blank(headers),
  host: text.optional(),
  downAfter: count.optional(),
  upAfter: count.optional(),
  followRedirects: z.boolean().optional(),
  ports: portsSpec.optional(),
}, 'a check (services[].checks[])').superRefine((check, ctx) => {
  const kinds = CHECK_KINDS.filter((k) => check[k] !== undefined);
  if (kinds.length === 0) {
    // A misspelt kind (`htp:`) is already reported as an unknown key with a suggestion.
    if (Object.keys(check).some((key) => closest(key, CHECK_KINDS) !== undefined)) return;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a check needs one of http:, tcp:, command: or promql:' });
    return;
  }
  if (kinds.length > 1) {
    keyIssue(ctx, kinds[1]!, `a check has exactly one kind, but this one has both ${kinds[0]}: and ${kinds[1]}:`);
    return;
  }
  const kind = kinds[0]!;
  for (const key of ['expect', 'headers', 'followRedirects'] as const) {
    if (check[key] !== undefined && kind !== 'http') keyIssue(ctx, key, 'applies to http checks only');
  }
  if (check.host !== undefined && kind !== 'command') {
    keyIssue(ctx, 'host', 'applies to command checks only (http and tcp checks run from this machine)');
  }
  if (check.ports !== undefined && kind === 'promql') keyIssue(ctx, 'ports', 'does not apply to promql checks');
});

const logSchema = strict({
  file: text.optional(),
  command: text.optional(),
  host: text.optional(),
  tag: text.optional(),
  lines: z.number().int('expected a whole number').min(0, 'must be 0 or more').optional(),
}, 'a log source (services[].logs[])').superRefine((log, ctx) => {
  if (log.file === undefined && log.command === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a log source needs file: or command:' });
  } else if (log.file !== undefined && log.command !== undefined) {
    keyIssue(ctx, 'command', 'a log source has either file: or command:, not both');
  } else if (log.lines !== undefined && log.file === undefined) {
    keyIssue(ctx, 'lines', 'applies to file: sources only');
  }
});

const actionSchema = strict({
  run: text,
  host: text.optional(),
  timeout: duration().optional(),
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
  responseTargets: blank(z.record(z.string(), duration())),
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
  warn: z.number().optional(),
  crit: z.number().optional(),
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
  range: duration().optional(),
  step: duration().optional(),
  panels: blank(z.array(panelSchema)),
}, 'metrics:');

const contactSchema = strict({
  pagerduty: strict({ routingKey: z.string() }).optional(),
  slack: strict({ webhook: z.string(), mention: text.optional() }).optional(),
  webhook: strict({ url: z.string(), headers: headers.optional() }).optional(),
}, 'a contact (escalation.contacts.NAME)');

const escalationSchema = strict({
  auto: z.boolean().optional(),
  policy: blank(z.array(strict({ after: duration('nonNegative'), notify: text }))),
  contacts: blank(z.record(z.string(), contactSchema)),
}, 'escalation:');

/** The whole file as written. */
export const fileSchema = strict({
  incident: blank(incidentSchema),
  hosts: blank(z.record(z.string(), hostSchema.nullable())),
  services: blank(z.array(serviceSchema)),
  metrics: blank(metricsSchema),
  escalation: blank(escalationSchema),
  timeline: blank(strict({ dir: text.optional(), redact: blank(z.array(z.string())) })),
  logs: blank(strict({ buffer: count.optional(), errorRateNote: count.optional() }, 'the top-level logs:')),
}, 'the top level');

/** The parsed file, durations already in ms. */
export type RawConfig = z.infer<typeof fileSchema>;
/** One service as written. */
export type RawService = NonNullable<RawConfig['services']>[number];
/** One check as written. */
export type RawCheck = NonNullable<RawService['checks']>[number];
