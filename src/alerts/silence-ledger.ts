// The silences this incident created, as the timeline tells them: created, extended (perhaps
// under a new id), expired, or kept at the resolution. Every console on the incident reads the
// same events, so each knows every silence whoever created it.
import type { IncidentSilence } from './types.js';

/** A timeline event as the ledger reads it. */
export interface SilenceEvent {
  kind: string;
  ts: number;
  operator?: string;
  data: Record<string, unknown>;
}

/** The incident's silences, keyed by Alertmanager id (dry-run ones by when and what). */
export class SilenceLedger {
  private readonly silences = new Map<string, IncidentSilence & { comment: string }>();

  /** Applies timeline events (idempotent: a console's own events come back from the journal too). */
  apply(events: readonly SilenceEvent[]): boolean {
    let changed = false;
    for (const event of events) changed = this.applyOne(event) || changed;
    return changed;
  }

  /** Every silence, oldest first. */
  all(): IncidentSilence[] {
    return [...this.silences.values()].map(({ comment: _comment, ...silence }) => silence).sort((a, b) => a.startsAt - b.startsAt);
  }

  /** Silences still in force in Alertmanager, with the comment they were created with. */
  active(): (IncidentSilence & { id: string; comment: string })[] {
    return [...this.silences.values()].filter((s): s is IncidentSilence & { id: string; comment: string } => s.state === 'active' && s.id !== null);
  }

  private applyOne(event: SilenceEvent): boolean {
    const d = event.data;
    const id = typeof d.silenceId === 'string' ? d.silenceId : null;
    switch (event.kind) {
      case 'alert.silenced': {
        const dryRun = d.dryRun === true;
        const key = id ?? `dry-run:${String(d.dryRunId ?? event.ts)}`;
        if (this.silences.has(key) || (!dryRun && id === null)) return false;
        this.silences.set(key, {
          id,
          matchers: typeof d.matchers === 'string' ? d.matchers : '?',
          startsAt: typeof d.startsAt === 'number' ? d.startsAt : event.ts,
          endsAt: typeof d.endsAt === 'number' ? d.endsAt : event.ts,
          createdBy: typeof d.createdBy === 'string' ? d.createdBy : (event.operator ?? '?'),
          alert: typeof d.alert === 'string' ? d.alert : null,
          state: dryRun ? 'dry-run' : 'active',
          comment: typeof d.comment === 'string' ? d.comment : '',
        });
        return true;
      }
      case 'alert.silence-extended': {
        const previous = typeof d.previousId === 'string' ? d.previousId : id;
        const silence = previous === null ? undefined : this.silences.get(previous);
        if (!silence || id === null || typeof d.endsAt !== 'number') return false;
        if (silence.id === id && silence.endsAt === d.endsAt) return false;
        // Alertmanager may answer an extension with a new id (it replaces a silence it cannot update).
        this.silences.delete(previous!);
        this.silences.set(id, { ...silence, id, endsAt: d.endsAt });
        return true;
      }
      case 'alert.silence-expired':
      case 'alert.silence-kept': {
        const silence = id === null ? undefined : this.silences.get(id);
        const state = event.kind === 'alert.silence-expired' ? 'expired' : 'kept';
        if (!silence || silence.state === state) return false;
        silence.state = state;
        if (state === 'expired') silence.endsAt = Math.min(silence.endsAt, event.ts);
        return true;
      }
      default:
        return false;
    }
  }
}
