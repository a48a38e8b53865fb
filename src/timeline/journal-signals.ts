// Who hears what a journal says: new events (own ones once on disk, other processes' as they
// are read), warnings about the file, and changes in whether it can write.
import type { TimelineEvent } from './event.js';

/** Receives events as they become known (own ones after they are on disk). */
export type TimelineListener = (added: readonly TimelineEvent[]) => void;
/** Receives plain messages about the journal (torn lines, a replaced file). */
export type WarningListener = (message: string) => void;

/** Whether the journal can write: events held back by a failing disk, and why. */
export interface JournalHealth {
  /** Events recorded but not yet on disk (not shown, not published). */
  held: number;
  /** The last write error while events are held (`ENOSPC: no space left on device`). */
  error: string | null;
}
/** Receives the journal's health whenever it changes. */
export type HealthListener = (health: JournalHealth) => void;

/** The journal's three kinds of listener, and the last health told. */
export class JournalSignals {
  private readonly events = new Set<TimelineListener>();
  private readonly warnings = new Set<WarningListener>();
  private readonly healths = new Set<HealthListener>();
  private last: JournalHealth = { held: 0, error: null };

  /** Subscribes to new events; returns the unsubscribe function. */
  onEvents(listener: TimelineListener): () => void {
    this.events.add(listener);
    return () => this.events.delete(listener);
  }

  /** Subscribes to warnings; returns the unsubscribe function. */
  onWarning(listener: WarningListener): () => void {
    this.warnings.add(listener);
    return () => this.warnings.delete(listener);
  }

  /** Subscribes to health changes; returns the unsubscribe function. */
  onHealth(listener: HealthListener): () => void {
    this.healths.add(listener);
    return () => this.healths.delete(listener);
  }

  /** Tells every event listener. */
  added(events: readonly TimelineEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.events) listener(events);
  }

  /** Tells every warning listener. */
  warn(message: string): void {
    for (const listener of this.warnings) listener(message);
  }

  /** Tells the health listeners, if it changed since they were last told. */
  health(health: JournalHealth): void {
    if (health.held === this.last.held && health.error === this.last.error) return;
    this.last = health;
    for (const listener of this.healths) listener(health);
  }
}
