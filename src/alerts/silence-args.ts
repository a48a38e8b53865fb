// Reads `:silence MATCHERS [DURATION]`: matchers as Alertmanager writes them, and an optional
// duration at the end (`2h`); without one, the configured silence length.
import { parseMatchers, type LabelMatcher } from '../config/label-matchers.js';
import { parseDuration } from '../config/duration.js';
import { formatSetting } from '../time/duration-text.js';

/** Longest silence one command creates: the incident extends it while it is open anyway. */
export const MAX_SILENCE_MS = 7 * 86_400_000;

/** The matchers and duration of a `:silence` command, or what is wrong with it. */
export function parseSilenceArgs(args: string, defaultMs: number): { matchers: LabelMatcher[]; durationMs: number } | { error: string } {
  const text = args.trim();
  if (text === '') return { error: 'usage: :silence MATCHERS [DURATION], e.g. :silence alertname="HighErrorRate",service="checkout-api" 2h' };
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
  return { matchers, durationMs: duration ?? defaultMs };
}
