// The shape of the example post-mortem in Google's SRE book: summary, impact, root causes and
// trigger, resolution, detection, action items, lessons learned, timeline, supporting material.
// Written for warroom (Liquid); fields are described in template-fields.ts.

/** The Google SRE book shape. */
export const GOOGLE_SRE_TEMPLATE = `# {{ sections.title }}

<!-- markdownlint-disable MD013 -->
| Date | Authors | Status | Severity | Incident |
| --- | --- | --- | --- | --- |
| {{ incident.date }} | {{ incident.responders }} | Draft (incident {{ incident.status }}) | {{ incident.severity }} | {{ incident.id }} |
<!-- markdownlint-enable MD013 -->

## Summary

{{ sections.summary }}

## Impact

{{ sections.impact }}

## Root causes

{{ sections.root_cause }}

## Trigger

> {{ prompt }} what set it off (a deploy, a change, a load spike)?

## Resolution

Mitigated at {{ times.mitigated }}, {{ durations.to_mitigate }} after the start;
resolved at {{ times.resolved }}.

{{ sections.actions }}

## Detection

The first failure was seen at {{ times.detected }} ({{ durations.to_detect }}
after the start) and acknowledged at {{ times.acknowledged }}
({{ durations.to_acknowledge }} later).

{{ sections.key_times }}

{{ sections.alerts }}

## Action items

{{ sections.action_items }}

## Lessons learned

### What went well

{{ sections.went_well }}

### What went wrong

{{ sections.improve }}

### Where we got lucky

> {{ prompt }} what could have gone worse, and did not?

## Timeline

{{ sections.timeline }}

## Supporting information

### Severity

{{ sections.severity }}

### Responders

{{ sections.responders }}

### Evidence

{{ sections.evidence }}

### Escalations

{{ sections.escalations }}

### Status updates

{{ sections.status_updates }}

### Metric breaches

{{ sections.metric_breaches }}

### Runbook progress

{{ sections.runbook }}
`;
