// Where the incident's record stands, for the header and the footer: events the local journal
// holds back because the disk refuses them (the timeline capability keeps it current), and,
// with sharing, whether the shared incident is reachable and what is unsynced (the share
// capability keeps that).
import type { ShareStatus } from '../share/types.js';
import type { SliceCreator } from './slice.js';

/** The local journal's state: events recorded but not yet on disk, and the error. */
export interface JournalStatus {
  held: number;
  /** The write error while events are held or the journal cannot be reopened; null when healthy. */
  error: string | null;
}

/** The record-status slice. */
export interface RecordStatusSlice {
  journalStatus: JournalStatus;
  /** Null without sharing. */
  shareStatus: ShareStatus | null;
  setJournalStatus: (status: JournalStatus) => void;
  setShareStatus: (status: ShareStatus | null) => void;
}

/** Builds the record-status slice. */
export const createRecordStatusSlice: SliceCreator<RecordStatusSlice> = (set) => ({
  journalStatus: { held: 0, error: null },
  shareStatus: null,
  setJournalStatus: (status) => set({ journalStatus: status }),
  setShareStatus: (status) => set({ shareStatus: status }),
});
