// Suggests the runbook sections that fit what the console sees right now, so the lead does not
// have to hunt for "P1: Complete Outage" while everything is red.
import type { Runbook } from './model.js';
import { hasStepsWithin, sectionLabel } from './outline.js';

/** What the status board and metrics show at the moment. */
export interface ObservedState {
  /** Services with at least one DOWN check. */
  downServices: string[];
  /** Titles of metric panels past their critical threshold. */
  critPanels: string[];
  /** Every check is DOWN. */
  allDown: boolean;
}

/** A section worth opening, with the reason shown beside it. */
export interface SectionSuggestion {
  /** Index into `runbook.sections`. */
  index: number;
  title: string;
  line: number;
  score: number;
  reason: string;
  /** Set when the suggestion is for a runbook that is not open: its file and title. */
  file?: string;
  runbook?: string;
}

const OUTAGE = /\b(complete|total|full|major)\s+outage\b|\ball\s+(services?|systems?|instances?)\s+(are\s+)?(down|unavailable|unreachable)\b|\beverything\s+(is\s+)?down\b|\bservice\s+outage\b/i;
const SERVICE_DOWN = /\b(down|not responding|unreachable|unavailable|outage|unhealthy|refused)\b/i;
const ERRORS = /\berror(s|\s+rate)?\b|\b5\d\d\b|\b5xx\b|\bfailures?\b/i;
const LATENCY = /\b(slow|latency|response times?|timeouts?|p9\d|duration)\b/i;

/** The words a section is matched on: its heading, its child "Symptoms" list, and its parents' headings. */
function sectionTexts(runbook: Runbook): string[] {
  const texts: string[] = [];
  runbook.sections.forEach((section, i) => {
    let text = `${section.title}\n${section.symptoms.join('\n')}`;
    // A "### Symptoms" child belongs to the scenario heading above it.
    for (let j = i + 1; j < runbook.sections.length && runbook.sections[j]!.level > section.level; j++) {
      const child = runbook.sections[j]!;
      if (child.symptoms.length > 0 && child.level === section.level + 1) text += `\n${child.symptoms.join('\n')}`;
    }
    texts.push(text);
  });
  return texts;
}

function mentions(text: string, name: string): boolean {
  if (name.trim() === '') return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-_\s]+/g, '[-_\\s]+');
  return new RegExp(`(^|[^\\w])${escaped}($|[^\\w])`, 'i').test(text);
}

/** Ranks sections by how well their heading or symptoms match what is seen; best first, at most `limit`. */
export function suggestSections(runbook: Runbook, seen: ObservedState, limit = 3): SectionSuggestion[] {
  const out: SectionSuggestion[] = [];
  sectionTexts(runbook).forEach((text, index) => {
    const section = runbook.sections[index]!;
    if (section.level === 0 || section.symptoms.length > 0 && section.steps.length === 0 && /symptom/i.test(section.title)) return;
    // `g` opens a suggestion: one with no steps in it or under it would land on an empty page.
    if (!hasStepsWithin(runbook, index)) return;
    let score = 0;
    const reasons: string[] = [];
    if (seen.allDown && OUTAGE.test(text)) {
      score += 10;
      reasons.push('all services down');
    }
    for (const service of seen.downServices) {
      if (mentions(text, service)) {
        score += 6;
        reasons.push(`${service} is down`);
      }
    }
    if (seen.downServices.length > 0 && !seen.allDown && SERVICE_DOWN.test(text) && !OUTAGE.test(text)) {
      score += 2;
      if (reasons.length === 0) reasons.push('a service is down');
    }
    for (const panel of seen.critPanels) {
      if (mentions(text, panel)) {
        score += 5;
        reasons.push(`${panel} is critical`);
      } else if (ERRORS.test(panel) && ERRORS.test(text) && /\b(high|rate|spike|elevated)\b/i.test(text)) {
        score += 4;
        reasons.push('high error rate');
      } else if (LATENCY.test(panel) && LATENCY.test(text)) {
        score += 4;
        reasons.push('slow responses');
      }
    }
    if (score > 0) out.push({ index, title: sectionLabel(runbook, index), line: section.line, score, reason: [...new Set(reasons)].join(', ') });
  });
  return out.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, limit);
}

/**
 * The section `g` opens for a suggestion: the suggested section itself when it has steps, else
 * the first section under it that has some (a scenario heading whose work sits in `### Diagnose`
 * after its `### Symptoms`), else the suggested section after all.
 */
export function sectionToOpen(runbook: Runbook, index: number): number {
  const section = runbook.sections[index];
  if (!section || section.steps.length > 0) return index;
  for (let i = index + 1; i < runbook.sections.length && runbook.sections[i]!.level > section.level; i++) {
    if (runbook.sections[i]!.steps.length > 0) return i;
  }
  return index;
}
