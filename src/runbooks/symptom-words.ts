// The words a runbook section and what the console sees are matched on: a name mentioned as a
// whole word, and the kinds of trouble (outage, a service down, errors, slowness) that authors
// and alert rules describe in different words.

/** The whole estate is down ("complete outage", "all services down"). */
export const OUTAGE = /\b(complete|total|full|major)\s+outage\b|\ball\s+(services?|systems?|instances?)\s+(are\s+)?(down|unavailable|unreachable)\b|\beverything\s+(is\s+)?down\b|\bservice\s+outage\b/i;
/** One service is down. */
export const SERVICE_DOWN = /\b(down|not responding|unreachable|unavailable|outage|unhealthy|refused)\b/i;
/** Errors or failures. */
export const ERRORS = /\berror(s|\s+rate)?\b|\b5\d\d\b|\b5xx\b|\bfailures?\b/i;
/** Slow responses. */
export const LATENCY = /\b(slow|latency|response times?|timeouts?|p9\d|duration)\b/i;

/** Whether `text` mentions `name` as a whole word (`-`, `_` and spaces in the name match each other). */
export function mentions(text: string, name: string): boolean {
  if (name.trim() === '') return false;
  return mentionPattern(name).test(text);
}

/** The patterns asked for lately: suggestions test the same few names against every section of a runbook. */
const patterns = new Map<string, RegExp>();
const MAX_PATTERNS = 256;

function mentionPattern(name: string): RegExp {
  let pattern = patterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-_\s]+/g, '[-_\\s]+');
    pattern = new RegExp(`(^|[^\\w])${escaped}($|[^\\w])`, 'i');
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    patterns.set(name, pattern);
  }
  return pattern;
}

/** An alert name as words: `HighErrorRate` → `High Error Rate`, `disk_full` → `disk full`. */
export function nameWords(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').replace(/[-_.:]+/g, ' ').trim();
}
