// The parts of a post-mortem only people can write (root cause, lessons, follow-ups), left as
// clearly marked prompts: a quoted "To write:" line saying what is asked, then what was said
// during the incident that may help (notes starting `cause:`, `lesson:`, other notes, `todo:`).
import type { Redactor } from '../text/redact.js';
import type { IncidentFacts } from './facts.js';
import { inlineText, wrap } from './markdown-escape.js';
import { utcTime } from './render-kit.js';
import type { SeedNote } from './seeds.js';

/** The marker every prompt starts with, so a reader (or a script) finds what is left to write. */
export const PROMPT_MARKER = '**To write:**';

/** Context notes offered at most; the timeline has them all. */
const MAX_CONTEXT = 10;

function quoted(text: string): string {
  return `> ${wrap(text, 76, '> ')}`;
}

function quotedList(notes: readonly SeedNote[], redactor: Redactor): string[] {
  return notes.map((n) => `> - ${wrap(`${utcTime(n.at).slice(11)} UTC, ${inlineText(redactor(n.by))}: ${inlineText(redactor(n.text)) || '…'}`, 74, '>   ')}`);
}

/** A prompt: what to write, then the notes that seed it under a lead-in line. */
function prompt(ask: string, seeds: { lead: string; notes: readonly SeedNote[] }[], redactor: Redactor): string {
  const lines = [quoted(`${PROMPT_MARKER} ${ask}`)];
  for (const { lead, notes } of seeds) {
    if (notes.length === 0) continue;
    lines.push('>', quoted(lead), '>', ...quotedList(notes, redactor));
  }
  return lines.join('\n');
}

/** Root cause: seeded from `cause:` notes, with the other notes as context. */
export function rootCausePrompt(f: IncidentFacts, redactor: Redactor): string {
  const context = f.seeds.context.slice(0, MAX_CONTEXT);
  const more = f.seeds.context.length - context.length;
  return prompt(
    'what caused this, and what triggered it? warroom records what was seen and done, not why. Notes starting `cause:` land here.',
    [
      { lead: 'Said to be a cause during the incident:', notes: f.seeds.cause },
      { lead: `Other notes from the incident${more > 0 ? ` (${more} more in the timeline)` : ''}:`, notes: context },
    ],
    redactor,
  );
}

/** What went well: only people know. */
export function wentWellPrompt(): string {
  return quoted(`${PROMPT_MARKER} what helped: detection, tools, runbooks, people.`);
}

/** What could be improved: seeded from `lesson:` notes and from key times that are missing. */
export function improvePrompt(f: IncidentFacts, redactor: Redactor): string {
  const { milestones } = f.keyTimes;
  const gaps = [
    milestones.detected.at === null ? 'no failure was detected by the board' : '',
    milestones.acknowledged.at === null ? 'nobody acknowledged the incident' : '',
    f.responders.some((r) => r.roles.some((s) => s.role === 'ic')) ? '' : 'nobody was named incident commander',
  ].filter(Boolean);
  const lines = [quoted(`${PROMPT_MARKER} what slowed detection, response or recovery, and where the team got lucky. Notes starting \`lesson:\` land here.`)];
  if (gaps.length > 0) lines.push('>', quoted(`From the record: ${gaps.join('; ')}.`));
  const lessons = prompt('', [{ lead: 'Lessons noted during the incident:', notes: f.seeds.lessons }], redactor).split('\n').slice(1);
  return [...lines, ...lessons].join('\n');
}

/** Action items from `todo:` notes, or a prompt for them. */
export function actionItemsList(f: IncidentFacts, redactor: Redactor): string {
  if (f.actionItems.length === 0) return `- [ ] ${PROMPT_MARKER} the follow-up actions (notes starting \`todo:\` land here)`;
  return f.actionItems.map((item) => `- [ ] ${wrap(inlineText(redactor(item)) || 'todo', 74, '  ')}`).join('\n');
}
