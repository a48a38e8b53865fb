// Where the incident's record stands, for the header and the footer: events the local journal
// holds back because the disk refuses them. (The timeline capability keeps it current.)
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
  setJournalStatus: (status: JournalStatus) => void;
}

/** Builds the record-status slice. */
export const createRecordStatusSlice: SliceCreator<RecordStatusSlice> = (set) => ({
  journalStatus: { held: 0, error: null },
  setJournalStatus: (status) => set({ journalStatus: status }),
});
