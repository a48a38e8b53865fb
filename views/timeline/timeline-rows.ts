// Pure rendering of timeline rows for the pane: which events are visible, their time column
// (local or UTC, with dates once the window spans midnight) and one pre-cut line each.
import { describeEvent, kindIcon } from '../../src/timeline/describe.js';
import { oneLine } from '../../src/text/neutralise.js';
import type { TimelineEvent } from '../../src/timeline/event.js';

/** One row ready to draw. */
export interface TimelineRow {
  id: string;
  time: string;
  icon: string;
  who: string;
  text: string;
  /** Colour hint by meaning; the icon and words carry it too. */
  tone: 'bad' | 'warn' | 'good' | 'info' | 'plain';
}

const pad = (n: number): string => String(n).padStart(2, '0');

function parts(ts: number, utc: boolean): { day: string; time: string } {
  const d = new Date(ts);
  const [y, mo, day, h, m, s] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return { day: `${y}-${pad(mo + 1)}-${pad(day)}`, time: `${pad(h)}:${pad(m)}:${pad(s)}` };
}

/** Events of the chosen kind family (null: all). */
export function filterEvents(events: readonly TimelineEvent[], filter: string | null): readonly TimelineEvent[] {
  return filter === null ? events : events.filter((e) => e.kind === filter || e.kind.startsWith(`${filter}.`));
}

/** The slice that fits `rows`, `scroll` rows up from the newest (newest at the bottom). */
export function visibleWindow<T>(items: readonly T[], rows: number, scroll: number): readonly T[] {
  const end = Math.max(0, items.length - scroll);
  return items.slice(Math.max(0, end - rows), end);
}

function tone(event: TimelineEvent): TimelineRow['tone'] {
  const to = event.data.to;
  if (event.kind === 'check.state') return to === 'UP' ? 'good' : to === 'DOWN' ? 'bad' : 'warn';
  if (event.kind === 'metric.threshold') return to === 'crit' ? 'bad' : to === 'warn' ? 'warn' : 'good';
  if (event.kind === 'escalation.failed') return 'bad';
  if (event.kind === 'action.finished') return event.data.exitCode === 0 || event.data.dryRun === true ? 'good' : 'bad';
  if (event.kind.startsWith('incident.')) return 'info';
  return 'plain';
}

/** Builds the rows for the visible events; `redact` hides secrets written under another config. */
export function timelineRows(
  events: readonly TimelineEvent[],
  options: { utc: boolean; width: number; redact: (text: string) => string },
): TimelineRow[] {
  const first = events[0];
  const last = events.at(-1);
  const spansDays = first !== undefined && last !== undefined && parts(first.ts, options.utc).day !== parts(last.ts, options.utc).day;
  return events.map((event) => {
    const p = parts(event.ts, options.utc);
    const time = `${spansDays ? `${p.day.slice(5)} ` : ''}${p.time}${options.utc ? 'Z' : ''}${event.backfilled ? '↶' : ' '}`;
    const who = oneLine(event.operator.split('@')[0] ?? event.operator).slice(0, 10);
    const fixed = time.length + 2 + who.length + 1;
    // Events come from a file other consoles write too: one neutralised line each.
    const text = oneLine(options.redact(describeEvent(event)));
    return { id: event.id, time, icon: kindIcon(event.kind), who, text: text.slice(0, Math.max(0, options.width - fixed)), tone: tone(event) };
  });
}
