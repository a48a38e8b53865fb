// The shape of PagerDuty's post-mortem template: overview, what happened, contributing factors,
// resolution, impact, responders, timeline, how the response went, action items, messaging.
// Written for warroom (Liquid); fields are described in template-fields.ts.

/** The PagerDuty shape. */
export const PAGERDUTY_TEMPLATE = `# {{ sections.title }}

## Overview

{{ sections.summary }}

{{ sections.facts }}

## What happened

{{ sections.key_times }}

{{ sections.alerts }}

## Contributing factors

{{ sections.root_cause }}

## Resolution

> {{ prompt }} what brought the service back, and why it worked.

{{ sections.actions }}

{{ sections.runbook }}

## Impact

{{ sections.impact }}

{{ sections.metric_breaches }}

## Responders

{{ sections.responders }}

## Timeline

{{ sections.timeline }}

## How did we do?

### What went well

{{ sections.went_well }}

### What did not go so well

{{ sections.improve }}

### Severity

{{ sections.severity }}

## Action items

{{ sections.action_items }}

## Messaging

### Internal

{{ sections.escalations }}

### External

{{ sections.status_updates }}

## Supporting documentation

{{ sections.evidence }}
`;
