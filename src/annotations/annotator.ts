// Posts this console's timeline events to Grafana as annotations, and the incident as one region
// (created when the console starts on an open incident, closed at the resolution). Posting never
// blocks the console: events queue, go one at a time, and a failure is shown and retried with
// backoff while later events wait their turn (Grafana shows them in time order either way).
import { ApiError } from '../alerts/http-json.js';
import type { AnnotateKind } from '../config/integration-types.js';
import type { TimelineEvent } from '../timeline/event.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { annotationFor } from './event-annotations.js';
import type { Annotation, AnnotationApi } from './grafana-api.js';
import type { AnnotationStatus } from './types.js';

/** Most annotations held while Grafana is away; the oldest are dropped beyond it (counted). */
export const MAX_PENDING = 1000;
/** First retry after a failure; doubles up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 2000;
export const RETRY_MAX_MS = 60_000;

/** The incident as annotations name it. */
export interface AnnotatedIncident {
  id: string;
  title: string;
  startedAt: number;
  resolvedAt: number | null;
}

/** What the annotator is built from (narrow views handed over by capability.ts). */
export interface AnnotatorOptions {
  api: AnnotationApi;
  annotate: readonly AnnotateKind[];
  incident: () => AnnotatedIncident;
  /** Whether this console recorded the event (only the recording console posts it). */
  own: (event: TimelineEvent) => boolean;
  recorder: TimelineRecorder;
  showStatus: (status: AnnotationStatus) => void;
  retryBaseMs?: number;
  now?: () => number;
}

type Work = { kind: 'event'; annotation: Annotation } | { kind: 'open-region' } | { kind: 'close-region'; at: number };

/** Queues and posts annotations for one console. */
export class Annotator {
  private readonly queue: Work[] = [];
  private regionId: number | null = null;
  private regionAsked = false;
  /** A region this console created and has not yet kept or deleted (see openRegionIn). */
  private ownRegion: number | null = null;
  /** Regions the timeline already names (another console's grafana.region). */
  private readonly recordedRegions = new Set<number>();
  private sent = 0;
  private dropped = 0;
  private error: string | null = null;
  private retryAt: number | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;

  constructor(private readonly options: AnnotatorOptions) {}

  /** Reads the past timeline: the incident's region, if a console already created it. Past events are not posted again. */
  learn(past: readonly TimelineEvent[]): void {
    for (const event of past) this.noteRegion(event);
  }

  /** Asks for the incident's region when nobody has created it (call once the past is learnt). */
  openRegion(): void {
    if (this.regionId !== null || this.regionAsked || this.options.incident().resolvedAt !== null) return;
    this.regionAsked = true;
    this.push({ kind: 'open-region' });
  }

  /** New timeline events (everyone's, as the journal tells them): this console's own are posted. */
  follow(added: readonly TimelineEvent[]): void {
    for (const event of added) {
      this.noteRegion(event);
      if (!this.options.own(event)) continue;
      const annotation = annotationFor(event, this.options.annotate, this.options.incident().id);
      if (annotation) this.push({ kind: 'event', annotation });
      if (event.kind === 'incident.resolved') this.push({ kind: 'close-region', at: event.ts });
    }
  }

  /** Stops posting; what is still queued is left unsent (shown as pending until the console ends). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves once nothing is queued or being posted (tests). */
  async idle(): Promise<void> {
    while (!this.stopped && (this.running || (this.queue.length > 0 && this.retryAt === null))) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private noteRegion(event: TimelineEvent): void {
    if (event.kind !== 'grafana.region' || typeof event.data.annotationId !== 'number') return;
    this.regionId = event.data.annotationId;
    this.recordedRegions.add(event.data.annotationId);
  }

  private push(work: Work): void {
    this.queue.push(work);
    if (this.queue.length > MAX_PENDING) {
      this.queue.splice(this.queue.findIndex((w) => w.kind === 'event'), 1);
      this.dropped++;
    }
    this.report();
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running || this.stopped || this.timer !== null) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.stopped) {
        const work = this.queue[0]!;
        try {
          await this.send(work);
          this.queue.shift();
          this.sent++;
          this.failures = 0;
          this.error = null;
        } catch (error) {
          const refused = error instanceof ApiError && error.status !== undefined && !error.retryable && error.status !== 401 && error.status !== 403;
          this.error = `Grafana: ${error instanceof ApiError ? error.message : (error as Error).message}`;
          if (refused) {
            // Grafana refuses this annotation as such: retrying it would hold the queue forever.
            this.queue.shift();
            this.dropped++;
            continue;
          }
          this.failures++;
          const delay = Math.min(RETRY_MAX_MS, (this.options.retryBaseMs ?? RETRY_BASE_MS) * 2 ** (this.failures - 1));
          this.retryAt = this.now() + delay;
          this.timer = setTimeout(() => {
            this.timer = null;
            this.retryAt = null;
            void this.drain();
          }, delay);
          this.timer.unref?.();
          return;
        } finally {
          this.report();
        }
      }
    } finally {
      this.running = false;
      this.report();
    }
  }

  private async send(work: Work): Promise<void> {
    const { api, incident } = this.options;
    const { id, title, startedAt } = incident();
    if (work.kind === 'event') {
      await api.create(work.annotation);
    } else if (work.kind === 'open-region') {
      await this.openRegionIn(id, title, startedAt);
    } else if (this.regionId !== null) {
      await api.patch(this.regionId, { time: startedAt, timeEnd: Math.max(startedAt, work.at), text: `${id}: ${title} (resolved)`, tags: ['warroom', id, 'incident'] });
    }
  }

  /**
   * Finds or creates the incident's region. Another console (sharing the journal or not) may have
   * created it: Grafana is asked first. Two consoles starting together may both find none and both
   * create one; each then looks again and keeps the oldest (Grafana's ids grow), deleting its own
   * if that is not it, so both end on the same region whatever the order. A retry after a failure
   * resumes where it stopped (the region this console created is remembered, not created again).
   */
  private async openRegionIn(id: string, title: string, startedAt: number): Promise<void> {
    if (this.regionId !== null) return;
    const { api } = this.options;
    const tags = ['warroom', id, 'incident'];
    let found = await api.find(tags);
    if (this.regionId !== null) return;
    if (found.length === 0 && this.ownRegion === null) {
      this.ownRegion = await api.create({ time: startedAt, timeEnd: Math.max(startedAt, this.now()), tags, text: `${id}: ${title} (open)` });
      found = await api.find(tags);
    }
    const kept = Math.min(...found, ...(this.ownRegion === null ? [] : [this.ownRegion]));
    if (this.ownRegion !== null && this.ownRegion !== kept) await api.remove(this.ownRegion);
    this.ownRegion = null;
    if (this.regionId !== null) return;
    this.regionId = kept;
    // On the timeline, so other consoles and later runs update this region rather than look again.
    if (!this.recordedRegions.has(kept)) this.options.recorder.record('grafana.region', { annotationId: kept });
  }

  private report(): void {
    this.options.showStatus({ pending: this.queue.length, sent: this.sent, dropped: this.dropped, error: this.error, retryAt: this.retryAt, off: null });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
