// Reads `:silence MATCHERS [DURATION] [-- REASON]`: matchers as Alertmanager writes them, an
// optional duration after them (`2h`; without one, the configured silence length), and an
// optional reason after ` -- ` that goes into the silence's comment (why it was silenced).
import { parseMatchers, type LabelMatcher } from '../config/label-matchers.js';
import { parseDuration } from '../config/duration.js';
import { formatSetting } from '../time/duration-text.js';

/** Longest silence one command creates: the incident extends it while it is open anyway. */
export const MAX_SILENCE_MS = 7 * 86_400_000;

/** Where ` -- ` starts outside double quotes (a matcher's value may hold one), or -1. */
function reasonStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && quoted) i++;
    else if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text.startsWith(' -- ', i)) return i;
  }
  return -1;
}

/** The matchers, duration and reason of a `:silence` command, or what is wrong with it. */
export function parseSilenceArgs(args: string, defaultMs: number): { matchers: LabelMatcher[]; durationMs: number; reason: string | null } | { error: string } {
  const whole = args.trim();
  const cut = reasonStart(whole);
  const text = (cut < 0 ? whole : whole.slice(0, cut)).trim();
  const reason = cut < 0 ? null : whole.slice(cut + 4).trim() || null;
  if (text === '') return { error: 'usage: :silence MATCHERS [DURATION] [-- REASON], e.g. :silence alertname="HighErrorRate",service="checkout-api" 2h -- known, fix deploying' };
  const last = /\s(\S+)$/.exec(text);
  const duration = last ? parseDuration(last[1]!) : undefined;
  const matchersText = duration === undefined ? text : text.slice(0, last!.index);
  if (duration !== undefined && (duration <= 0 || duration > MAX_SILENCE_MS)) {
    return { error: `a silence lasts more than 0s and at most ${formatSetting(MAX_SILENCE_MS)}, not ${last![1]}` };
  }
  const matchers = parseMatchers(matchersText);
  if ('error' in matchers) return matchers;
  // Alertmanager refuses a silence that only negates or matches empty: it would mute everything.
  if (!matchers.some((m) => m.isEqual && !(m.isRegex ? /^(\.\*|)$/.test(m.value) : m.value === ''))) {
    return { error: 'at least one matcher must select alerts (name="value" or name=~"re" that does not match everything)' };
  }
  return { matchers, durationMs: duration ?? defaultMs, reason };
}
