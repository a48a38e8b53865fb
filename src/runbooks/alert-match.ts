// Firing alerts as evidence for a runbook section. An alert whose `runbook_url` names this
// runbook's file is the strongest signal (the rule's author said where to look), and its
// `#anchor` names the section by its heading, as GitHub renders it. Then the alert's name and
// summary against the section's heading and symptoms, and the service it fires for.
import { basename, extname } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Runbook } from './model.js';
import { ERRORS, LATENCY, mentions, nameWords, SERVICE_DOWN } from './symptom-words.js';

/** A firing alert as the runbook suggestion reads it (its text already safe for the terminal). */
export interface ObservedAlert {
  name: string;
  /** Its `summary` (else `description`) annotation. */
  summary: string | null;
  /** What it fires for: its service/app/job label, and the board's service it is linked to. */
  services: string[];
  runbookUrl: string | null;
}

/** What a `runbook_url` names: a file (its last path segment, lower case) and a heading anchor. */
export interface RunbookLink {
  file: string;
  anchor: string | null;
}

/** Points for the section a `runbook_url` anchor names (the file-only link: FILE_POINTS in symptoms.ts). */
const ANCHOR_POINTS = 20;
const NAME_POINTS = 6;
const SERVICE_POINTS = 5;
const KIND_POINTS = 3;
/** Words shared by the alert and the section count only from this many on, one point each up to the cap. */
const SHARED_WORDS_FROM = 2;
const SHARED_WORDS_CAP = 3;

/** Reads a `runbook_url` (absolute, or relative to the runbooks folder); null when it names no file. */
export function runbookLink(url: string): RunbookLink | null {
  let parsed: URL;
  try {
    parsed = new URL(url, 'file:///');
  } catch {
    return null;
  }
  let file: string;
  let anchor: string;
  try {
    file = decodeURIComponent(parsed.pathname.split('/').pop() ?? '');
    anchor = decodeURIComponent(parsed.hash.slice(1));
  } catch {
    return null;
  }
  if (file === '') return null;
  return { file: file.toLowerCase(), anchor: anchor === '' ? null : anchor.toLowerCase() };
}

/** Whether a link names the runbook in `file`: its file name, or its name without `.md` for a wiki-style link. */
export function linksTo(link: RunbookLink, file: string): boolean {
  const name = basename(file).toLowerCase();
  if (link.file === name) return true;
  return extname(link.file) === '' && link.file === name.slice(0, name.length - extname(name).length);
}

/** Each section's anchor as GitHub renders the file ('' for the text before the first heading); a repeated heading gets `-1`, `-2`. */
export function sectionAnchors(runbook: Runbook): string[] {
  const slugger = new GithubSlugger();
  return runbook.sections.map((section) => (section.level === 0 ? '' : slugger.slug(section.title)));
}

/** What the alerts add to each section: points and reasons by section index, and the alert naming the runbook without a section. */
export interface AlertEvidence {
  points: number[];
  reasons: string[][];
  /** The name of an alert whose `runbook_url` names this runbook but no section of it; null when none does. */
  namesRunbook: string | null;
}

/**
 * Scores the sections `from` to `to` (all by default) of `runbook`, whose match texts are `texts`,
 * against the firing alerts; `points` and `reasons` are indexed from `from`.
 */
export function alertEvidence(runbook: Runbook, texts: readonly string[], alerts: readonly ObservedAlert[], from = 0, to = texts.length): AlertEvidence {
  const points = Array.from({ length: to - from }, () => 0);
  const reasons: string[][] = Array.from({ length: to - from }, () => []);
  let namesRunbook: string | null = null;
  const add = (index: number, score: number, reason: string) => {
    points[index - from]! += score;
    if (!reasons[index - from]!.includes(reason)) reasons[index - from]!.push(reason);
  };
  for (const alert of alerts) {
    const link = alert.runbookUrl === null ? null : runbookLink(alert.runbookUrl);
    if (link && linksTo(link, runbook.file)) {
      const at = link.anchor === null ? -1 : anchorsOf(runbook).indexOf(link.anchor);
      if (at >= from && at < to) add(at, ANCHOR_POINTS, `${alert.name} runbook_url`);
      else if (at < 0) namesRunbook ??= alert.name;
    }
    const words = `${nameWords(alert.name)}\n${alert.summary ?? ''}`;
    const own = wordsOf(words);
    const kinds = [ERRORS, LATENCY, SERVICE_DOWN].filter((kind) => kind.test(words));
    const spelledOut = nameWords(alert.name);
    for (let index = from; index < to; index++) {
      const text = texts[index]!;
      let score = 0;
      if (mentions(text, alert.name) || mentions(text, spelledOut)) score += NAME_POINTS;
      if (alert.services.some((service) => mentions(text, service))) score += SERVICE_POINTS;
      for (const kind of kinds) if (kind.test(text)) score += KIND_POINTS;
      let shared = 0;
      for (const word of sectionWords(texts, index)) if (own.has(word)) shared++;
      if (shared >= SHARED_WORDS_FROM) score += Math.min(shared, SHARED_WORDS_CAP);
      if (score > 0) add(index, score, `alert ${alert.name}`);
    }
  }
  return { points, reasons, namesRunbook };
}

/** Each runbook's section anchors, worked out when an alert first links to it. */
const anchorsByRunbook = new WeakMap<Runbook, string[]>();

function anchorsOf(runbook: Runbook): string[] {
  let anchors = anchorsByRunbook.get(runbook);
  if (!anchors) {
    anchors = sectionAnchors(runbook);
    anchorsByRunbook.set(runbook, anchors);
  }
  return anchors;
}

/** The words of each text, made as asked and kept while the texts are (a runbook's match texts live as long as the runbook). */
const wordsOfTexts = new WeakMap<readonly string[], (Set<string> | undefined)[]>();

function sectionWords(texts: readonly string[], index: number): Set<string> {
  let words = wordsOfTexts.get(texts);
  if (!words) {
    words = [];
    wordsOfTexts.set(texts, words);
  }
  return (words[index] ??= wordsOf(texts[index]!));
}

/** Words too common in alerts and runbooks to say anything. */
const COMMON = new Set(['that', 'this', 'with', 'from', 'than', 'above', 'below', 'over', 'under', 'more', 'less', 'have', 'been', 'when', 'what', 'then', 'service', 'alert', 'instance', 'check', 'runbook']);

/** The telling words of a text, lower case, a plural's `s` dropped. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(/[a-z][a-z0-9]{3,}/g)) {
    const stem = word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    if (!COMMON.has(stem)) out.add(stem);
  }
  return out;
}
