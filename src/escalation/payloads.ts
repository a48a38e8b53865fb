// The exact bodies warroom sends. The generic webhook payload is documented here and is a
// contract for receivers:
//
//   { "type": "page" | "status-update" | "resolve",
//     "incident": { "id", "title", "severity", "startedAt" (ISO), "resolvedAt" (ISO|null), "elapsedMs" },
//     "contact": string | null,   "phase": string | null,   "text": string,
//     "down": string[],           "operator": string,       "sentAt": ISO }
import type { Severity } from '../config/types.js';
import { formatDuration } from '../time/duration-text.js';
import { headline, type IncidentSnapshot } from './snapshot.js';

/** Why a message is sent. */
export type MessageType = 'page' | 'status-update' | 'resolve';

/** Slack incoming webhook body for a page: title, severity, elapsed, what is down, operator. */
export function slackPage(snapshot: IncidentSnapshot, contact: string, mention?: string): { text: string } {
  const down = snapshot.down.length > 0 ? snapshot.down.map((d) => `• ${d}`).join('\n') : '• nothing reported down';
  return {
    text: [
      `${mention ? `${mention} ` : ''}:rotating_light: Paging ${contact}: ${headline(snapshot)}`,
      `Down:\n${down}`,
      `Console operator: ${snapshot.operator}`,
    ].join('\n'),
  };
}

/** Slack body for a status update or the resolution. */
export function slackText(text: string): { text: string } {
  return { text };
}

const PD_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  P0: 'critical',
  P1: 'critical',
  P2: 'error',
  P3: 'warning',
  P4: 'info',
};

/** PagerDuty Events API v2 `trigger`; the incident id is the dedup key so repeats update one alert. */
export function pagerdutyTrigger(snapshot: IncidentSnapshot, routingKey: string, contact: string): Record<string, unknown> {
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: snapshot.id,
    payload: {
      summary: `[${snapshot.severity}] ${snapshot.title}`.slice(0, 1024),
      source: 'warroom',
      severity: PD_SEVERITY[snapshot.severity],
      custom_details: {
        incident: snapshot.id,
        elapsed: formatDuration(snapshot.elapsedMs),
        down: snapshot.down,
        operator: snapshot.operator,
        contact,
      },
    },
  };
}

/** PagerDuty Events API v2 `resolve` for the incident's alert. */
export function pagerdutyResolve(incidentId: string, routingKey: string): Record<string, unknown> {
  return { routing_key: routingKey, event_action: 'resolve', dedup_key: incidentId };
}

/** The generic JSON webhook body (documented at the top of this file). */
export function webhookBody(
  type: MessageType,
  snapshot: IncidentSnapshot,
  fields: { contact?: string; phase?: string; text: string },
  now: number,
): Record<string, unknown> {
  return {
    type,
    incident: {
      id: snapshot.id,
      title: snapshot.title,
      severity: snapshot.severity,
      startedAt: new Date(snapshot.startedAt).toISOString(),
      resolvedAt: snapshot.resolvedAt === null ? null : new Date(snapshot.resolvedAt).toISOString(),
      elapsedMs: snapshot.elapsedMs,
    },
    contact: fields.contact ?? null,
    phase: fields.phase ?? null,
    text: fields.text,
    down: snapshot.down,
    operator: snapshot.operator,
    sentAt: new Date(now).toISOString(),
  };
}
