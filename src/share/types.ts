// The shared incident's own type names, for the store and the views.

/** Where the shared incident stands, for the header. */
export interface ShareStatus {
  /** connecting: first attempt; online; offline: unreachable (retrying); failed: gave up (auth, config). */
  state: 'connecting' | 'online' | 'offline' | 'failed';
  /** Local events not yet acknowledged by the stream. */
  unsynced: number;
  /** Why it is offline or failed. */
  detail: string | null;
  /** The other consoles that have the incident open (known while online). */
  present: Present[];
}

/** One other console that has the shared incident open. */
export interface Present {
  operator: string;
  /** Its mode: live, read-only, dry-run. */
  mode: string;
}
