// The alerts that fired during the incident and the silences it created, from the timeline: each
// firing paired with its resolution by fingerprint, and the silences as the alerts capability's
// own ledger reads them (created, extended, expired or kept). Two consoles on one journal may both
// have seen an alert fire: a firing of an alert already firing is the same one, counted once.
import { SilenceLedger } from '../alerts/silence-ledger.js';
import type { IncidentSilence } from '../alerts/types.js';
import type { TimelineEvent } from '../timeline/event.js';

/** One alert's firing, from when it started until it resolved (or the end of the record). */
export interface FiredAlert {
  alert: string;
  severity: string | null;
  /** The labels that say what fired (`service=checkout-api instance=app-1:8080`). */
  labels: string;
  firedAt: number;
  /** Null while it was still firing at the end of the record. */
  resolvedAt: number | null;
  /** Until it resolved, else until the end of the record. */
  durationMs: number;
}

/** A silence this incident created, and what became of it. */
export type SilenceRecord = IncidentSilence;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The alerts that fired, by when they fired (time-sorted events in, `endAt` the end of the record). */
export function firedAlerts(sorted: readonly TimelineEvent[], endAt: number): FiredAlert[] {
  const open = new Map<string, FiredAlert>();
  const out: FiredAlert[] = [];
  for (const e of sorted) {
    const fingerprint = text(e.data.fingerprint);
    if (fingerprint === null) continue;
    if (e.kind === 'alert.firing') {
      if (open.has(fingerprint)) continue;
      const firedAt = typeof e.data.startsAt === 'number' ? e.data.startsAt : e.ts;
      const labels = (['service', 'instance'] as const).filter((name) => text(e.data[name]) !== null).map((name) => `${name}=${text(e.data[name])}`);
      const fired: FiredAlert = { alert: text(e.data.alert) ?? '(unnamed)', severity: text(e.data.severity), labels: labels.join(' '), firedAt, resolvedAt: null, durationMs: Math.max(0, endAt - firedAt) };
      open.set(fingerprint, fired);
      out.push(fired);
    } else if (e.kind === 'alert.resolved') {
      const fired = open.get(fingerprint);
      if (!fired) continue;
      open.delete(fingerprint);
      fired.resolvedAt = e.ts;
      fired.durationMs = Math.max(0, e.ts - fired.firedAt);
    }
  }
  return out.sort((a, b) => a.firedAt - b.firedAt);
}

/** The silences the incident created, oldest first. */
export function incidentSilences(sorted: readonly TimelineEvent[]): SilenceRecord[] {
  const ledger = new SilenceLedger();
  ledger.apply(sorted);
  return ledger.all();
}
