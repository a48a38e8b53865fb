// Value schemas shared by the config file's schema: durations, severities, ports, and the
// strict-object helper that turns unknown keys into "did you mean" errors.
import { z } from 'zod';
import { formatSetting } from '../time/duration-text.js';
import { parseDuration } from './duration.js';
import { parseSeverity } from './severity.js';
import { didYouMean } from './suggest.js';
import type { Severity } from './types.js';

/** Marks an issue that should point at the key rather than its value. */
export const ON_KEY = { onKey: true } as const;

/** Short rendering of a bad value for messages: strings quoted, long ones cut. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Where each key of a named mapping belongs, so a key written at the wrong level can say where it goes. */
const KEY_HOMES = new Map<string, string[]>();

/** The hint for an unknown key: a close spelling here, else where that key does belong. */
function unknownKeyMessage(key: string, known: string[]): string {
  const suggestion = didYouMean(key, known);
  if (suggestion) return `unknown key${suggestion}`;
  const homes = KEY_HOMES.get(key);
  return homes ? `unknown key here; \`${key}\` belongs in ${homes.slice(0, 3).join(' or ')}` : 'unknown key';
}

/**
 * A mapping whose keys are exactly `shape`'s; any other key is an error naming the closest known
 * one. `home` (e.g. "a check") names this mapping in hints for keys written at the wrong level.
 */
export function strict<T extends z.ZodRawShape>(shape: T, home?: string) {
  const known = Object.keys(shape);
  if (home) for (const key of known) KEY_HOMES.set(key, [...(KEY_HOMES.get(key) ?? []), home]);
  return z.object(shape).catchall(
    z.unknown().superRefine((_value, ctx) => {
      const key = String(ctx.path[ctx.path.length - 1]);
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: unknownKeyMessage(key, known), params: ON_KEY });
    }),
  );
}

/** An optional block or list where an empty value (`checks:` with everything commented out) means none. */
export function blank<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** Upper bounds on what the console holds in memory or runs, each with its reason. */
export const CAPS = {
  /** Log lines kept in the ring; a line can hold up to 4 KB, so 100,000 lines can reach 400 MB. */
  logBuffer: 100_000,
  /** Lines read back from the end of a log file when it is opened. */
  logLinesBack: 10_000,
  /** Errors per minute before a timeline note. */
  errorRateNote: 1_000_000,
  /** Consecutive results before a check changes state. */
  flapCount: 100,
  /** Status rows in all (every row is probed on its own timer; B1 measures 1,000). */
  statusRows: 10_000,
  /** Points per series in a range query: Prometheus refuses more than 11,000. */
  rangePoints: 11_000,
} as const;

/** Sane ranges (ms) for each duration the config holds; every one becomes a timer or a query. */
export const DURATION_BOUNDS = {
  /** A check every second at most often, every hour at least: past 2^31 ms Node fires a timer after 1 ms. */
  checkInterval: { min: 1000, max: 3_600_000 },
  /** At most the check's interval (checked with it). */
  checkTimeout: { min: 100, max: 3_600_000 },
  actionTimeout: { min: 1000, max: 86_400_000 },
  metricsStep: { min: 1000, max: 3_600_000 },
  metricsRange: { min: 60_000, max: 30 * 86_400_000 },
  escalationAfter: { min: 0, max: 7 * 86_400_000 },
  responseTarget: { min: 60_000, max: 30 * 86_400_000 },
  /** Alerts read every second at most often, every hour at least. */
  alertsInterval: { min: 1000, max: 3_600_000 },
  /** A silence of at least a minute and at most the longest `:silence` allows (7d). */
  silenceFor: { min: 60_000, max: 7 * 86_400_000 },
} as const;

/** A duration in ms; `positive` rejects 0 (an interval of 0 would spin); `bounds` gives its sane range. */
export function duration(kind: 'positive' | 'nonNegative' = 'positive', bounds?: { min: number; max: number }) {
  return z.unknown().transform((value, ctx): number => {
    const ms = typeof value === 'string' ? parseDuration(value) : value === 0 ? 0 : undefined;
    if (typeof value === 'string' && /^\s*-/.test(value) && parseDuration(value.replace('-', '')) !== undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a positive duration, got ${show(value)}` });
      return z.NEVER;
    }
    if (ms === undefined) {
      const hint = typeof value === 'number' ? ' (add a unit)' : '';
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a duration like 5s or 15m, got ${show(value)}${hint}` });
      return z.NEVER;
    }
    if (kind === 'positive' && ms <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a duration above 0, got ${show(value)}` });
      return z.NEVER;
    }
    if (bounds && !(ms >= bounds.min && ms <= bounds.max)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a duration from ${formatSetting(bounds.min)} to ${formatSetting(bounds.max)}, got ${show(value)}` });
      return z.NEVER;
    }
    return ms;
  });
}

/** P0..P4, also written SEV-0..SEV-4. */
export const severity = z.unknown().transform((value, ctx): Severity => {
  const sev = typeof value === 'string' ? parseSeverity(value) : undefined;
  if (sev === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a severity P0..P4 (or SEV-0..SEV-4), got ${show(value)}` });
    return z.NEVER;
  }
  return sev;
});

/** A non-empty string. */
export const text = z.string().min(1, 'must not be empty');

/** A string or a number written as one (header values, label values: `X-Team: 5`). */
export const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A whole number of at least 1. */
export const count = z.number().int('expected a whole number').min(1, 'must be at least 1');

/** A whole number from 1 to `max` (what the console holds or runs per item must stay bounded). */
export function countUpTo(max: number) {
  return count.max(max, `must be at most ${max}`);
}

/** A finite number (YAML's `.inf` and `.nan` are numbers too). */
export const finite = z.number().refine((n) => Number.isFinite(n), (n) => ({ message: `expected a finite number, got ${String(n)}` }));

/** A TCP port. */
export const port = z.number().int('expected a whole number').min(1, 'must be 1-65535').max(65535, 'must be 1-65535');

/** An absolute http(s) URL. */
export const httpUrl = z.string().superRefine((value, ctx) => {
  const problem = checkHttpUrl(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

/** Why `value` is not an absolute http(s) URL, or undefined when it is one. */
export function checkHttpUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `expected a URL like http://host:port/path, got ${show(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `expected an http:// or https:// URL, got ${show(value)}`;
  return undefined;
}

/** `ports:` as a spec string (`"8000-8009,5700"`), one port, or a list. */
export const portsSpec = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);
