// The escalation capability's own names: channels, delivery attempts and how a send went. The
// store keeps attempts of this shape for the header and overlays; it does not define them.

/** The channels a contact can be reached on. */
export type ChannelKind = 'slack' | 'pagerduty' | 'webhook';

/** One delivery attempt, as the console shows it (never the URL or key). */
export interface PageAttempt {
  contact: string;
  channel: ChannelKind;
  purpose: 'page' | 'status-update' | 'resolve';
  attempt: number;
  ok: boolean;
  status?: number;
  error?: string;
  willRetry: boolean;
  dryRun?: boolean;
  at: number;
}

/** How a send went: how many channels it reached of how many. */
export interface SendReport {
  delivered: number;
  total: number;
  failures: string[];
}
