// What seeds the sections only people can write. A console cannot know the root cause or the
// lessons; it can hand the author what was said during the incident: notes starting `cause:`
// seed the root cause, `lesson:` the lessons, and the other plain notes are offered as context.
import { isTodo } from '../timeline/backfill.js';
import type { TimelineEvent } from '../timeline/event.js';

/** One note offered to the author, with when and who. */
export interface SeedNote {
  at: number;
  by: string;
  text: string;
}

/** Notes sorted into the prompts they seed. */
export interface SeededNotes {
  /** `cause:` notes, without the prefix. */
  cause: SeedNote[];
  /** `lesson:` notes, without the prefix. */
  lessons: SeedNote[];
  /** Other notes (not `todo:`), the context a root cause is written from. */
  context: SeedNote[];
}

const CAUSE = /^\s*(?:cause|root cause)\s*:\s*/i;
const LESSON = /^\s*(?:lesson|learned)\s*:\s*/i;

/** Sorts the incident's notes (events in time order) into the prompts they seed. */
export function seededNotes(sorted: readonly TimelineEvent[]): SeededNotes {
  const seeds: SeededNotes = { cause: [], lessons: [], context: [] };
  for (const event of sorted) {
    if (event.kind !== 'note' || typeof event.data.text !== 'string') continue;
    const text = event.data.text;
    const note = (body: string): SeedNote => ({ at: event.ts, by: event.operator, text: body.trim() });
    if (CAUSE.test(text)) seeds.cause.push(note(text.replace(CAUSE, '')));
    else if (LESSON.test(text)) seeds.lessons.push(note(text.replace(LESSON, '')));
    else if (!isTodo(text)) seeds.context.push(note(text));
  }
  return seeds;
}
