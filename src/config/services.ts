// Resolves one service: its checks (via checks.ts), log sources and actions, each expanded per
// instance with `{host}` / `{address}` filled in.
import { expandCheck, HOST_NAME } from './checks.js';
import { commandEnvAt, localPath, posOf, report, type ResolveContext } from './context.js';
import { fillInstanceTokens, missingInstanceToken } from './instance-tokens.js';
import { DEFAULT_LOG_LINES, describedLogKind, LOG_KIND_LIST } from './log-kinds/index.js';
import type { PathStep } from './positions.js';
import type { RawService } from './schema.js';
import type { ActionConfig, ActionTarget, LogSourceConfig, ServiceConfig } from './types.js';


/** Reports placeholders that cannot be filled here, and host values that cannot name a host. */
function checkFields(ctx: ResolveContext, path: PathStep[], fields: Record<string, string | undefined>, hasInstances: boolean): boolean {
  const before = ctx.problems.length;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    const missing = missingInstanceToken(value, hasInstances, false);
    if (missing) report(ctx, [...path, key], missing);
    else if (key === 'host' && !HOST_NAME.test(value.replace(/\{(host|address)\}/g, 'x'))) {
      report(ctx, [...path, key], `expected a host name from hosts: (or ~/.ssh/config), got ${JSON.stringify(value)}`);
    }
  }
  return ctx.problems.length === before;
}

/** The kind a log source is written as (the schema let exactly one through) and its target. */
function logKindOf(log: Readonly<Record<string, unknown>>): { key: string; target: string } {
  const kind = LOG_KIND_LIST.find((k) => typeof log[k.key] === 'string')!;
  return { key: kind.key, target: log[kind.key] as string };
}

/** Log sources of a service, one per instance. */
function expandLogs(ctx: ResolveContext, service: RawService, path: PathStep[]): LogSourceConfig[] {
  const out: LogSourceConfig[] = [];
  /** Sources whose tag is the default (the service's name), with what tells them apart. */
  const defaulted = new Map<LogSourceConfig, string>();
  const instances = service.instances ?? [];
  (service.logs ?? []).forEach((log, i) => {
    const logPath = [...path, 'logs', i];
    const { key, target } = logKindOf(log);
    if (!checkFields(ctx, logPath, { [key]: target, host: log.host, tag: log.tag }, instances.length > 0)) return;
    const described = describedLogKind(key);
    const pos = posOf(ctx, logPath);
    for (const instance of instances.length > 0 ? instances : [undefined]) {
      const values = instance === undefined ? {} : { host: instance, address: ctx.hosts[instance]?.address ?? instance };
      const host = log.host === undefined ? undefined : fillInstanceTokens(log.host, values);
      const filled = fillInstanceTokens(target, values);
      const common = {
        tag: log.tag !== undefined ? fillInstanceTokens(log.tag, values) : instance === undefined ? service.name : `${service.name}/${instance}`,
        service: service.name,
        ...(instance === undefined ? {} : { instance }),
        ...(host === undefined ? {} : { host }),
        pos,
      };
      const lines = log.lines ?? DEFAULT_LOG_LINES;
      const before = out.length;
      if (described) {
        const problem = described.checkTarget(filled);
        if (problem) {
          report(ctx, [...logPath, key], problem);
          return;
        }
        out.push({ kind: 'command', ...common, command: described.command(filled, lines) });
      } else if (key === 'file') {
        // A remote path is read by the remote shell, which expands its own `~`.
        out.push({ kind: 'file', ...common, path: host === undefined ? localPath(ctx, filled) : filled, lines });
      } else {
        out.push({ kind: 'command', ...common, command: filled, ...commandEnvAt(ctx, [...logPath, 'command']) });
      }
      if (log.tag === undefined && out.length > before) defaulted.set(out.at(-1)!, sourceNickname(key, filled));
    }
  });
  distinguishTags(defaulted);
  return out;
}

/**
 * A service's sources all default to its name, so its app log and its journal would read the
 * same in the pane, the source chooser and the counts. Where defaults collide, each gets what
 * tells it apart (`checkout-api:app.log`, `checkout-api:journalctl`), numbered if that is not
 * enough; a tag written in the config is kept as written.
 */
function distinguishTags(defaulted: Map<LogSourceConfig, string>): void {
  const byTag = new Map<string, LogSourceConfig[]>();
  for (const source of defaulted.keys()) byTag.set(source.tag, [...(byTag.get(source.tag) ?? []), source]);
  for (const [tag, sources] of byTag) {
    if (sources.length < 2) continue;
    const named = sources.map((source) => `${tag}:${defaulted.get(source)!}`);
    const count = new Map<string, number>();
    for (const name of named) count.set(name, (count.get(name) ?? 0) + 1);
    const nth = new Map<string, number>();
    sources.forEach((source, i) => {
      const name = named[i]!;
      const n = (nth.get(name) ?? 0) + 1;
      nth.set(name, n);
      source.tag = count.get(name)! > 1 ? `${name}#${n}` : name;
    });
  }
}

/** A short name for a log source: a file's base name, a command's program, or the kind (journal, compose). */
function sourceNickname(key: string, target: string): string {
  if (key === 'file') return target.split('/').filter(Boolean).at(-1) ?? 'file';
  if (key !== 'command') return key;
  // The program: past `sudo` and `VAR=value` words, its base name.
  const words = target.trim().split(/\s+/);
  const program = words.find((word) => word !== 'sudo' && !/^\w+=/.test(word)) ?? '';
  const name = program.split('/').at(-1) ?? '';
  return /^[\w.+-]{1,24}$/.test(name) ? name : 'command';
}

/** Keybound actions of a service, with one target per instance. */
function expandActions(ctx: ResolveContext, service: RawService, path: PathStep[]): Record<string, ActionConfig> {
  const out: Record<string, ActionConfig> = {};
  const instances = service.instances ?? [];
  for (const [name, action] of Object.entries(service.actions ?? {})) {
    const actionPath = [...path, 'actions', name];
    if (!checkFields(ctx, actionPath, { run: action.run, host: action.host }, instances.length > 0)) continue;
    if (action.rolling && instances.length === 0) {
      report(ctx, [...actionPath, 'rolling'], 'restarts one instance at a time, but this service has no instances:', true);
      continue;
    }
    const targets: ActionTarget[] = (instances.length > 0 ? instances : [undefined]).map((instance) => {
      const values = instance === undefined ? {} : { host: instance, address: ctx.hosts[instance]?.address ?? instance };
      const host = action.host === undefined ? undefined : fillInstanceTokens(action.host, values);
      return {
        ...(instance === undefined ? {} : { instance }),
        ...(host === undefined ? {} : { host }),
        run: fillInstanceTokens(action.run, values),
        ...commandEnvAt(ctx, [...actionPath, 'run']),
      };
    });
    out[name] = {
      service: service.name,
      name,
      targets,
      timeoutMs: action.timeout ?? 60_000,
      confirm: action.confirm ?? 'yes',
      rolling: action.rolling ?? false,
      pos: ctx.positions.keyPos(actionPath),
    };
  }
  return out;
}

/** The resolved service at `services[index]`. */
export function resolveService(ctx: ResolveContext, service: RawService, index: number): ServiceConfig {
  const path: PathStep[] = ['services', index];
  const instances = service.instances ?? [];
  const seen = new Set<string>();
  instances.forEach((instance, i) => {
    if (seen.has(instance)) report(ctx, [...path, 'instances', i], `instance ${instance} is listed twice`);
    else if (!HOST_NAME.test(instance)) report(ctx, [...path, 'instances', i], `expected a host name, got ${JSON.stringify(instance)}`);
    seen.add(instance);
  });
  const checks = (service.checks ?? []).flatMap((check, i) =>
    expandCheck(ctx, service.name, instances, check, i, [...path, 'checks', i]),
  );
  return {
    name: service.name,
    instances,
    checks,
    logs: expandLogs(ctx, service, path),
    actions: expandActions(ctx, service, path),
    pos: posOf(ctx, path),
  };
}
