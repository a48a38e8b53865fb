// Wires the alerts capability to the console: the feed writes the alerts slice, the silence
// controller asks through the store's dialog and reads the mode there, and both follow the
// incident journal (what other consoles recorded, and this console's own `:resolve`).
import type { CapabilityFactory } from '../engine/capability.js';
import { askConfirm } from '../mode/ask.js';
import type { AlertCommands } from '../store/alerts.js';
import type { WarroomStore } from '../store/store.js';
import { createRedactor } from '../text/redact.js';
import { isOwnEvent } from '../timeline/event.js';
import { ServiceLinker } from './alert-links.js';
import { AlertFeed } from './alert-feed.js';
import { AlertmanagerClient } from './alertmanager-api.js';
import { PrometheusAlertsClient } from './prometheus-alerts.js';
import { EXTEND_MARGIN_MS, SilenceController } from './silences.js';

/** A journal event as the capability reads it. */
interface JournalEvent {
  id: string;
  kind: string;
  ts: number;
  operator: string;
  data: Record<string, unknown>;
}

/** What a journal recorder offers besides recording; absent on plain recorders. */
interface ReadableTimeline {
  events(): readonly JournalEvent[];
  onEvents(listener: (added: readonly JournalEvent[]) => void): () => void;
}

function readable(recorder: unknown): ReadableTimeline | null {
  const r = recorder as Partial<ReadableTimeline>;
  return typeof r.events === 'function' && typeof r.onEvents === 'function' ? (r as ReadableTimeline) : null;
}

/** Asks once no other dialog is open (one dialog at a time: a question asked meanwhile would be lost as a "no"). */
async function confirmWhenFree(store: WarroomStore, question: { title: string; lines: string[] }): Promise<boolean> {
  if (store.getState().dialog !== null) {
    await new Promise<void>((resolve) => {
      const off = store.subscribe((state) => {
        if (state.dialog === null) {
          off();
          resolve();
        }
      });
    });
  }
  return askConfirm(store, question);
}

/** The alerts capability; null when `alerts:` is not configured. */
export const alertsCapability: CapabilityFactory = (context) => {
  const { config, store, recorder } = context;
  const settings = config.alerts;
  if (!settings) return null;
  const alertmanager = settings.source === 'alertmanager' ? new AlertmanagerClient(settings.url, settings.matchers) : null;
  const source = alertmanager ?? new PrometheusAlertsClient(settings.url, settings.matchers);
  const feed = new AlertFeed({
    source,
    linker: new ServiceLinker(config.services),
    recorder,
    incident: () => store.getState().incident.id,
    redact: createRedactor(config),
    intervalMs: settings.intervalMs,
    sink: {
      showAlerts: (list, at) => store.getState().setAlerts({ list, readAt: at, error: null }),
      // Whatever pane is in front: a new alert is news, and A is how to look at it. It never
      // covers a message still being shown (the answer to what the lead just did comes first).
      alertsFired: (fired) => {
        const flash = store.getState().flash;
        if (flash !== null && flash.until > Date.now()) return;
        const first = fired[0]!;
        const where = first.identity.map(({ name, value }) => `${name}=${value}`).join(' ');
        const more = fired.length > 1 ? ` and ${fired.length - 1} more` : '';
        store.getState().showFlash(`▲ alert firing: ${first.name}${where ? ` (${where})` : ''}${more} — A shows the alerts`, 'warn', 10_000);
      },
      showAlertsError: (message) => {
        if (store.getState().alerts.error !== message) store.getState().setAlerts({ error: message });
      },
    },
  });
  const silences = new SilenceController({
    api: alertmanager,
    recorder,
    mode: store,
    confirm: (question) => confirmWhenFree(store, question),
    incident: () => {
      const { id, title, operator, resolvedAt } = store.getState().incident;
      return { id, title, operator, open: resolvedAt === null };
    },
    showSilences: (list) => store.getState().setAlerts({ silences: list }),
    silenceMs: settings.silenceMs,
    redact: createRedactor(config),
  });
  const commands: AlertCommands = {
    acknowledge: (alertId) => {
      const alert = feed.alert(alertId);
      if (!alert) {
        store.getState().showFlash('that alert is no longer firing', 'warn');
        return Promise.resolve(false);
      }
      return silences.acknowledge({ name: alert.labels.alertname ?? '(unnamed)', labels: alert.labels });
    },
    silence: (args) => silences.silenceCommand(args),
  };
  const journal = readable(recorder);
  // Check often enough to extend within the margin, never more than every 30 s.
  const checkMs = Math.max(250, Math.min(30_000, Math.min(EXTEND_MARGIN_MS, settings.silenceMs / 4) / 2));
  let unfollow: (() => void) | null = null;
  let extendTimer: NodeJS.Timeout | null = null;
  return {
    name: 'alerts',
    start() {
      store.getState().setAlerts({ source: settings.source });
      if (journal) {
        const past = journal.events();
        feed.adopt(past);
        silences.adopt(past);
        unfollow = journal.onEvents((added) => {
          feed.adopt(added);
          silences.adopt(added);
          // This console's own :resolve asks about the silences; other consoles' resolutions are theirs to ask.
          if (added.some((event) => event.kind === 'incident.resolved' && isOwnEvent(event))) void silences.resolved();
        });
      }
      store.getState().setAlertCommands(commands);
      feed.start();
      extendTimer = setInterval(() => void silences.extendDue(), checkMs);
    },
    async stop() {
      unfollow?.();
      if (extendTimer) clearInterval(extendTimer);
      if (store.getState().alertCommands === commands) store.getState().setAlertCommands(null);
      await feed.stop();
    },
  };
};
