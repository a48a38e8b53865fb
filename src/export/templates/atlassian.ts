// The shape of Atlassian's incident post-mortem: summary, leadup, fault, impact, detection,
// response, recovery, timeline, five whys, root cause, lessons, corrective actions.
// Written for warroom (Liquid); fields are described in template-fields.ts.

/** The Atlassian shape. */
export const ATLASSIAN_TEMPLATE = `# {{ sections.title }}

## Incident summary

{{ sections.summary }}

{{ sections.facts }}

## Leadup

> {{ prompt }} the changes and circumstances that led up to the incident.
{%- if notes.context.size > 0 %}
>
> Notes from the incident:
>
{%- for note in notes.context %}
> - {{ note.time }}, {{ note.by }}: {{ note.text | wrap: 70, ">   " }}
{%- endfor %}
{%- endif %}

## Fault

> {{ prompt }} what failed, and how it failed.

{{ sections.evidence }}

## Impact

{{ sections.impact }}

{{ sections.metric_breaches }}

## Detection

Detected at {{ times.detected }}, {{ durations.to_detect }} after the start.

{{ sections.alerts }}

## Response

Acknowledged at {{ times.acknowledged }}, {{ durations.to_acknowledge }} after
detection.

{{ "Incident commander at the end: " | append: incident.commander | append: "." | wrap: 78 }}

{{ sections.responders }}

{{ sections.escalations }}

{{ sections.status_updates }}

## Recovery

Mitigated at {{ times.mitigated }}; resolved at {{ times.resolved }}.

{{ sections.key_times }}

{{ sections.actions }}

{{ sections.runbook }}

## Timeline

{{ sections.timeline }}

## Five whys

> {{ prompt }} ask why the fault happened, then why that happened, five times.

## Root cause

{{ sections.root_cause }}

## Severity

{{ sections.severity }}

## Lessons learned

### What went well

{{ sections.went_well }}

### What could be improved

{{ sections.improve }}

## Corrective actions

{{ sections.action_items }}
`;
