// The `expect.json` subset match: does the body contain what was expected? Objects match when
// every expected key matches; an array in expected matches if every expected element is matched
// by some element of the actual array (so `components: [{name: db, status: healthy}]` asks for a
// healthy db component wherever it sits). On a mismatch it explains the first difference in the
// words the board shows: "status=degraded, expected healthy".

/** Why a body does not contain the expected subset; null when it does. */
export function jsonMismatch(actual: unknown, expected: unknown): string | null {
  return mismatchAt(actual, expected, '');
}

function mismatchAt(actual: unknown, expected: unknown, path: string): string | null {
  if (Array.isArray(expected)) return arrayMismatch(actual, expected, path);
  if (isObject(expected)) {
    if (!isObject(actual)) return `${name(path)}=${show(actual)}, expected an object`;
    for (const [key, want] of Object.entries(expected)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in actual)) return `${at} missing, expected ${show(want)}`;
      const why = mismatchAt(actual[key], want, at);
      if (why) return why;
    }
    return null;
  }
  if (Object.is(actual, expected) || actual === expected) return null;
  return `${name(path)}=${show(actual)}, expected ${show(expected)}`;
}

function arrayMismatch(actual: unknown, expected: unknown[], path: string): string | null {
  if (!Array.isArray(actual)) return `${name(path)}=${show(actual)}, expected a list`;
  for (const want of expected) {
    if (actual.some((item) => mismatchAt(item, want, '') === null)) continue;
    if (actual.length === 0) return `${name(path)} is empty, expected ${show(want)}`;
    // Explain against the element that comes closest, named by a key it shares with the expected one.
    const best = closest(actual, want);
    return mismatchAt(actual[best], want, `${path}${elementName(actual[best], want, best)}`);
  }
  return null;
}

function closest(actual: unknown[], want: unknown): number {
  let best = 0;
  let bestScore = -1;
  actual.forEach((item, index) => {
    const score = sharedScalars(item, want);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

// Earlier keys weigh more: in `{name: db, status: healthy}` the name says which element is meant.
function sharedScalars(item: unknown, want: unknown): number {
  if (!isObject(item) || !isObject(want)) return 0;
  const entries = Object.entries(want);
  return entries.reduce(
    (score, [k, v], i) => (!isObject(v) && !Array.isArray(v) && item[k] === v ? score + entries.length - i : score),
    0,
  );
}

function elementName(item: unknown, want: unknown, index: number): string {
  if (isObject(item) && isObject(want)) {
    for (const [key, value] of Object.entries(want)) {
      if (typeof value === 'string' && item[key] === value) return `[${key}=${value}]`;
    }
  }
  return `[${index}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function name(path: string): string {
  return path || 'body';
}

function show(v: unknown): string {
  const text = typeof v === 'string' ? v : v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
