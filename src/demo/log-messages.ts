// What the demo services talk about. Healthy services chat at INFO and DEBUG with the odd WARN;
// a degrading one turns to timeouts, pool exhaustion and stack traces; a service whose upstream
// is in trouble complains about it. Random but plausible, so the logs pane looks like real life.
import type { LogEntry, LogLevel } from './log-format.js';
import type { ServicePhase } from './behaviour.js';
import type { ServiceProfile } from './profiles.js';

/** What a service's next log entry depends on. */
export interface LogContext {
  profile: ServiceProfile;
  phase: ServicePhase;
  /** How far a degradation has gone, 0..1. */
  severity: number;
  /** Its upstream is degraded or down. */
  upstreamInTrouble: boolean;
  random: () => number;
}

type Pick = <T>(items: readonly T[]) => T;

/** The next entry `context.profile` writes to its log. */
export function nextLogEntry(context: LogContext): LogEntry {
  const { random } = context;
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const level = pickLevel(context);
  if (context.phase === 'degraded' && (level === 'ERROR' || level === 'WARN')) return troubleEntry(level, context, pick);
  if (context.upstreamInTrouble && level === 'WARN' && context.profile.upstream) {
    return {
      level,
      message: `call to ${context.profile.upstream} failed, will retry`,
      fields: { error: pick(['ECONNREFUSED', 'timeout after 2000ms', 'HTTP 503']), attempt: 1 + Math.floor(random() * 3) },
    };
  }
  return routineEntry(level, context, pick);
}

function pickLevel(context: LogContext): LogLevel {
  const r = context.random();
  if (context.phase === 'degraded') {
    const error = 0.15 + 0.5 * context.severity;
    if (r < error) return 'ERROR';
    if (r < error + 0.2) return 'WARN';
    return r < error + 0.45 ? 'DEBUG' : 'INFO';
  }
  const warn = context.upstreamInTrouble ? 0.3 : 0.08;
  if (r < 0.03) return 'ERROR';
  if (r < 0.03 + warn) return 'WARN';
  return r < 0.3 + warn ? 'DEBUG' : 'INFO';
}

function routineEntry(level: LogLevel, { profile, random }: LogContext, pick: Pick): LogEntry {
  const id = (prefix: string): string => `${prefix}_${Math.floor(random() * 0xffffff).toString(16).padStart(6, '0')}`;
  const ms = (base: number): number => Math.round(base * (0.5 + random()));
  switch (level) {
    case 'DEBUG':
      return pick<LogEntry>([
        { level, message: 'connection pool stats', fields: { active: 2 + Math.floor(random() * 6), idle: 10 + Math.floor(random() * 6), waiting: 0 } },
        { level, message: 'cache lookup', fields: { key: id('k'), hit: random() > 0.1 } },
        { level, message: 'feature flag evaluated', fields: { flag: 'new-cart-ui', value: random() > 0.5 } },
      ]);
    case 'WARN':
      return pick<LogEntry>([
        { level, message: 'slow query', fields: { table: profile.queue, duration_ms: 600 + ms(300) } },
        { level, message: 'garbage collection pause', fields: { pause_ms: 120 + ms(80) } },
        { level, message: 'request retried', fields: { route: pick(profile.routes), attempt: 2 } },
      ]);
    case 'ERROR':
    case 'FATAL':
      return { level, message: 'request failed', fields: { route: pick(profile.routes), error: pick(['ECONNRESET', 'socket hang up']) } };
    default:
      return pick<LogEntry>([
        { level, message: `GET ${pick(profile.routes)} 200`, fields: { duration_ms: ms(profile.latencySeconds * 1000), request_id: id('req') } },
        { level, message: `POST ${pick(profile.routes)} 201`, fields: { duration_ms: ms(profile.latencySeconds * 1500), request_id: id('req') } },
        { level, message: 'job processed', fields: { queue: profile.queue, job: id('job'), duration_ms: ms(40) } },
      ]);
  }
}

function troubleEntry(level: LogLevel, { profile, random }: LogContext, pick: Pick): LogEntry {
  const waited = 1500 + Math.round(random() * 1500);
  // Each service's trouble is about its own first dependency and its busiest write route.
  const pool = profile.components[0] ?? 'db';
  const route = profile.routes[1] ?? profile.routes[0] ?? '/';
  const src = `/srv/${profile.name}`;
  if (level === 'WARN') {
    return pick<LogEntry>([
      { level, message: 'connection pool saturated', fields: { pool, active: 20, waiting: 5 + Math.floor(random() * 60) } },
      { level, message: 'queue backlog growing', fields: { queue: profile.queue, depth: 150 + Math.floor(random() * 900) } },
      { level, message: 'latency objective at risk', fields: { p95_ms: 900 + Math.round(random() * 2500) } },
    ]);
  }
  if (random() < 0.25) {
    return {
      level,
      message: 'unhandled error in request handler',
      fields: { route },
      stack: [
        `Error: timeout acquiring connection from pool ${pool}`,
        `at Pool.acquire (${src}/node_modules/pg-pool/index.js:45:11)`,
        `at Repository.insert (${src}/src/store/repository.js:88:20)`,
        `at Controller.submit (${src}/src/http/controller.js:131:9)`,
      ],
    };
  }
  return pick<LogEntry>([
    { level, message: `POST ${route} 500`, fields: { duration_ms: waited, error: `upstream ${pool} timeout` } },
    { level, message: 'timeout acquiring connection', fields: { pool, waited_ms: waited } },
    { level, message: 'request not persisted, returning 503', fields: { request_id: `req_${Math.floor(random() * 1e6)}` } },
  ]);
}
