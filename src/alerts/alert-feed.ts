// Reads the war room's alerts on an interval, hands the pane one list per read, and puts firing
// and resolving on the timeline. What the timeline already says (this console's earlier runs, or
// another console on the same incident) is not said again: the feed learns it from the journal.
import type { Redactor } from '../text/redact.js';
import { stableEventId } from '../timeline/event.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import type { ServiceLinker } from './alert-links.js';
import { alertView, compareAlerts } from './alert-view.js';
import { ApiError } from './http-json.js';
import type { AlertSource, AlertView, SourceAlert } from './types.js';

/** What the feed tells the console after each read. */
export interface AlertsSink {
  /** A successful read: the alerts now, worst first. */
  showAlerts(list: AlertView[], at: number): void;
  /** Alerts that started firing since the previous read (not those already firing at the first), muted ones not included, worst first. */
  alertsFired?(fired: AlertView[]): void;
  /** A failed read: why (the last list stays, marked stale by the pane). */
  showAlertsError(message: string): void;
}

/** A timeline event as the feed reads it back. */
export interface PastAlertEvent {
  kind: string;
  data: Record<string, unknown>;
}

/** What the feed is built from. */
export interface AlertFeedOptions {
  source: AlertSource;
  linker: ServiceLinker;
  recorder: TimelineRecorder;
  sink: AlertsSink;
  intervalMs: number;
  /**
   * The incident the events belong to: firing and resolving are recorded under stable ids made
   * from it, the alert's fingerprint and when it started, so consoles polling the same
   * Alertmanager in step put each on the record once.
   */
  incident: () => string;
  /** Masks secrets in what is shown of an alert (its summary and runbook link). @default built-in rules only */
  redact?: Redactor;
  now?: () => number;
}

/** What the timeline knows of an alert that fired and has not resolved. */
interface Firing {
  alert: string;
  since: number;
  service?: string;
  instance?: string;
}

/** Polls one alert source for one console. */
export class AlertFeed {
  /** Alerts the timeline says are firing, by fingerprint. */
  private readonly firing = new Map<string, Firing>();
  /** The last read's alerts as the source gave them (labels unaltered, for silences), by fingerprint. */
  private latest = new Map<string, SourceAlert>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private readOnce = false;

  constructor(private readonly options: AlertFeedOptions) {}

  /** Learns from timeline events (past ones at start, then everyone's as they come) which alerts are already recorded. */
  adopt(events: readonly PastAlertEvent[]): void {
    for (const event of events) {
      const fingerprint = event.data.fingerprint;
      if (typeof fingerprint !== 'string') continue;
      if (event.kind === 'alert.firing') this.firing.set(fingerprint, firingOf(event.data));
      else if (event.kind === 'alert.resolved') this.firing.delete(fingerprint);
    }
  }

  /** An alert of the last read as its source gave it (exact labels), by fingerprint. */
  alert(fingerprint: string): SourceAlert | undefined {
    return this.latest.get(fingerprint);
  }

  /** Reads now, then every interval until stopped. */
  start(): void {
    this.stopped = false;
    void this.refreshOnce();
    this.timer = setInterval(() => void this.refreshOnce(), this.options.intervalMs);
  }

  /** Stops reading; a read under way finishes but is not shown. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** One read: the pane gets the list, the timeline what changed. Reads never overlap. */
  refreshOnce(): Promise<void> {
    this.inFlight ??= this.read().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async read(): Promise<void> {
    const { source, linker, sink } = this.options;
    const now = this.options.now ?? Date.now;
    let alerts: SourceAlert[];
    try {
      alerts = await source.list();
    } catch (error) {
      // Named by source so the pane says who failed (`Alertmanager: connection refused`).
      const who = source.kind === 'alertmanager' ? 'Alertmanager' : 'Prometheus';
      if (!this.stopped) sink.showAlertsError(`${who}: ${error instanceof ApiError ? error.message : `cannot read alerts (${(error as Error).message})`}`);
      return;
    }
    if (this.stopped) return;
    this.latest = new Map(alerts.map((alert) => [alert.fingerprint, alert]));
    const views = alerts.map((alert) => alertView(alert, linker, this.options.redact)).sort(compareAlerts);
    const fired = this.recordChanges(views, now());
    sink.showAlerts(views, now());
    // What fires when the console starts is on the pane and the timeline; news is what fires after.
    if (fired.length > 0 && this.readOnce) sink.alertsFired?.(fired);
    this.readOnce = true;
  }

  /** The stable id of an alert's firing or resolution in this incident. */
  private eventId(kind: string, fingerprint: string, since: number): string {
    return stableEventId(kind, this.options.incident(), fingerprint, String(since));
  }

  /** Records firing alerts the timeline does not know yet, and known ones that are gone; returns the new firing ones. */
  private recordChanges(views: readonly AlertView[], now: number): AlertView[] {
    const { recorder } = this.options;
    const current = new Set<string>();
    const fired: AlertView[] = [];
    for (const view of views) {
      if (view.state === 'pending') continue;
      current.add(view.id);
      if (this.firing.has(view.id)) continue;
      const data = firingData(view);
      this.firing.set(view.id, firingOf(data));
      // At the time it started firing: the timeline says when it fired, not when this console looked.
      recorder.record('alert.firing', data, { at: Math.min(view.since, now), id: this.eventId('alert.firing', view.id, view.since) });
      if (view.state === 'firing') fired.push(view);
    }
    for (const [fingerprint, known] of [...this.firing]) {
      if (current.has(fingerprint)) continue;
      this.firing.delete(fingerprint);
      recorder.record(
        'alert.resolved',
        {
          alert: known.alert,
          fingerprint,
          ...(known.service ? { service: known.service } : {}),
          ...(known.instance ? { instance: known.instance } : {}),
          startsAt: known.since,
          firedForMs: Math.max(0, now - known.since),
        },
        { id: this.eventId('alert.resolved', fingerprint, known.since) },
      );
    }
    return fired;
  }
}

/** The timeline data of an alert that started firing. */
function firingData(view: AlertView): Record<string, unknown> {
  const service = view.labels.service ?? view.service ?? undefined;
  return {
    alert: view.name,
    fingerprint: view.id,
    ...(view.severity ? { severity: view.severity } : {}),
    ...(service ? { service } : {}),
    ...(view.labels.instance ? { instance: view.labels.instance } : {}),
    ...(view.service ? { boardService: view.service } : {}),
    ...(view.summary ? { summary: view.summary } : {}),
    ...(view.runbookUrl ? { runbookUrl: view.runbookUrl } : {}),
    startsAt: view.since,
    ...(view.state !== 'firing' ? { muted: view.state } : {}),
  };
}

function firingOf(data: Record<string, unknown>): Firing {
  return {
    alert: typeof data.alert === 'string' ? data.alert : '?',
    since: typeof data.startsAt === 'number' ? data.startsAt : Date.now(),
    ...(typeof data.service === 'string' ? { service: data.service } : {}),
    ...(typeof data.instance === 'string' ? { instance: data.instance } : {}),
  };
}
