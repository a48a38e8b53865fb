// The status-update capability's own names. The store keeps the current phase; it does not
// define what a phase is.

/** The phases a status update announces. */
export type StatusPhase = 'investigating' | 'identified' | 'monitoring' | 'resolved';
