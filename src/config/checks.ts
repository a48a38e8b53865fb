// Expands one configured check into status-board rows: one per instance and per port, each with
// a stable id (`service[/instance]#index[:port]`) and a short label.
import { addHeaderSecrets, addUrlSecret, commandEnvAt, posOf, report, type ResolveContext } from './context.js';
import { fillInstanceTokens, missingInstanceToken, instanceTokensIn, type InstanceTokenValues } from './instance-tokens.js';
import type { PathStep } from './positions.js';
import { MAX_PORT_ROWS, parsePorts } from './ports.js';
import { checkHttpUrl, show } from './schema-values.js';
import type { RawCheck } from './schema.js';
import { CHECK_KINDS, DEFAULT_CHECK_INTERVAL, DEFAULT_CHECK_TIMEOUT } from './schema.js';
import { describedKind } from './check-kinds/index.js';
import type { CheckConfig } from './types.js';

/** What ssh accepts as a destination: a name from hosts:, an ssh_config alias, or user@host. */
export const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A short label for a target: `:8000/health` for loopback URLs, `db:5432` for TCP, the command cut short. */
export function shortTarget(kind: string, target: string): string {
  const described = describedKind(kind);
  if (described) return described.label(target);
  if (kind === 'http') {
    try {
      const url = new URL(target);
      const host = LOOPBACK.has(url.hostname) ? '' : url.hostname;
      const portPart = url.port ? `:${url.port}` : '';
      const path = url.pathname === '/' ? '' : url.pathname;
      return `${host}${portPart}${path}${url.search}` || url.host;
    } catch {
      return target;
    }
  }
  return target.length > 40 ? `${target.slice(0, 39)}…` : target;
}

/** `host:port` (or `[v6]:port`) of a tcp check, or a message saying what is wrong. */
function parseHostPort(target: string): { host: string; port: number } | string {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d+)$/.exec(target);
  if (!m) return `expected host:port like 127.0.0.1:5432, got ${show(target)}`;
  const port = Number(m[3]);
  if (port < 1 || port > 65535) return `port ${port} is out of range 1-65535`;
  return { host: (m[1] ?? m[2])!, port };
}

/** Every row of `check` (the `index`-th of `service`), or none when it has problems (reported on ctx). */
export function expandCheck(
  ctx: ResolveContext,
  service: string,
  instances: string[],
  check: RawCheck,
  index: number,
  path: PathStep[],
): CheckConfig[] {
  const written = check as Readonly<Record<string, unknown>>;
  const kind = CHECK_KINDS.find((k) => written[k] !== undefined)!;
  const target = written[kind] as string;
  const described = describedKind(kind);
  const problemsBefore = ctx.problems.length;

  let ports: (number | undefined)[] = [undefined];
  if (check.ports !== undefined) {
    const parsed = parsePorts(check.ports);
    if (typeof parsed === 'string') report(ctx, [...path, 'ports'], parsed);
    else if (parsed.length * Math.max(1, instances.length) > MAX_PORT_ROWS) {
      report(ctx, [...path, 'ports'], `expands to more than ${MAX_PORT_ROWS} rows across ${instances.length} instances`);
    } else ports = parsed;
    if (!instanceTokensIn(target).has('port')) report(ctx, [...path, 'ports'], `needs {port} in the ${kind}: target`, true);
  }
  const fields: [string, string | undefined][] = [[kind, target], ['label', check.label], ['host', check.host]];
  for (const [key, value] of fields) {
    const missing = value === undefined ? undefined : missingInstanceToken(value, instances.length > 0, check.ports !== undefined);
    if (missing) report(ctx, [...path, key], missing);
    else if (key === 'host' && value !== undefined && !HOST_NAME.test(value.replace(/\{(host|address)\}/g, 'x'))) {
      report(ctx, [...path, key], `expected a host name from hosts: (or ~/.ssh/config), got ${JSON.stringify(value)}`);
    }
  }
  if (kind === 'promql' && !ctx.hasPrometheus) report(ctx, [...path, 'promql'], 'promql checks need metrics.prometheus', true);
  if (ctx.problems.length > problemsBefore) return [];

  const headers = Object.fromEntries(Object.entries(check.headers ?? {}));
  addHeaderSecrets(ctx, headers);
  const pos = posOf(ctx, path);
  const rows: CheckConfig[] = [];
  for (const instance of instances.length > 0 ? instances : [undefined]) {
    for (const port of ports) {
      const values: InstanceTokenValues = { port };
      if (instance !== undefined) {
        values.host = instance;
        values.address = ctx.hosts[instance]?.address ?? instance;
      }
      const filled = fillInstanceTokens(target, values);
      const base = {
        id: `${service}${instance === undefined ? '' : `/${instance}`}#${index}${port === undefined ? '' : `:${port}`}`,
        service,
        ...(instance === undefined ? {} : { instance }),
        label: check.label !== undefined ? fillInstanceTokens(check.label, values) : shortTarget(kind, filled),
        intervalMs: check.interval ?? DEFAULT_CHECK_INTERVAL,
        timeoutMs: check.timeout ?? DEFAULT_CHECK_TIMEOUT,
        downAfter: check.downAfter ?? 2,
        upAfter: check.upAfter ?? 1,
        ...(port === undefined ? {} : { port }),
        pos,
      };
      if (kind === 'http') {
        const bad = checkHttpUrl(filled);
        if (bad) {
          report(ctx, [...path, 'http'], bad);
          return [];
        }
        addUrlSecret(ctx, filled);
        rows.push({
          ...base,
          kind,
          url: filled,
          ...(check.expect?.status === undefined ? {} : { expectStatus: check.expect.status }),
          ...(check.expect?.json === undefined ? {} : { expectJson: check.expect.json }),
          headers,
          followRedirects: check.followRedirects ?? false,
        });
      } else if (kind === 'tcp') {
        const hostPort = parseHostPort(filled);
        if (typeof hostPort === 'string') {
          report(ctx, [...path, 'tcp'], hostPort);
          return [];
        }
        rows.push({ ...base, kind, ...hostPort });
      } else if (described) {
        const bad = described.checkTarget(filled);
        if (bad) {
          report(ctx, [...path, kind], bad);
          return [];
        }
        rows.push({ ...base, kind: described.key, target: filled, options: described.readOptions(written) });
      } else if (kind === 'command') {
        const host = check.host === undefined ? undefined : fillInstanceTokens(check.host, values);
        rows.push({ ...base, kind, command: filled, ...(host === undefined ? {} : { host }), ...commandEnvAt(ctx, [...path, 'command']) });
      } else {
        rows.push({ ...base, kind: 'promql', query: filled });
      }
    }
  }
  return rows;
}
