// Level recognition for log lines. It runs once per line on the ingest hot path (B2: >= 2M
// lines/s on one core), so the structured forms (syslog `<N>`, JSON, logfmt, glog) are cheap
// anchored checks written by hand, and the plain-text level words are found by two precompiled
// regexes: measured here, irregexp's native code found the first level word ~2x faster than a
// hand-written char-code loop, and a library (lnav-style format files) would be far slower.

/** Severity of a line, ordered so that `>=` comparisons work ("warn or worse"). */
export const Level = {
  unknown: 0,
  trace: 1,
  debug: 2,
  info: 3,
  warn: 4,
  error: 5,
  critical: 6,
  fatal: 7,
} as const;

/** A level value (0..7). */
export type Level = (typeof Level)[keyof typeof Level];

/** Number of distinct levels, for per-level count arrays. */
export const LEVEL_COUNT = 8;

/** Level names indexed by value. */
export const LEVEL_NAMES = ['unknown', 'trace', 'debug', 'info', 'warn', 'error', 'critical', 'fatal'] as const;

/** One-letter marks shown beside each line (colour-blind safe: the letter carries the meaning). */
export const LEVEL_LETTERS = [' ', 'T', 'D', 'I', 'W', 'E', 'C', 'F'] as const;

/** An upper-case level word standing alone (`ERROR`, `WARN:`, `[INFO]`), leftmost wins. */
const UPPER_WORDS = 'TRACE|TRC|DEBUG|DEBU|DBG|INFO|INF|NOTICE|WARN|WARNING|WRN|ERROR|ERR|ERRO|CRITICAL|CRIT|FATAL|PANIC|EMERG|ALERT';
const BRACKET_WORDS = 'trace|debug|info|notice|warn|warning|error|err|crit|critical|fatal|panic|emerg|alert';

/** `error` as `[Ee][Rr][Rr][Oo][Rr]`: case-insensitive for this part only of one regex. */
function anyCase(words: string): string {
  return words.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);
}

/**
 * One scan finds the first of: a logfmt `level=` key, an upper-case level word standing alone
 * (`ERROR`, `WARN:`), a bracketed level word in any case (`[error]` as nginx writes it), or a
 * JSON `"level":` key (an object after a timestamp prefix; measured: one more alternative here
 * costs less than a separate look for the object after the prefix, which added 20-30 ns a line).
 * One regex instead of three searches: a line with no level at all is scanned once, not thrice.
 */
const LEVEL_MARK = new RegExp(`\\blevel=|\\b(?:${UPPER_WORDS})\\b|\\[(?:${anyCase(BRACKET_WORDS)})\\]|"(?:level|severity)":`);


// Syslog severities 0..7 (emerg, alert, crit, err, warning, notice, info, debug).
const SYSLOG: readonly Level[] = [
  Level.fatal, Level.critical, Level.critical, Level.error, Level.warn, Level.info, Level.info, Level.debug,
];

const WORDS: Array<[Level, string[]]> = [
  [Level.trace, ['TRACE', 'TRC']],
  [Level.debug, ['DEBUG', 'DEBU', 'DBG']],
  [Level.info, ['INFO', 'INF', 'NOTICE']],
  [Level.warn, ['WARN', 'WARNING', 'WRN']],
  [Level.error, ['ERROR', 'ERR', 'ERRO']],
  [Level.critical, ['CRITICAL', 'CRIT']],
  [Level.fatal, ['FATAL', 'PANIC', 'EMERG', 'ALERT']],
];

// Every word in upper, lower and capitalised form: one Map lookup instead of toUpperCase and a
// string switch per line (that pair cost ~80 ns a line, a third of the classifier).
const WORD_LEVELS = new Map<string, Level>();
for (const [level, words] of WORDS) {
  for (const word of words) {
    WORD_LEVELS.set(word, level);
    WORD_LEVELS.set(word.toLowerCase(), level);
    WORD_LEVELS.set(word[0] + word.slice(1).toLowerCase(), level);
  }
}

/** Maps a level word (any case) to a level, or unknown. */
export function levelFromWord(word: string): Level {
  const level = WORD_LEVELS.get(word);
  if (level !== undefined) return level;
  return word.length <= 8 ? (WORD_LEVELS.get(word.toUpperCase()) ?? Level.unknown) : Level.unknown;
}

/** Classifies one (already neutralised) line. */
export function classifyLevel(line: string): Level {
  const first = line.charCodeAt(0);
  if (first === 60 /* < */) {
    const syslog = syslogLevel(line);
    if (syslog !== Level.unknown) return syslog;
  } else if (first === 123 /* { */) {
    const json = jsonLevel(line, 0);
    if (json !== Level.unknown) return json;
  }
  const glog = glogLevel(line, first);
  if (glog !== Level.unknown) return glog;
  return scanMarks(line);
}

function syslogLevel(line: string): Level {
  let priority = 0;
  let i = 1;
  for (; i < 5 && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 62 /* > */) break;
    if (c < 48 || c > 57) return Level.unknown;
    priority = priority * 10 + (c - 48);
  }
  if (i === 1 || line.charCodeAt(i) !== 62 || priority > 191) return Level.unknown;
  return SYSLOG[priority & 7];
}

function jsonLevel(line: string, from: number): Level {
  let at = line.indexOf('"level"', from);
  let skip = 7;
  if (at === -1) {
    at = line.indexOf('"severity"', from);
    skip = 10;
  }
  if (at === -1) return Level.unknown;
  let i = at + skip;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 58)) i++;
  if (line.charCodeAt(i) === 34 /* " */) {
    const end = line.indexOf('"', i + 1);
    return end === -1 ? Level.unknown : levelFromWord(line.slice(i + 1, end));
  }
  // Numeric levels as pino/bunyan write them: 10 trace .. 60 fatal.
  const n = Number.parseInt(line.slice(i, i + 3), 10);
  if (Number.isNaN(n)) return Level.unknown;
  if (n >= 60) return Level.fatal;
  if (n >= 50) return Level.error;
  if (n >= 40) return Level.warn;
  if (n >= 30) return Level.info;
  if (n >= 20) return Level.debug;
  return n >= 10 ? Level.trace : Level.unknown;
}

function logfmtLevel(line: string, start: number): Level {
  let i = start;
  let quoted = false;
  if (line.charCodeAt(i) === 34) {
    quoted = true;
    i++;
  }
  let end = i;
  while (end < line.length) {
    const c = line.charCodeAt(end);
    if (c === 32 || (quoted && c === 34)) break;
    end++;
  }
  return levelFromWord(line.slice(i, end));
}

// glog/klog (kubectl logs of Kubernetes components): `E1123 11:23:03.123456 ...`.
function glogLevel(line: string, first: number): Level {
  if (line.length < 7 || line.charCodeAt(5) !== 32) return Level.unknown;
  for (let i = 1; i < 5; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return Level.unknown;
  }
  switch (first) {
    case 73: return Level.info; // I
    case 87: return Level.warn; // W
    case 69: return Level.error; // E
    case 70: return Level.fatal; // F
    default: return Level.unknown;
  }
}

// search() gives the index without building a match array and substrings (exec() did, at
// nearly twice the cost); the regex has already proved a level word starts there, so its first
// two letters name it. The leftmost mark wins.
function scanMarks(line: string): Level {
  let from = 0;
  for (;;) {
    const found = (from === 0 ? line : line.slice(from)).search(LEVEL_MARK);
    if (found === -1) return Level.unknown;
    const at = from + found;
    const c = line.charCodeAt(at);
    if (c === 91 /* [ */) return levelFromInitials(line.charCodeAt(at + 1), line.charCodeAt(at + 2));
    // A JSON object after a prefix (`2026-… {"level":"error",…}`, as docker --timestamps and CRI
    // write it): its own level, found before any level word later in its message.
    if (c === 34 /* " */) {
      const json = jsonLevel(line, at);
      if (json !== Level.unknown) return json;
      from = at + 8;
      continue;
    }
    if (c !== 108 /* l(evel=) */) return levelFromInitials(c, line.charCodeAt(at + 1));
    // A logfmt key starts the line or follows a space; `x.level=` is some other key: look on.
    if (at === 0 || line.charCodeAt(at - 1) === 32) return logfmtLevel(line, at + 6);
    from = at + 6;
  }
}

/** The level of a known level word from its first two letters (any case). */
function levelFromInitials(first: number, second: number): Level {
  switch (first | 0x20) {
    case 116: return Level.trace; // t
    case 100: return Level.debug; // d
    case 105: case 110: return Level.info; // i, n(otice)
    case 119: return Level.warn; // w
    case 101: return (second | 0x20) === 109 ? Level.fatal : Level.error; // e(mERG) / e(RROR)
    case 99: return Level.critical; // c
    case 102: case 112: case 97: return Level.fatal; // f, p(anic), a(lert)
    default: return Level.unknown;
  }
}
