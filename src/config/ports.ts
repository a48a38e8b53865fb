// `ports: "8000-8009,5700"`: one status-board row per port, so a fleet of ports reads as rows.

/** The most rows one `ports:` entry may expand to; past this it is almost surely a typo. */
export const MAX_PORT_ROWS = 10_000;

/** The ports a spec names, in order, or an error message saying what is wrong with it. */
export function parsePorts(spec: string | number | (string | number)[]): number[] | string {
  const pieces = Array.isArray(spec) ? spec.map(String) : String(spec).split(',');
  const ports: number[] = [];
  const seen = new Set<number>();
  for (const raw of pieces) {
    const piece = raw.trim();
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(piece);
    if (!m) return `expected ports like "8000-8009,5700", got "${piece}"`;
    const low = Number(m[1]);
    const high = m[2] === undefined ? low : Number(m[2]);
    for (const p of [low, high]) {
      if (p < 1 || p > 65535) return `port ${p} is out of range 1-65535`;
    }
    if (high < low) return `range ${piece} runs backwards`;
    if (ports.length + (high - low + 1) > MAX_PORT_ROWS) return `expands to more than ${MAX_PORT_ROWS} rows`;
    for (let p = low; p <= high; p++) {
      if (seen.has(p)) return `port ${p} is listed twice`;
      seen.add(p);
      ports.push(p);
    }
  }
  if (ports.length === 0) return 'names no port';
  return ports;
}
