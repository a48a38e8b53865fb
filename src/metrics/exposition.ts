// A strict parser for the Prometheus text exposition format (0.0.4) and OpenMetrics text 1.0.
// Written here rather than taken from npm: the maintained-looking package
// (parse-prometheus-text-format) merges histogram buckets of different label sets into one
// object, drops timestamps, keeps values as strings and knows nothing of OpenMetrics (`# EOF`,
// exemplars, `_total`/`_created`, `# UNIT`). A scrape panel needs exact per-series numbers, so
// this parser rejects what Prometheus itself would reject and is fuzzed in the tests.
import { ExpositionParseError, INTEGER, LineReader, METRIC_NAME, parseFloatStrict, unescapeHelp } from './exposition-line.js';

export { ExpositionParseError, parseFloatStrict } from './exposition-line.js';

/** Metric types of both formats (OpenMetrics adds gaugehistogram, info, stateset, unknown). */
export type MetricType =
  | 'counter'
  | 'gauge'
  | 'histogram'
  | 'gaugehistogram'
  | 'summary'
  | 'info'
  | 'stateset'
  | 'untyped'
  | 'unknown';

/** One sample line. */
export interface Sample {
  /** The full sample name, suffix included (`http_requests_total`, `latency_bucket`). */
  name: string;
  labels: Record<string, string>;
  /** NaN and ±Infinity are kept as such. */
  value: number;
  /** Epoch ms when the line carried a timestamp. */
  timestampMs?: number;
}

/** All samples sharing one `# TYPE` (or one name, when untyped). */
export interface MetricFamily {
  name: string;
  type: MetricType;
  help?: string;
  unit?: string;
  samples: Sample[];
}

/** Which text format to read; `auto` picks OpenMetrics when the text ends in `# EOF`. */
export type ExpositionFormat = 'prometheus' | 'openmetrics' | 'auto';

const PROM_TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const OM_TYPES = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown']);
/** Suffixes a sample may carry and still belong to a family of the given type. */
function suffixesFor(type: MetricType, om: boolean): string[] {
  switch (type) {
    case 'histogram':
      return om ? ['_bucket', '_sum', '_count', '_created'] : ['_bucket', '_sum', '_count'];
    case 'gaugehistogram':
      return ['_bucket', '_gsum', '_gcount'];
    case 'summary':
      return om ? ['_sum', '_count', '_created'] : ['_sum', '_count'];
    case 'counter':
      return om ? ['_total', '_created'] : [];
    case 'info':
      return ['_info'];
    default:
      return [];
  }
}

const ALL_SUFFIXES = ['_bucket', '_sum', '_count', '_created', '_gsum', '_gcount', '_total', '_info'];

interface ParseState {
  om: boolean;
  families: Map<string, MetricFamily>;
  order: MetricFamily[];
  /** Families that already have samples, so a late TYPE/HELP is rejected. */
  sampled: Set<string>;
  typed: Set<string>;
  current: MetricFamily | null;
}

function family(state: ParseState, name: string, lineNo: number): MetricFamily {
  let found = state.families.get(name);
  if (!found) {
    found = { name, type: state.om ? 'unknown' : 'untyped', samples: [] };
    state.families.set(name, found);
    state.order.push(found);
  } else if (state.om && state.current !== found && found.samples.length > 0) {
    throw new ExpositionParseError(lineNo, `metric family "${name}" is interleaved with another`);
  }
  return found;
}

function metadataLine(state: ParseState, line: string, lineNo: number): void {
  const match = /^# (HELP|TYPE|UNIT) (\S+)(?: (.*))?$/.exec(line);
  if (!match) {
    if (state.om) throw new ExpositionParseError(lineNo, 'comments are not allowed in OpenMetrics');
    return; // a plain comment
  }
  const [, keyword, name, rest = ''] = match;
  if (!METRIC_NAME.test(name!)) throw new ExpositionParseError(lineNo, 'invalid metric name');
  if (keyword === 'UNIT' && !state.om) return; // not a 0.0.4 keyword: an ordinary comment
  if (state.sampled.has(name!)) throw new ExpositionParseError(lineNo, `${keyword} after samples of "${name}"`);
  const fam = family(state, name!, lineNo);
  state.current = fam;
  if (keyword === 'HELP') {
    if (fam.help !== undefined) throw new ExpositionParseError(lineNo, `second HELP for "${name}"`);
    fam.help = unescapeHelp(rest, state.om, lineNo);
  } else if (keyword === 'TYPE') {
    const types = state.om ? OM_TYPES : PROM_TYPES;
    if (!types.has(rest)) throw new ExpositionParseError(lineNo, `unknown type "${rest}"`);
    if (state.typed.has(name!)) throw new ExpositionParseError(lineNo, `second TYPE for "${name}"`);
    state.typed.add(name!);
    fam.type = rest as MetricType;
  } else {
    if (fam.unit !== undefined) throw new ExpositionParseError(lineNo, `second UNIT for "${name}"`);
    fam.unit = rest;
  }
}

/** Finds the family a sample name belongs to: its own name, or a typed family plus a suffix. */
function familyOf(state: ParseState, sampleName: string, lineNo: number): MetricFamily {
  const cur = state.current;
  if (cur && (cur.name === sampleName || suffixesFor(cur.type, state.om).some((s) => cur.name + s === sampleName))) {
    if (state.om && cur.type === 'counter' && sampleName === cur.name) {
      throw new ExpositionParseError(lineNo, 'an OpenMetrics counter sample needs the _total suffix');
    }
    return cur;
  }
  for (const suffix of ALL_SUFFIXES) {
    if (!sampleName.endsWith(suffix)) continue;
    const base = sampleName.slice(0, -suffix.length);
    const fam = state.families.get(base);
    if (fam && suffixesFor(fam.type, state.om).includes(suffix)) return family(state, base, lineNo);
  }
  return family(state, sampleName, lineNo);
}

function sampleLine(state: ParseState, line: string, lineNo: number): void {
  const r: LineReader = new LineReader(line, lineNo);
  const name = r.name(METRIC_NAME, 'metric name');
  const labels = r.peek() === '{' ? r.labels() : {};
  r.blanks(state.om, true);
  const value = parseFloatStrict(r.token());
  if (value === undefined) r.fail('invalid value');
  let timestampMs: number | undefined;
  r.blanks(state.om, false);
  if (!r.done() && r.peek() !== '#') {
    const ts = r.token();
    if (state.om) {
      const seconds = parseFloatStrict(ts);
      if (seconds === undefined || !Number.isFinite(seconds)) r.fail('invalid timestamp');
      timestampMs = Math.round(seconds * 1000);
    } else {
      if (!INTEGER.test(ts)) r.fail('invalid timestamp');
      timestampMs = Number(ts);
    }
    r.blanks(state.om, false);
  }
  if (!r.done()) {
    if (!state.om || r.peek() !== '#') r.fail('unexpected text after the value');
    exemplar(r); // validated, not kept: the panels never show exemplars
  }
  const fam = familyOf(state, name, lineNo);
  checkSpecialLabels(fam, name, labels, lineNo);
  state.current = fam;
  state.sampled.add(fam.name);
  fam.samples.push(timestampMs === undefined ? { name, labels, value } : { name, labels, value, timestampMs });
}

/** `# {labels} value [timestamp]` after an OpenMetrics sample. */
function exemplar(r: LineReader): void {
  r.expect('#');
  r.expect(' ');
  r.labels();
  r.expect(' ');
  if (parseFloatStrict(r.token()) === undefined) r.fail('invalid exemplar value');
  if (!r.done()) {
    r.expect(' ');
    const ts = parseFloatStrict(r.token());
    if (ts === undefined || !Number.isFinite(ts)) r.fail('invalid exemplar timestamp');
  }
  if (!r.done()) r.fail('unexpected text after the exemplar');
}

function checkSpecialLabels(fam: MetricFamily, name: string, labels: Record<string, string>, lineNo: number): void {
  const isBucket = (fam.type === 'histogram' || fam.type === 'gaugehistogram') && name === `${fam.name}_bucket`;
  if (isBucket && (labels.le === undefined || parseFloatStrict(labels.le) === undefined)) {
    throw new ExpositionParseError(lineNo, 'a histogram bucket needs a numeric "le" label');
  }
  if (fam.type === 'summary' && name === fam.name && (labels.quantile === undefined || parseFloatStrict(labels.quantile) === undefined)) {
    throw new ExpositionParseError(lineNo, 'a summary quantile needs a numeric "quantile" label');
  }
}

/** Parses a whole exposition; throws ExpositionParseError (and nothing else) on bad input. */
export function parseExposition(text: string, format: ExpositionFormat = 'auto'): MetricFamily[] {
  const om = format === 'openmetrics' || (format === 'auto' && /(^|\n)# EOF\n?$/.test(text));
  const state: ParseState = { om, families: new Map(), order: [], sampled: new Set(), typed: new Set(), current: null };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let sawEof = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (sawEof) throw new ExpositionParseError(lineNo, 'text after # EOF');
    if (om && line === '# EOF') {
      sawEof = true;
    } else if (line.trim() === '') {
      if (om) throw new ExpositionParseError(lineNo, 'blank lines are not allowed in OpenMetrics');
    } else if (line.startsWith('#')) {
      if (om && !line.startsWith('# ')) throw new ExpositionParseError(lineNo, 'comments are not allowed in OpenMetrics');
      metadataLine(state, om ? line : line.replace(/^#[ \t]+/, '# ').replace(/[ \t]+$/, ''), lineNo);
    } else {
      sampleLine(state, om ? line : line.replace(/^[ \t]+/, ''), lineNo);
    }
  }
  if (om && !sawEof) throw new ExpositionParseError(lines.length + 1, 'missing # EOF');
  return state.order.map(({ name, type, help, unit, samples }) => ({
    name,
    type,
    ...(help !== undefined ? { help } : {}),
    ...(unit !== undefined ? { unit } : {}),
    samples,
  }));
}
