// Post-mortems in the shapes teams already use: the default draft, the Google SRE book's,
// PagerDuty's and Atlassian's, or a team's own Markdown template with named fields filled from
// the timeline (`warroom export --template NAME|FILE`).
//
// The template engine is LiquidJS, loaded only when a template is rendered (the console and the
// default draft never load it). Liquid was made for templates written by people other than the
// program's authors: it interprets templates rather than compiling them to JavaScript (as
// Handlebars, EJS and Eta do; EJS and Eta run any JavaScript a template holds), and reads files
// only through a file system it is given; here that is an empty in-memory one, so `include`,
// `render` and `layout` cannot read anything. Only a template's own properties of the plain data
// are visible (`ownPropertyOnly`), unknown fields and filters are errors (a typo is reported,
// not rendered as nothing), and parse, render time and memory are bounded.
import { readFileSync } from 'node:fs';
import type { Redactor } from '../text/redact.js';
import type { IncidentFacts } from './facts.js';
import { renderMarkdown, renderSections } from './markdown.js';
import { wrap } from './markdown-escape.js';
import { templateFields } from './template-fields.js';
import { ATLASSIAN_TEMPLATE } from './templates/atlassian.js';
import { GOOGLE_SRE_TEMPLATE } from './templates/google-sre.js';
import { PAGERDUTY_TEMPLATE } from './templates/pagerduty.js';

/** The built-in template names (`default` is the draft `warroom export` writes without one). */
export const TEMPLATE_NAMES = ['default', 'google-sre', 'pagerduty', 'atlassian'] as const;

const BUILT_IN: Record<string, string> = {
  'google-sre': GOOGLE_SRE_TEMPLATE,
  google: GOOGLE_SRE_TEMPLATE,
  pagerduty: PAGERDUTY_TEMPLATE,
  atlassian: ATLASSIAN_TEMPLATE,
};

/** A template that cannot be read or rendered; the message names the file, line and column when known. */
export class TemplateError extends Error {}

/** Largest template file read (a post-mortem template is a page or two). */
const MAX_TEMPLATE_BYTES = 256 * 1024;

/** A template by name, or a team's template file. */
export type TemplateChoice = { name: string } | { file: string };

/** The template's text and the name to report errors under; null for the default draft. */
export function loadTemplate(choice: TemplateChoice): { text: string; label: string } | null {
  if ('name' in choice) {
    if (choice.name === 'default') return null;
    const text = BUILT_IN[choice.name];
    if (text === undefined) throw new TemplateError(`no template named ${choice.name} (built in: ${TEMPLATE_NAMES.join(', ')}; or give a file)`);
    return { text, label: `template ${choice.name}` };
  }
  let raw: Buffer;
  try {
    raw = readFileSync(choice.file);
  } catch (error) {
    throw new TemplateError(`cannot read template ${choice.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (raw.length > MAX_TEMPLATE_BYTES) throw new TemplateError(`template ${choice.file} is larger than ${MAX_TEMPLATE_BYTES / 1024} KB`);
  return { text: raw.toString('utf8'), label: choice.file };
}

/** Reads `NAME` as a built-in template and anything else (a path) as a file. */
export function templateChoice(value: string): TemplateChoice {
  return value in BUILT_IN || value === 'default' ? { name: value } : { file: value };
}

/** What clock-reading a template is refused: the same journal must give the same bytes. */
const CLOCK_WORDS = new Set(['now', 'today']);

/** Renders the post-mortem of `facts` with a template (the default draft for `default`). */
export async function renderWithTemplate(facts: IncidentFacts, redactor: Redactor, choice: TemplateChoice): Promise<string> {
  const template = loadTemplate(choice);
  if (!template) return renderMarkdown(facts, redactor);
  // The bundle (esbuild) loads liquidjs's CommonJS build, whose exports arrive under `default`.
  const liquidjs = (await import('liquidjs')) as typeof import('liquidjs') & { default?: typeof import('liquidjs') };
  const Liquid = liquidjs.Liquid ?? liquidjs.default?.Liquid;
  const engine = new Liquid({
    templates: {},
    relativeReference: false,
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: true,
    timezoneOffset: 0,
    parseLimit: MAX_TEMPLATE_BYTES,
    renderLimit: 2_000,
    // Ranges and array filters count against it: `(1..100000000)` is refused at once rather than built.
    memoryLimit: 1e7,
  });
  const builtInDate = engine.filters.date;
  const date = typeof builtInDate === 'function' ? builtInDate : builtInDate?.handler;
  if (date) {
    engine.registerFilter('date', function (this: ThisParameterType<typeof date>, value: unknown, ...args: unknown[]) {
      if (typeof value === 'string' && CLOCK_WORDS.has(value.trim().toLowerCase())) throw new Error('a template cannot read the clock ("now"): an export must not depend on when it runs');
      return date.call(this, value, ...args);
    });
  }
  // Wraps a field to a width with an indent for continuation lines (a quote's `> `, a list's `  `).
  engine.registerFilter('wrap', (value: unknown, width: unknown = 78, indent: unknown = '') =>
    wrap(String(value ?? ''), typeof width === 'number' ? width : Number(width) || 78, String(indent)),
  );
  const fields = templateFields(facts, renderSections(facts, redactor), redactor);
  try {
    const out = await engine.parseAndRender(template.text, fields);
    // One final newline, no trailing blank lines, no runs of blank lines (markdownlint MD012/MD047).
    return `${out.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  } catch (error) {
    const message = (error as Error).message.replace(/, line:(\d+), col:(\d+)/, '').split('\n')[0];
    const at = /line:(\d+), col:(\d+)/.exec((error as Error).message);
    throw new TemplateError(`${template.label}${at ? `:${at[1]}:${at[2]}` : ''}: ${message}`);
  }
}
