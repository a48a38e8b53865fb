// The post-mortem draft in Markdown: the story first (summary, key times, impact, severity,
// responders), then the record (timeline, evidence, actions, runbook, pages, status updates,
// metric breaches, alerts and silences), then the prompts for what only people can write.
// Templates place the same section blocks in their own order (templates.ts).
import type { Redactor } from '../text/redact.js';
import type { IncidentFacts } from './facts.js';
import { inlineText } from './markdown-escape.js';
import { actionItemsList, improvePrompt, rootCausePrompt, wentWellPrompt } from './prompts.js';
import { cellMaker } from './render-kit.js';
import { actionsSection, alertsSection, breachesSection, escalationsSection, runbookSection, statusUpdatesSection, timelineSection } from './sections-record.js';
import { evidenceSection, impactSection, keyTimesSection, respondersSection, severitySection, summaryTable, summaryText } from './sections-story.js';

export { utcTime } from './render-kit.js';

/** Every section of a post-mortem as a Markdown block without its heading. */
export interface PostmortemSections {
  /** The post-mortem's title line text (escaped), without `#`. */
  title: string;
  summary: string;
  facts: string;
  keyTimes: string;
  impact: string;
  severity: string;
  responders: string;
  timeline: string;
  evidence: string;
  actions: string;
  runbook: string;
  escalations: string;
  statusUpdates: string;
  metricBreaches: string;
  /** The alerts that fired and the silences the incident created. */
  alerts: string;
  rootCause: string;
  wentWell: string;
  improve: string;
  actionItems: string;
}

function titleText(f: IncidentFacts, redactor: Redactor): string {
  // Cut before escaping: a cut through an escape or an <autolink> would leave broken markup.
  let raw = redactor(f.title).replace(/\s+/g, ' ').trim().replace(/[.,;:!。，；：！\\]+$/, '');
  // `# Post-mortem: ` and the escaped title within markdownlint's 80 columns.
  const chars = [...raw];
  let keep = Math.min(chars.length, 60);
  const text = (): string => inlineText(keep < chars.length ? `${chars.slice(0, keep).join('').trimEnd()}…` : raw);
  while (keep > 0 && text().length > 64) keep -= 1;
  return `Post-mortem: ${text() || f.id}`;
}

/** Renders every section from the incident's facts; every text passes `redactor`. */
export function renderSections(f: IncidentFacts, redactor: Redactor): PostmortemSections {
  const cell = cellMaker(redactor);
  return {
    title: titleText(f, redactor),
    summary: summaryText(f, redactor),
    facts: summaryTable(f, cell),
    keyTimes: keyTimesSection(f, cell),
    impact: impactSection(f, cell) ?? 'No check was recorded DOWN or DEGRADED.',
    severity: severitySection(f, cell),
    responders: respondersSection(f, cell) ?? 'Nobody was recorded.',
    timeline: timelineSection(f, cell) ?? 'No events were recorded.',
    evidence: evidenceSection(f, cell) ?? 'No log line was marked as evidence (`m` in the logs pane).',
    actions: actionsSection(f, cell) ?? 'No actions were run from warroom.',
    runbook: runbookSection(f, cell) ?? 'No runbook steps were recorded.',
    escalations: escalationsSection(f, cell) ?? 'Nobody was paged from warroom.',
    statusUpdates: statusUpdatesSection(f, cell) ?? 'No status updates were sent.',
    metricBreaches: breachesSection(f, cell) ?? 'No metric crossed a threshold.',
    alerts: alertsSection(f, cell) ?? 'No alert fired and no silence was created.',
    rootCause: rootCausePrompt(f, redactor),
    wentWell: wentWellPrompt(),
    improve: improvePrompt(f, redactor),
    actionItems: actionItemsList(f, redactor),
  };
}

/** The default draft's headings, in order, and the section under each. */
const DEFAULT_LAYOUT: readonly [string, keyof PostmortemSections][] = [
  ['Summary', 'summary'],
  ['Key times', 'keyTimes'],
  ['Impact', 'impact'],
  ['Severity', 'severity'],
  ['Responders', 'responders'],
  ['Timeline', 'timeline'],
  ['Evidence', 'evidence'],
  ['Actions', 'actions'],
  ['Runbook progress', 'runbook'],
  ['Escalations', 'escalations'],
  ['Status updates', 'statusUpdates'],
  ['Metric breaches', 'metricBreaches'],
  ['Alerts and silences', 'alerts'],
  ['Root cause', 'rootCause'],
  ['What went well', 'wentWell'],
  ['What could be improved', 'improve'],
  ['Action items', 'actionItems'],
];

/** Renders the default post-mortem draft from the incident's facts; every text passes `redactor`. */
export function renderMarkdown(f: IncidentFacts, redactor: Redactor): string {
  const s = renderSections(f, redactor);
  const parts = [`# ${s.title}`];
  for (const [heading, key] of DEFAULT_LAYOUT) {
    parts.push(`## ${heading}\n\n${key === 'summary' ? `${s.summary}\n\n${s.facts}` : s[key]}`);
  }
  return parts.join('\n\n') + '\n';
}
