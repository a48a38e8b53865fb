// Suggests the runbook sections that fit what the console sees right now, so the lead does not
// have to hunt for "P1: Complete Outage" while everything is red.
import { alertEvidence, type ObservedAlert } from './alert-match.js';
import type { Runbook } from './model.js';
import { hasStepsWithin, sectionLabel, sectionMatchTexts } from './outline.js';
import { ERRORS, LATENCY, mentions, OUTAGE, SERVICE_DOWN } from './symptom-words.js';

/** What the status board and metrics show at the moment. */
export interface ObservedState {
  /** Services with at least one DOWN check. */
  downServices: string[];
  /** Titles of metric panels past their critical threshold. */
  critPanels: string[];
  /** Every check is DOWN. */
  allDown: boolean;
  /** The war room's alerts that fire (silenced ones too: acknowledged is not fixed), by name. */
  alerts?: readonly ObservedAlert[];
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

/** Points for the best section of a runbook an alert's `runbook_url` names without a section. */
const FILE_POINTS = 12;

/** Whether `g` may take the operator to a section: it has steps in or under it, and is not a bare "Symptoms" list. */
function suggestable(runbook: Runbook, index: number): boolean {
  const section = runbook.sections[index]!;
  if (section.level === 0 || section.symptoms.length > 0 && section.steps.length === 0 && /symptom/i.test(section.title)) return false;
  // `g` opens a suggestion: one with no steps in it or under it would land on an empty page.
  return hasStepsWithin(runbook, index);
}

/** A section's score and why. */
interface Scored {
  index: number;
  score: number;
  reasons: string[];
}

/** Ranks sections by how well their heading or symptoms match what is seen (the board, the metrics, the firing alerts); best first, at most `limit`. */
export function suggestSections(runbook: Runbook, seen: ObservedState, limit = 3): SectionSuggestion[] {
  const { scored, namesRunbook } = scoreSections(runbook, seen, 0, runbook.sections.length);
  return ranked(runbook, scored, namesRunbook, limit);
}

/** How many sections suggestSectionsGradually scores in one turn of the event loop (a millisecond or two). */
export const SECTIONS_PER_TURN = 1000;

/**
 * suggestSections for a long runbook, a slice of SECTIONS_PER_TURN sections per turn of the event
 * loop, so keys pressed meanwhile are not kept waiting (all 8,000 sections of a 2 MiB runbook at
 * once took tens of milliseconds on a busy machine); null when `current` turns false meanwhile
 * (another runbook opened, or the console saw something new).
 */
export async function suggestSectionsGradually(runbook: Runbook, seen: ObservedState, current: () => boolean, limit = 3): Promise<SectionSuggestion[] | null> {
  const scored: Scored[] = [];
  let namesRunbook: string | null = null;
  for (let from = 0; from < runbook.sections.length; from += SECTIONS_PER_TURN) {
    // The first slice waits a turn too: the caller (showing the runbook) goes first.
    await new Promise((resolve) => setImmediate(resolve));
    if (!current()) return null;
    const slice = scoreSections(runbook, seen, from, Math.min(runbook.sections.length, from + SECTIONS_PER_TURN));
    scored.push(...slice.scored);
    namesRunbook ??= slice.namesRunbook;
  }
  return ranked(runbook, scored, namesRunbook, limit);
}

/** Scores the suggestable sections `from` to `to`; `namesRunbook` as alertEvidence says. */
function scoreSections(runbook: Runbook, seen: ObservedState, from: number, to: number): { scored: Scored[]; namesRunbook: string | null } {
  const texts = sectionMatchTexts(runbook);
  const alerts = alertEvidence(runbook, texts, seen.alerts ?? [], from, to);
  const scored: Scored[] = [];
  const panels = seen.critPanels.map((panel) => ({ panel, errors: ERRORS.test(panel), latency: LATENCY.test(panel) }));
  const someDown = seen.downServices.length > 0 && !seen.allDown;
  for (let index = from; index < to; index++) {
    const text = texts[index]!;
    if (!suggestable(runbook, index)) continue;
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
    if (someDown && SERVICE_DOWN.test(text) && !OUTAGE.test(text)) {
      score += 2;
      if (reasons.length === 0) reasons.push('a service is down');
    }
    for (const { panel, errors, latency } of panels) {
      if (mentions(text, panel)) {
        score += 5;
        reasons.push(`${panel} is critical`);
      } else if (errors && ERRORS.test(text) && /\b(high|rate|spike|elevated)\b/i.test(text)) {
        score += 4;
        reasons.push('high error rate');
      } else if (latency && LATENCY.test(text)) {
        score += 4;
        reasons.push('slow responses');
      }
    }
    score += alerts.points[index - from]!;
    const fromAlerts = alerts.reasons[index - from]!;
    if (fromAlerts.length > 0) {
      // An alert's own link says more than what the board shows: its reason is read first.
      const linked = fromAlerts.filter((r) => r.endsWith('runbook_url'));
      reasons.unshift(...linked);
      reasons.push(...fromAlerts.filter((r) => !linked.includes(r)));
    }
    scored.push({ index, score, reasons });
  }
  return { scored, namesRunbook: alerts.namesRunbook };
}

/** The best `limit` of the scored sections; an alert naming the runbook but no section of it points at the best one. */
function ranked(runbook: Runbook, scored: Scored[], namesRunbook: string | null, limit: number): SectionSuggestion[] {
  if (namesRunbook !== null && scored.length > 0) {
    // The alert names this runbook but no section of it: its best section so far is where it
    // points; when nothing else fits, the first one under the runbook's own title.
    const titled = (s: { index: number }) => runbook.sections[s.index]!.level === 1 && runbook.sections[s.index]!.title === runbook.title;
    const first = scored.find((s) => !titled(s)) ?? scored[0]!;
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a), first);
    best.score += FILE_POINTS;
    best.reasons.unshift(`${namesRunbook} runbook_url`);
  }
  return scored
    .filter((s) => s.score > 0)
    .map((s) => ({ index: s.index, title: sectionLabel(runbook, s.index), line: runbook.sections[s.index]!.line, score: s.score, reason: [...new Set(s.reasons)].join(', ') }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit);
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
