// Severity levels written as prose rather than a table: a bold level name (`**SEV-1 (Critical)**`)
// followed by the list of its criteria, or `- **P1**: everything is down` items. The criteria are
// kept as the level's description; the response time is picked out of them when one says it.
import type { SeverityLevel } from './model.js';

/** Names that are a severity level wherever they appear: SEV-1, Sev 2, Severity 3, P0, Priority 1. */
const LEVEL_NAME = /^(?:sev(?:erity)?[\s-]*\d\b|p\d\b|priority[\s-]*\d\b)/i;
/** Words that are a level only under a heading about severities ("Critical", "High"...). */
const LEVEL_WORD = /^(?:critical|high|medium|moderate|low|major|minor|urgent)\b/i;
const SEVERITY_HEADING = /\b(severity|severities|priority|priorities|sev|classification|levels?)\b/i;

/** A level name with at most a word or two beside it: "SEV-1 (Critical)", "P0 - Critical", "Sev 2: High". */
const JUST_A_LEVEL = /^\S+(?:[\s-]*\d)?\s*(?:[-–—:(\[]\s*)?(?:[A-Za-z]+(?:\s[A-Za-z]+)?)?\s*[)\]]?$/;

/**
 * Whether bold text names a severity level, given the headings it sits under. Under a heading
 * about severities any level name counts; elsewhere only a bare one does, so a scenario written
 * "**P1: Complete outage response**" stays a step.
 */
export function isSeverityName(text: string, headings: readonly string[]): boolean {
  const name = text.trim();
  const aboutSeverity = headings.some((h) => SEVERITY_HEADING.test(h));
  if (LEVEL_NAME.test(name)) return aboutSeverity || JUST_A_LEVEL.test(name);
  return LEVEL_WORD.test(name) && aboutSeverity && JUST_A_LEVEL.test(name);
}

const RESPONSE_WORDS = /\b(respon\w*|acknowledg\w*|ack|within|sla|target|page)\b/i;
const TIME = /(?:[<≤]\s*)?\d+(?:[.,]\d+)?\s*(?:[-–]\s*\d+\s*)?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b|\bimmediate(?:ly)?\b|\bnext (?:business|working) day\b|\bsame day\b/i;

/** The response time the texts state ("Response: 15 minutes"), or '' when none says one. */
export function responseOf(texts: readonly string[]): string {
  for (const text of texts) {
    if (!RESPONSE_WORDS.test(text)) continue;
    const time = TIME.exec(text);
    if (time) return time[0].trim();
  }
  return '';
}

/** A level read from a bold name, the words after it on the same line, and the criteria listed under it. */
export function severityFromText(level: string, rest: string, criteria: readonly string[], line: number): SeverityLevel {
  const entry: SeverityLevel = { level: level.trim().replace(/[:\s]+$/, ''), response: responseOf([rest, ...criteria]), line };
  const words = rest.replace(/^[\s:—–-]+/, '').trim();
  const description = [words, ...criteria].filter((t) => t !== '');
  if (description.length > 0) entry.description = description.join('; ');
  if (criteria.length > 0) entry.criteria = [...criteria];
  return entry;
}
