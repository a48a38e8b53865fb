// A strict parser for the Prometheus text exposition format (0.0.4) and OpenMetrics text 1.0.
// Written here rather than taken from npm: the maintained-looking package
// (parse-prometheus-text-format) merges histogram buckets of different label sets into one
// object, drops timestamps, keeps values as strings and knows nothing of OpenMetrics (`# EOF`,
// exemplars, `_total`/`_created`, `# UNIT`). A scrape panel needs exact per-series numbers, so
// this parser rejects what Prometheus itself would reject and is fuzzed in the tests.

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

/** The only error `parseExposition` throws, naming the line at fault. */
export class ExpositionParseError extends Error {
  /** 1-based line number. */
  readonly line: number;
  constructor(line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'ExpositionParseError';
    this.line = line;
  }
}

const PROM_TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const OM_TYPES = new Set(['counter', 'gauge', 'histogram', 'gaugehistogram', 'summary', 'info', 'stateset', 'unknown']);
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

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

/**
 * Parses a float the way Prometheus does (Go's ParseFloat): decimals, exponents, and NaN/Inf
 * spelled in any case — prom-client writes NaN as "Nan", and Prometheus accepts it.
 */
export function parseFloatStrict(text: string): number | undefined {
  if (NUMBER.test(text)) return Number(text);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (!special) return undefined;
  if (special[2]!.toLowerCase() === 'nan') return special[1] ? undefined : NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** Reads characters of one line; every failure is an ExpositionParseError for that line. */
class LineReader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly lineNo: number,
  ) {}
  fail(reason: string): never {
    throw new ExpositionParseError(this.lineNo, reason);
  }
  done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  expect(ch: string): void {
    if (this.text[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos++;
  }
  /** Skips blanks; in OpenMetrics exactly one space separates tokens. */
  blanks(om: boolean, required: boolean): void {
    const start = this.pos;
    if (om) {
      if (this.text[this.pos] === ' ') this.pos++;
    } else {
      while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++;
    }
    if (required && this.pos === start) this.fail('expected a space');
  }
  token(): string {
    const start = this.pos;
    while (this.pos < this.text.length && this.text[this.pos] !== ' ' && this.text[this.pos] !== '\t') this.pos++;
    return this.text.slice(start, this.pos);
  }
  name(pattern: RegExp, what: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && /[a-zA-Z0-9_:]/.test(this.text[this.pos]!)) this.pos++;
    const found = this.text.slice(start, this.pos);
    if (!pattern.test(found)) this.fail(`invalid ${what}`);
    return found;
  }
  /** A quoted label value: only \\, \" and \n escapes are legal. */
  quoted(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      const ch = this.text[this.pos++];
      if (ch === undefined) this.fail('unterminated label value');
      if (ch === '"') return out;
      if (ch === '\\') {
        const next = this.text[this.pos++];
        if (next === '\\') out += '\\';
        else if (next === '"') out += '"';
        else if (next === 'n') out += '\n';
        else this.fail('invalid escape in label value');
      } else {
        out += ch;
      }
    }
  }
  labels(): Record<string, string> {
    const labels: Record<string, string> = Object.create(null);
    this.expect('{');
    while (this.peek() !== '}') {
      const name = this.name(LABEL_NAME, 'label name');
      this.expect('=');
      const value = this.quoted();
      if (Object.hasOwn(labels, name)) this.fail(`duplicate label "${name}"`);
      labels[name] = value;
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') this.fail('expected "," or "}"');
    }
    this.expect('}');
    return { ...labels };
  }
}

/** HELP text escapes: Prometheus allows \\ and \n; OpenMetrics also \". */
function unescapeHelp(text: string, om: boolean, lineNo: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[++i];
    if (next === '\\') out += '\\';
    else if (next === 'n') out += '\n';
    else if (next === '"' && om) out += '"';
    else if (!om && next !== undefined) out += `\\${next}`; // the 0.0.4 parser keeps unknown escapes
    else throw new ExpositionParseError(lineNo, 'invalid escape in HELP');
  }
  return out;
}

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
