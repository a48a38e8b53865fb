// The timeline as the console shows it: a bounded window of recent events in time order, and
// the note editor. The timeline capability feeds it in batches.
import type { TimelineEvent } from '../timeline/event.js';
import type { SliceCreator } from './slice.js';

/** Events kept for display; the journal on disk keeps everything. */
export const TIMELINE_WINDOW = 5000;

/** Kind families the pane's filter cycles through (`f`), in order; null shows everything. */
export const TIMELINE_FILTERS = [null, 'note', 'check', 'action', 'runbook', 'escalation', 'status', 'metric', 'log', 'incident', 'operator'] as const;

/** The incident's own commands: `:role`, `:milestone`, `:ack` (each returns whether it recorded). */
export interface IncidentCommands {
  role: (args: readonly string[]) => Promise<boolean>;
  milestone: (rest: string) => boolean;
  ack: (rest: string) => boolean;
}

/** What the console can ask the timeline to do (set by the capability when a journal is open). */
export interface TimelineActions {
  /** Records one note per line of `input` (leading times backfill): how many are on disk, how many held. */
  addNotes: (input: string) => { added: number; held: number };
  /** Writes the post-mortem draft; returns the file written. */
  exportMarkdown: () => string;
  /** The redactor the journal writes with, for anything else shown on screen. */
  redact: (text: string) => string;
  /** Roles, milestones and acknowledgement. */
  incident: IncidentCommands;
}

/** The timeline pane's data (the pane keeps its own scroll, filter and time zone). */
export interface TimelineSlice {
  timeline: {
    /** The most recent events (at most TIMELINE_WINDOW), sorted by time. */
    events: readonly TimelineEvent[];
    /** Events known in total, including those outside the window. */
    total: number;
  };
  /** The note editor is open (`n`). */
  noteOpen: boolean;
  timelineActions: TimelineActions | null;
  addTimelineEvents: (events: readonly TimelineEvent[]) => void;
  setNoteOpen: (open: boolean) => void;
  setTimelineActions: (actions: TimelineActions | null) => void;
}

/** Merges new events into a time-sorted window, keeping the newest `limit`. */
export function mergeWindow(current: readonly TimelineEvent[], added: readonly TimelineEvent[], limit = TIMELINE_WINDOW): TimelineEvent[] {
  let previous = current.at(-1)?.ts ?? -Infinity;
  let inOrder = true;
  for (const event of added) {
    if (event.ts < previous) inOrder = false;
    previous = event.ts;
  }
  // Live events nearly always arrive in order; backfilled ones need a (stable) sort.
  const merged = inOrder ? [...current, ...added] : [...current, ...added].sort((a, b) => a.ts - b.ts);
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** Builds the timeline slice. */
export const createTimelineSlice: SliceCreator<TimelineSlice> = (set, get) => ({
  timeline: { events: [], total: 0 },
  noteOpen: false,
  timelineActions: null,
  addTimelineEvents: (events) => {
    if (events.length === 0) return;
    const timeline = get().timeline;
    set({ timeline: { ...timeline, events: mergeWindow(timeline.events, events), total: timeline.total + events.length } });
  },
  setNoteOpen: (open) => set({ noteOpen: open }),
  setTimelineActions: (actions) => set({ timelineActions: actions }),
});
