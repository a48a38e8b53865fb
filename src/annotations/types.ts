// The annotations capability's shapes that the console shows.

/** How posting timeline events to Grafana goes, for the alerts pane's status line. */
export interface AnnotationStatus {
  /** Annotations waiting to be (re)sent. */
  pending: number;
  sent: number;
  /** Annotations Grafana refused as such (a 4xx other than auth or rate limit): shown, not retried. */
  dropped: number;
  /** The latest failure, shown until a later post succeeds. */
  error: string | null;
  /** Epoch ms of the next retry, while one is due. */
  retryAt: number | null;
  /** Why nothing is posted at all (no token, read-only, dry run), else null. */
  off: string | null;
}
