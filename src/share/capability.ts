// The shared incident in a running console: active when `share:` is configured and the console
// records into a journal. The NATS client and the rest of src/share load only then, after the
// first frame (start-up time, B5). It shows where sharing stands in the header, and gives the
// journal the server's compare-and-set for state that must not fork and for automatic paging.
import type { CapabilityFactory } from '../engine/capability.js';
import type { WarroomStore } from '../store/store.js';
import { TimelineJournal } from '../timeline/journal.js';
import type { SharedIncident } from './shared-incident.js';
import type { ShareStatus } from './types.js';

/** The share capability: null without `share:` or without a journal. */
export const shareCapability: CapabilityFactory = (context) => {
  const share = context.config.share;
  const journal = context.recorder;
  if (!share || !(journal instanceof TimelineJournal)) return null;
  let shared: SharedIncident | null = null;
  return {
    name: 'share',
    carriesRecord: true,
    start: async () => {
      const { SharedIncident } = await import('./shared-incident.js');
      shared = new SharedIncident(share, journal, {
        status: (status) => showStatus(context.store, status),
        warn: (message) => context.store.getState().showFlash(message, 'warn', 15_000),
      }, context.mode);
      journal.useSharedState(shared);
      shared.start();
    },
    stop: async () => {
      journal.useSharedState(null);
      await shared?.stop();
      context.store.getState().setShareStatus(null);
    },
  };
};

function showStatus(store: WarroomStore, status: ShareStatus): void {
  const previous = store.getState().shareStatus;
  store.getState().setShareStatus(status);
  if (status.state === 'failed' && previous?.state !== 'failed' && status.detail) store.getState().showFlash(`sharing stopped: ${status.detail}`, 'error', 30_000);
  else if (status.state === 'online' && previous && previous.state !== 'online' && previous.state !== 'connecting') {
    store.getState().showFlash(`shared incident reachable again${status.unsynced > 0 ? `: sending ${status.unsynced} unsynced` : ''}`, 'info', 8000);
  }
}
