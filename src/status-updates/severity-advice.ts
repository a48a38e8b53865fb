// Suggests raising the severity when the board says the incident is worse than its level: a
// service DOWN for minutes while the incident is P2 is worth a prompt. It only ever prompts
// (a flash, and an automated timeline event the post-mortem reads); the people on the incident
// decide, with `:severity`.
import type { Severity } from '../config/types.js';
import type { ConsoleMode } from '../mode/console-mode.js';
import { formatDuration } from '../time/duration-text.js';
import type { TimelineRecorder } from '../timeline/recorder.js';

/** One rule: a state held this long means at least this severity. */
interface AdviceRule {
  state: 'DOWN' | 'DEGRADED';
  forMs: number;
  atLeast: Severity;
}

/** The rules, most severe first: the first one that holds wins. */
export const SEVERITY_RULES: readonly AdviceRule[] = [
  { state: 'DOWN', forMs: 2 * 60_000, atLeast: 'P1' },
  { state: 'DEGRADED', forMs: 5 * 60_000, atLeast: 'P2' },
];

/** A status board row as the advice reads it. */
export interface BoardRow {
  service: string;
  state: string;
  /** Epoch ms the state began; null before the first result. */
  since: number | null;
}

/** What the advisor reads and tells (the store is one). */
export interface BoardHost {
  getState(): {
    incident: { mode: ConsoleMode; resolvedAt: number | null; severity: Severity };
    checks: { ids: readonly string[]; rows: Readonly<Record<string, BoardRow>> };
    showFlash(text: string, tone?: 'info' | 'warn' | 'error', ms?: number): void;
  };
}

/** How often the board is looked at. */
const CHECK_EVERY_MS = 5_000;

/** A raise the board calls for, or null. */
export interface SeverityAdvice {
  from: Severity;
  to: Severity;
  reason: string;
  service: string;
}

/** What the board calls for now: the most severe rule some row has held long enough, if above `current`. */
export function adviseSeverity(rows: readonly BoardRow[], current: Severity, now: number): SeverityAdvice | null {
  for (const rule of SEVERITY_RULES) {
    // P0 < P1 < P2 as strings, as in rank.
    if (rule.atLeast >= current) continue;
    const row = rows.find((r) => r.state === rule.state && r.since !== null && now - r.since >= rule.forMs);
    if (row && row.since !== null) {
      return { from: current, to: rule.atLeast, service: row.service, reason: `${row.service} ${rule.state} for ${formatDuration(now - row.since)}` };
    }
  }
  return null;
}

/** Looks at the board every few seconds and prompts once per suggested raise. */
export class SeverityAdvisor {
  private timer: ReturnType<typeof setInterval> | null = null;
  /** `P2>P1` pairs already suggested in this incident (by any console, as the journal says). */
  private readonly suggested = new Set<string>();

  constructor(
    private readonly store: BoardHost,
    private readonly recorder: TimelineRecorder,
    private readonly now: () => number = Date.now,
  ) {}

  /** Skips suggestions the incident's journal already holds (a reopened console, another console). */
  restore(events: readonly { kind: string; data: Record<string, unknown> }[]): void {
    for (const event of events) {
      if (event.kind === 'incident.severity-suggested') this.suggested.add(`${String(event.data.from)}>${String(event.data.to)}`);
    }
  }

  /** Starts looking; a resolved incident and a read-only screen (the lead's console prompts) get no advice. */
  start(): void {
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref?.();
  }

  /** Stops looking. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One look at the board; returns the advice given, if any. */
  check(): SeverityAdvice | null {
    const state = this.store.getState();
    if (state.incident.resolvedAt !== null || state.incident.mode === 'read-only') return null;
    const rows = state.checks.ids.map((id) => state.checks.rows[id]).filter((r): r is BoardRow => r !== undefined);
    const advice = adviseSeverity(rows, state.incident.severity, this.now());
    if (!advice) return null;
    const key = `${advice.from}>${advice.to}`;
    // Another console sharing the journal may have suggested it already.
    const history = this.recorder as Partial<{ events(): readonly { kind: string; data: Record<string, unknown> }[] }>;
    if (!this.suggested.has(key) && typeof history.events === 'function') this.restore(history.events());
    if (this.suggested.has(key)) return null;
    this.suggested.add(key);
    this.recorder.record('incident.severity-suggested', { from: advice.from, to: advice.to, reason: advice.reason, service: advice.service });
    state.showFlash(`⇡ ${advice.reason} while ${advice.from}: raise it? :severity ${advice.to} WHY`, 'warn', 60_000);
    return advice;
  }
}
