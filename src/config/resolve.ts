// Builds the resolved model from the validated file: defaults, absolute paths, expansion, and the
// rules that need the whole file (duplicate names, references to contacts, Prometheus).
import { dirname } from 'node:path';
import { resolveAlerts, resolveGrafana } from './alerting.js';
import { resolveShare } from './share.js';
import { addHeaderSecrets, addSecret, addUrlSecret, localPath, posOf, report, type ResolveContext } from './context.js';
import { compileSafePattern } from '../text/safe-pattern.js';
import { DEFAULT_METRICS_RANGE, DEFAULT_METRICS_STEP, type RawConfig } from './schema.js';
import { CAPS, checkHttpUrl } from './schema-values.js';
import { resolveService } from './services.js';
import { parseSeverity } from './severity.js';
import { didYouMean } from './suggest.js';
import type {
  ContactConfig, EscalationConfig, HostConfig, IncidentConfig, MetricsConfig, ServiceConfig, Severity, WarroomConfig,
} from './types.js';

/** Response targets when the file gives none: the usual on-call SLOs. */
export const DEFAULT_RESPONSE_TARGETS: Record<Severity, number> = {
  P0: 15 * 60_000, P1: 15 * 60_000, P2: 60 * 60_000, P3: 4 * 60 * 60_000, P4: 24 * 60 * 60_000,
};

function resolveIncident(ctx: ResolveContext, raw: RawConfig['incident']): IncidentConfig {
  const targets = { ...DEFAULT_RESPONSE_TARGETS };
  for (const [key, ms] of Object.entries(raw?.responseTargets ?? {})) {
    const sev = parseSeverity(key);
    if (sev === undefined) report(ctx, ['incident', 'responseTargets', key], `expected a severity P0..P4 (or SEV-0..SEV-4), got "${key}"`, true);
    else targets[sev] = ms;
  }
  const runbook = raw?.runbook === undefined ? undefined : localPath(ctx, raw.runbook);
  const runbooksDir = raw?.runbooksDir !== undefined ? localPath(ctx, raw.runbooksDir) : runbook && dirname(runbook);
  return {
    title: raw?.title ?? 'Incident',
    severity: raw?.severity ?? 'P2',
    ...(runbook === undefined ? {} : { runbook }),
    ...(runbooksDir === undefined ? {} : { runbooksDir }),
    responseTargets: targets,
  };
}

function resolveHosts(ctx: ResolveContext, raw: RawConfig['hosts']): Record<string, HostConfig> {
  const hosts: Record<string, HostConfig> = {};
  for (const [name, host] of Object.entries(raw ?? {})) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name)) {
      report(ctx, ['hosts', name], `expected a host name of letters, digits, ".", "_" or "-", got ${JSON.stringify(name)}`, true);
    }
    hosts[name] = {
      name,
      address: host?.address ?? name,
      port: host?.port ?? 22,
      ...(host?.user === undefined ? {} : { user: host.user }),
      ...(host?.identityFile === undefined ? {} : { identityFile: localPath(ctx, host.identityFile) }),
      insecureAcceptNewHostKey: host?.insecureAcceptNewHostKey ?? false,
    };
  }
  return hosts;
}

function resolveMetrics(ctx: ResolveContext, raw: RawConfig['metrics']): MetricsConfig | undefined {
  if (raw === undefined) return undefined;
  const prom = raw.prometheus;
  if (prom) {
    addUrlSecret(ctx, prom.url);
    addHeaderSecrets(ctx, prom.headers);
    addSecret(ctx, prom.bearerToken);
    addSecret(ctx, prom.basicAuth?.password);
  }
  const panels = (raw.panels ?? []).map((panel, i) => {
    if (panel.query !== undefined && !prom) report(ctx, ['metrics', 'panels', i, 'query'], 'query panels need metrics.prometheus (or use scrape:)', true);
    if (panel.scrape !== undefined) addUrlSecret(ctx, panel.scrape);
    return {
      title: panel.title,
      ...(panel.query === undefined ? {} : { query: panel.query }),
      ...(panel.scrape === undefined ? {} : { scrape: panel.scrape }),
      ...(panel.metric === undefined ? {} : { metric: panel.metric }),
      labels: panel.labels ?? {},
      unit: panel.unit ?? 'count',
      ...(panel.warn === undefined ? {} : { warn: panel.warn }),
      ...(panel.crit === undefined ? {} : { crit: panel.crit }),
      below: panel.below ?? false,
      ...(panel.legend === undefined ? {} : { legend: panel.legend }),
      ...(panel.quantile === undefined ? {} : { quantile: panel.quantile }),
      pos: posOf(ctx, ['metrics', 'panels', i]),
    };
  });
  return {
    ...(prom ? { prometheus: { url: prom.url, headers: prom.headers ?? {}, ...(prom.bearerToken ? { bearerToken: prom.bearerToken } : {}), ...(prom.basicAuth ? { basicAuth: prom.basicAuth } : {}) } } : {}),
    rangeMs: raw.range ?? DEFAULT_METRICS_RANGE,
    stepMs: raw.step ?? DEFAULT_METRICS_STEP,
    panels,
  };
}

/** Contacts keep only the channels that are configured: an empty routing key or URL drops that channel. */
function resolveEscalation(ctx: ResolveContext, raw: RawConfig['escalation']): EscalationConfig | undefined {
  if (raw === undefined) return undefined;
  const contacts: Record<string, ContactConfig> = {};
  for (const [name, c] of Object.entries(raw.contacts ?? {})) {
    const contact: ContactConfig = { name };
    if (c.pagerduty?.routingKey) {
      contact.pagerduty = { routingKey: c.pagerduty.routingKey };
      addSecret(ctx, c.pagerduty.routingKey);
    }
    if (c.slack?.webhook) {
      const bad = checkHttpUrl(c.slack.webhook);
      if (bad) report(ctx, ['escalation', 'contacts', name, 'slack', 'webhook'], bad);
      contact.slack = { webhook: c.slack.webhook, ...(c.slack.mention === undefined ? {} : { mention: c.slack.mention }) };
      addSecret(ctx, c.slack.webhook);
    }
    if (c.webhook?.url) {
      const bad = checkHttpUrl(c.webhook.url);
      if (bad) report(ctx, ['escalation', 'contacts', name, 'webhook', 'url'], bad);
      contact.webhook = { url: c.webhook.url, headers: c.webhook.headers ?? {} };
      addUrlSecret(ctx, c.webhook.url);
      addHeaderSecrets(ctx, c.webhook.headers);
    }
    contacts[name] = contact;
  }
  let previous = 0;
  const policy = (raw.policy ?? []).map((step, i) => {
    if (!(step.notify in contacts)) {
      report(ctx, ['escalation', 'policy', i, 'notify'], `unknown contact \`${step.notify}\`${didYouMean(step.notify, Object.keys(contacts))}`);
    }
    if (step.after < previous) report(ctx, ['escalation', 'policy', i, 'after'], 'policy steps must be in order of after:');
    previous = step.after;
    return { afterMs: step.after, notify: step.notify };
  });
  return { auto: raw.auto ?? false, policy, contacts };
}

function resolveServices(ctx: ResolveContext, raw: RawConfig['services']): ServiceConfig[] {
  const firstLine = new Map<string, number>();
  return (raw ?? []).map((service, i) => {
    const line = posOf(ctx, ['services', i, 'name']).line;
    const first = firstLine.get(service.name);
    if (first !== undefined) report(ctx, ['services', i, 'name'], `duplicate service name \`${service.name}\` (first defined on line ${first})`);
    else firstLine.set(service.name, line);
    return resolveService(ctx, service, i);
  });
}

/** The resolved model; problems found on the way are left in `ctx.problems`. */
export function resolveConfig(ctx: ResolveContext, raw: RawConfig, file: string): WarroomConfig {
  const incident = resolveIncident(ctx, raw.incident);
  ctx.hosts = resolveHosts(ctx, raw.hosts);
  const metrics = resolveMetrics(ctx, raw.metrics);
  ctx.hasPrometheus = metrics?.prometheus !== undefined;
  const services = resolveServices(ctx, raw.services);
  const escalation = resolveEscalation(ctx, raw.escalation);
  const alerts = resolveAlerts(ctx, raw.alerts);
  const grafana = resolveGrafana(ctx, raw.grafana);
  const redact = raw.timeline?.redact ?? [];
  // Patterns run on the linear-time engine the redactor uses; one it cannot run is refused here,
  // and so is one that matches nothing at all (it would mask between every two characters).
  redact.forEach((pattern, i) => {
    const compiled = compileSafePattern(pattern);
    if ('error' in compiled) report(ctx, ['timeline', 'redact', i], compiled.error);
    else if (compiled.test('')) report(ctx, ['timeline', 'redact', i], 'matches the empty string, so it would mask between every two characters');
  });
  const rows = services.reduce((n, s) => n + s.checks.length, 0);
  if (rows > CAPS.statusRows) {
    report(ctx, ['services'], `the checks expand to ${rows} status rows, more than ${CAPS.statusRows} status rows in all (each row is probed on its own)`, true);
  }
  return {
    file,
    baseDir: ctx.baseDir,
    incident,
    hosts: ctx.hosts,
    services,
    ...(metrics === undefined ? {} : { metrics }),
    ...(escalation === undefined ? {} : { escalation }),
    timeline: { dir: localPath(ctx, raw.timeline?.dir ?? '.warroom/incidents'), redact },
    logs: { buffer: raw.logs?.buffer ?? 10_000, errorRateNote: raw.logs?.errorRateNote ?? 30 },
    ...(alerts === undefined ? {} : { alerts }),
    ...(grafana === undefined ? {} : { grafana }),
    ...resolveShare(ctx, raw.share),
    secrets: [...ctx.secrets],
  };
}
