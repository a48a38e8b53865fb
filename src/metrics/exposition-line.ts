// The line-level grammar shared by both exposition formats: tokens, quoted label values, numbers,
// HELP escapes. exposition.ts puts lines together into metric families.

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

/** Metric names: the 0.0.4 and OpenMetrics grammar. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/** Label names. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A 0.0.4 timestamp: integer milliseconds. */
export const INTEGER = /^-?\d+$/;


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

/** Characters of a metric or label name (checked against the exact grammar after). */
const NAME_CHARS = /[a-zA-Z0-9_:]*/y;
/** Label value characters that need no escape handling. */
const PLAIN_CHARS = /[^"\\]*/y;

/** Reads characters of one line; every failure is an ExpositionParseError for that line. */
export class LineReader {
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
    NAME_CHARS.lastIndex = this.pos;
    const found = NAME_CHARS.exec(this.text)?.[0] ?? '';
    this.pos += found.length;
    if (!pattern.test(found)) this.fail(`invalid ${what}`);
    return found;
  }
  /** A quoted label value: only \\, \" and \n escapes are legal. */
  quoted(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      PLAIN_CHARS.lastIndex = this.pos;
      const plain = PLAIN_CHARS.exec(this.text)?.[0] ?? '';
      out += plain;
      this.pos += plain.length;
      const ch = this.text[this.pos++];
      if (ch === undefined) this.fail('unterminated label value');
      if (ch === '"') return out;
      const next = this.text[this.pos++];
      if (next === '\\') out += '\\';
      else if (next === '"') out += '"';
      else if (next === 'n') out += '\n';
      else this.fail('invalid escape in label value');
    }
  }
  labels(): Record<string, string> {
    const labels: Record<string, string> = {};
    const seen: string[] = [];
    this.expect('{');
    while (this.peek() !== '}') {
      const name = this.name(LABEL_NAME, 'label name');
      this.expect('=');
      const value = this.quoted();
      if (seen.includes(name)) this.fail(`duplicate label "${name}"`);
      seen.push(name);
      // A label may be called __proto__: define it rather than assign (which would set the prototype).
      if (name === '__proto__') Object.defineProperty(labels, name, { value, enumerable: true, writable: true, configurable: true });
      else labels[name] = value;
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== '}') this.fail('expected "," or "}"');
    }
    this.expect('}');
    return labels;
  }
}

/** HELP text escapes: Prometheus allows \\ and \n; OpenMetrics also \". */
export function unescapeHelp(text: string, om: boolean, lineNo: number): string {
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
