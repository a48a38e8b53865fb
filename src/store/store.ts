// The one store of a warroom process, built from slices (zustand/vanilla: no React here).
// Each capability owns its slice file; views read single values through selectors, and sources
// write in batches (one commit per frame at most), never once per line or probe.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActionsSlice, type ActionsSlice } from './actions.js';
import { createAlertsSlice, type AlertsSlice } from './alerts.js';
import { createChecksSlice, type ChecksSlice } from './checks.js';
import { createDialogSlice, type DialogSlice } from './dialog.js';
import { createEscalationSlice, type EscalationSlice } from './escalation.js';
import { createHostsSlice, type HostsSlice } from './hosts.js';
import { createIncidentSlice, type IncidentSlice } from './incident.js';
import { createLogsSlice, type LogsSlice } from './logs.js';
import { createMetricsSlice, type MetricsSlice } from './metrics.js';
import { CommitPacer } from '../time/commit-pacer.js';
import { createRecordStatusSlice, type RecordStatusSlice } from './record-status.js';
import { createRunbookSlice, type RunbookSlice } from './runbook.js';
import { createTimelineSlice, type TimelineSlice } from './timeline.js';
import { createUiSlice, type UiSlice } from './ui.js';

/** Everything the console shows. */
export type WarroomState = UiSlice &
  IncidentSlice &
  DialogSlice &
  HostsSlice &
  TimelineSlice &
  ChecksSlice &
  LogsSlice &
  MetricsSlice &
  RunbookSlice &
  ActionsSlice &
  EscalationSlice &
  RecordStatusSlice &
  AlertsSlice;

/**
 * The store type views and sources are handed, with the pacer that sources commit through (one
 * beat, one frame: see time/commit-pacer.ts).
 */
export type WarroomStore = StoreApi<WarroomState> & { readonly pacer: CommitPacer };

/** Creates a fresh store (one per console; tests make their own). */
export function createWarroomStore(options: { beatMs?: number } = {}): WarroomStore {
  const store = createStore<WarroomState>()((set, get) => ({
    ...createUiSlice(set, get),
    ...createIncidentSlice(set, get),
    ...createDialogSlice(set, get),
    ...createHostsSlice(set, get),
    ...createTimelineSlice(set, get),
    ...createChecksSlice(set, get),
    ...createLogsSlice(set, get),
    ...createMetricsSlice(set, get),
    ...createRunbookSlice(set, get),
    ...createActionsSlice(set, get),
    ...createEscalationSlice(set, get),
    ...createRecordStatusSlice(set, get),
    ...createAlertsSlice(set, get),
  }));
  return Object.assign(store, { pacer: new CommitPacer(options.beatMs) });
}
