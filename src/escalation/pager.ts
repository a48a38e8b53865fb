// Delivers pages, status updates and resolutions to a contact's channels (Slack, PagerDuty,
// generic webhook) with retries. Every attempt goes to the store and the timeline; URLs and
// routing keys never do (only contact and channel names, statuses and redacted error words).
import type { ContactConfig, EscalationConfig } from '../config/types.js';
import { countEscalation } from '../selfmetrics/record.js';
import type { Redactor } from '../text/redact.js';
import type { TimelineRecorder } from '../timeline/recorder.js';
import { postJson } from './http-post.js';
import { pagerdutyResolve, pagerdutyTrigger, slackPage, slackText, webhookBody, type MessageType } from './payloads.js';
import { DEFAULT_RETRY, withRetries, type RetryPolicy } from './retry.js';
import type { IncidentSnapshot } from './snapshot.js';
import type { ChannelKind, PageAttempt, SendReport } from './types.js';

/** PagerDuty's Events API v2 endpoint (overridable for tests and proxies). */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Where the pager shows its attempts (the console's store is one). */
export interface PageAttemptSink {
  getState(): { addPageAttempt(attempt: PageAttempt): void };
}

/** What the pager is built from. */
export interface PagerDeps {
  escalation: EscalationConfig | undefined;
  store: PageAttemptSink;
  recorder: TimelineRecorder;
  redactor: Redactor;
  /** @default env WARROOM_PAGERDUTY_URL, else PAGERDUTY_EVENTS_URL */
  pagerdutyUrl?: string;
  retry?: RetryPolicy;
  /** Per attempt. @default 10000 */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** One channel's delivery of one message. */
interface Delivery {
  contact: string;
  channel: ChannelKind;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** The channels a contact has (those with an empty secret were left out by the loader). */
export function channelsOf(contact: ContactConfig): ChannelKind[] {
  return (['pagerduty', 'slack', 'webhook'] as const).filter((kind) => contact[kind] !== undefined);
}

/** Sends to contacts' channels with retries, recording every attempt. */
export class Pager {
  private readonly pagerdutyUrl: string;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly deps: PagerDeps) {
    this.pagerdutyUrl = deps.pagerdutyUrl ?? process.env.WARROOM_PAGERDUTY_URL ?? PAGERDUTY_EVENTS_URL;
    this.retry = deps.retry ?? DEFAULT_RETRY;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = deps.now ?? Date.now;
  }

  /** The configured contact names. */
  contacts(): string[] {
    return Object.keys(this.deps.escalation?.contacts ?? {});
  }

  /** A contact's config, if configured. */
  contact(name: string): ContactConfig | undefined {
    return this.deps.escalation?.contacts[name];
  }

  /** Pages a contact on every channel it has; `automated` when the policy paged, not a person. */
  async page(name: string, snapshot: IncidentSnapshot, reason: string, dryRun: boolean, automated = false): Promise<SendReport> {
    const contact = this.contact(name);
    if (!contact) return { delivered: 0, total: 0, failures: [`no contact ${name}`] };
    const deliveries: Delivery[] = [];
    const text = slackPage(snapshot, name, contact.slack?.mention).text;
    if (contact.pagerduty) deliveries.push({ contact: name, channel: 'pagerduty', url: this.pagerdutyUrl, headers: {}, body: pagerdutyTrigger(snapshot, contact.pagerduty.routingKey, name) });
    if (contact.slack) deliveries.push({ contact: name, channel: 'slack', url: contact.slack.webhook, headers: {}, body: slackPage(snapshot, name, contact.slack.mention) });
    if (contact.webhook) deliveries.push({ contact: name, channel: 'webhook', url: contact.webhook.url, headers: contact.webhook.headers, body: webhookBody('page', snapshot, { contact: name, text }, this.now()) });
    return this.sendAll(deliveries, 'page', reason, dryRun, automated);
  }

  /** Sends a status update to every Slack and webhook channel configured (each URL once). */
  async statusUpdate(phase: string, text: string, snapshot: IncidentSnapshot, dryRun: boolean): Promise<SendReport> {
    return this.sendAll(this.broadcast('status-update', snapshot, phase, text), 'status-update', phase, dryRun);
  }

  /** Resolves the incident's PagerDuty alert for every contact with PagerDuty. */
  async resolve(snapshot: IncidentSnapshot, dryRun: boolean): Promise<SendReport> {
    const deliveries: Delivery[] = [];
    const keys = new Set<string>();
    for (const [name, contact] of Object.entries(this.deps.escalation?.contacts ?? {})) {
      if (!contact.pagerduty || keys.has(contact.pagerduty.routingKey)) continue;
      keys.add(contact.pagerduty.routingKey);
      deliveries.push({ contact: name, channel: 'pagerduty', url: this.pagerdutyUrl, headers: {}, body: pagerdutyResolve(snapshot.id, contact.pagerduty.routingKey) });
    }
    return this.sendAll(deliveries, 'resolve', 'resolved', dryRun);
  }

  /** The names of the channels a status update goes to ("tech-lead slack"), for the confirmation. */
  statusChannels(): string[] {
    return this.broadcast('status-update', null, '', '').map((d) => `${d.contact} ${d.channel}`);
  }

  private broadcast(type: MessageType, snapshot: IncidentSnapshot | null, phase: string, text: string): Delivery[] {
    const deliveries: Delivery[] = [];
    const urls = new Set<string>();
    for (const [name, contact] of Object.entries(this.deps.escalation?.contacts ?? {})) {
      if (contact.slack && !urls.has(contact.slack.webhook)) {
        urls.add(contact.slack.webhook);
        deliveries.push({ contact: name, channel: 'slack', url: contact.slack.webhook, headers: {}, body: slackText(text) });
      }
      if (contact.webhook && !urls.has(contact.webhook.url)) {
        urls.add(contact.webhook.url);
        const body = snapshot ? webhookBody(type, snapshot, { phase, text }, this.now()) : null;
        deliveries.push({ contact: name, channel: 'webhook', url: contact.webhook.url, headers: contact.webhook.headers, body });
      }
    }
    return deliveries;
  }

  private async sendAll(deliveries: Delivery[], purpose: MessageType, reason: string, dryRun: boolean, automated = false): Promise<SendReport> {
    const results = await Promise.all(deliveries.map((d) => this.deliver(d, purpose, reason, dryRun, automated)));
    const failures = results.filter((r): r is string => r !== null);
    return { delivered: results.length - failures.length, total: results.length, failures };
  }

  /** One delivery with retries; returns null on success, else the failure in words. */
  private async deliver(d: Delivery, purpose: MessageType, reason: string, dryRun: boolean, automated: boolean): Promise<string | null> {
    const { store, recorder, redactor } = this.deps;
    const base = { contact: d.contact, channel: d.channel, purpose, reason };
    const by = automated ? { automated: true } : {};
    if (dryRun) {
      recorder.record('escalation.sent', { ...base, attempt: 0, dryRun: true }, by);
      store.getState().addPageAttempt({ ...base, attempt: 0, ok: true, willRetry: false, dryRun: true, at: this.now() } as PageAttempt);
      return null;
    }
    const result = await withRetries(() => postJson(d.url, d.body, d.headers, this.deps.timeoutMs ?? 10_000), this.retry, {
      sleep: this.sleep,
      onAttempt: (attempt, r, willRetry) => {
        const error = r.ok ? undefined : redactor(r.error);
        const status = r.status;
        const data = { ...base, attempt, ...(status !== undefined ? { status } : {}), ...(error ? { error } : {}), ...(r.ok ? {} : { willRetry }) };
        recorder.record(r.ok ? 'escalation.sent' : 'escalation.failed', data, by);
        store.getState().addPageAttempt({ contact: d.contact, channel: d.channel, purpose, attempt, ok: r.ok, willRetry, at: this.now(), ...(status !== undefined ? { status } : {}), ...(error ? { error } : {}) });
      },
    });
    // warroom's own /metrics: one count per delivery, its final outcome (dry runs sent nothing).
    countEscalation(result.ok ? 'sent' : 'failed', d.channel);
    return result.ok ? null : `${d.contact} via ${d.channel}: ${redactor(result.error)}`;
  }
}
