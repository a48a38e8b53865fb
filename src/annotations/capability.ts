// Wires Grafana annotations to the console: follows the incident journal, posts this console's
// events of the configured families, keeps the incident's region, and shows how posting goes in
// the alerts slice. Off (and saying why) without a token, in a read-only console and in a dry run.
import type { CapabilityFactory } from '../engine/capability.js';
import type { WarroomStore } from '../store/store.js';
import { isOwnEvent, type TimelineEvent } from '../timeline/event.js';
import { Annotator } from './annotator.js';
import { GrafanaClient } from './grafana-api.js';
import type { AnnotationStatus } from './types.js';

/** What a journal recorder offers besides recording; absent on plain recorders. */
interface ReadableTimeline {
  events(): readonly TimelineEvent[];
  onEvents(listener: (added: readonly TimelineEvent[]) => void): () => void;
}

function readable(recorder: unknown): ReadableTimeline | null {
  const r = recorder as Partial<ReadableTimeline>;
  return typeof r.events === 'function' && typeof r.onEvents === 'function' ? (r as ReadableTimeline) : null;
}

function show(store: WarroomStore, status: AnnotationStatus): void {
  store.getState().setAlerts({ annotations: status });
}

const OFF: AnnotationStatus = { pending: 0, sent: 0, dropped: 0, error: null, retryAt: null, off: null };

/** The Grafana annotations capability; null when `grafana:` is not configured. */
export const annotationsCapability: CapabilityFactory = (context) => {
  const { config, store, recorder, mode } = context;
  const settings = config.grafana;
  if (!settings) return null;
  const journal = readable(recorder);
  const off =
    settings.token === '' ? 'off: grafana.token is empty'
    : mode === 'read-only' ? 'off in a read-only console'
    : mode === 'dry-run' ? 'off in a dry run: nothing is posted'
    : journal === null ? 'off: no incident journal'
    : null;
  const annotator = new Annotator({
    api: new GrafanaClient(settings.url, settings.token),
    annotate: settings.annotate,
    incident: () => {
      const { id, title, startedAt, resolvedAt } = store.getState().incident;
      return { id, title, startedAt, resolvedAt };
    },
    own: isOwnEvent,
    recorder,
    showStatus: (status) => show(store, status),
  });
  let unfollow: (() => void) | null = null;
  return {
    name: 'annotations',
    start() {
      if (off !== null || journal === null) return show(store, { ...OFF, off });
      show(store, OFF);
      annotator.learn(journal.events());
      unfollow = journal.onEvents((added) => annotator.follow(added));
      // The incident's region: found in Grafana, or created by this console when there is none
      // (consoles starting together converge on one: see Annotator.openRegionIn).
      annotator.openRegion();
    },
    stop() {
      unfollow?.();
      annotator.stop();
    },
  };
};
