// The zoomed chart: series and the threshold line drawn on blessed-contrib's braille canvas
// (drawille-canvas-blessed-contrib), then turned into plain text runs, each with the theme's paint
// for what it draws, so Ink colours them — the canvas's own per-cell escape codes never reach the
// screen. The canvas only knows the 8 basic colours: they serve as ids of what was drawn (the
// threshold, series 1, series 2...), not as the colours shown. Axes and labels are laid out as
// text around the canvas.
import { createRequire } from 'node:module';
import { formatValue, type MetricUnit } from '../../src/metrics/units.js';
import type { Paint } from '../theme/theme.js';

/** The slice of the canvas context API used here (the package ships no types). */
interface BrailleContext {
  strokeStyle: string;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  _canvas: { frame(delimiter?: string): string };
}

type ContextConstructor = new (width: number, height: number) => BrailleContext;

let contextClass: ContextConstructor | undefined;

/** Loads the canvas the way blessed-contrib itself does, resolved from blessed-contrib's folder. */
function loadContext(): ContextConstructor {
  if (!contextClass) {
    const fromHere = createRequire(import.meta.url);
    const fromContrib = createRequire(fromHere.resolve('blessed-contrib/package.json'));
    contextClass = fromContrib('drawille-canvas-blessed-contrib') as ContextConstructor;
  }
  return contextClass;
}

/** A run of a canvas line in one of the canvas's basic colours (undefined: not drawn on). */
export interface CanvasRun {
  text: string;
  color?: string;
}

/** A run of the chart painted one way (no paint: the terminal's default). */
export interface ChartRun {
  text: string;
  paint?: Paint;
}

/** What to draw. */
export interface ChartInput {
  times: readonly number[];
  series: readonly { values: readonly (number | null)[] }[];
  unit: MetricUnit;
  /** Drawn as a horizontal dashed line. */
  threshold?: { value: number; paint: Paint };
  width: number;
  height: number;
  /** Paint per series, in order (cycled). */
  paints: readonly Paint[];
  /** Formats a time label. */
  timeLabel: (ms: number) => string;
}

/** Canvas colour ids: the threshold's, then one per series slot (series beyond them share slots). */
const THRESHOLD_ID = 'red';
const SERIES_IDS = ['cyan', 'green', 'magenta', 'blue', 'white', 'yellow', 'black'] as const;

const ANSI_NAMES: Record<string, string> = { '30': 'black', '31': 'red', '32': 'green', '33': 'yellow', '34': 'blue', '35': 'magenta', '36': 'cyan', '37': 'white' };

/** Splits one canvas frame line into runs, replacing each cell's escape code by a colour name. */
export function frameLineToRuns(line: string): CanvasRun[] {
  const runs: CanvasRun[] = [];
  // eslint-disable-next-line no-control-regex
  const cell = /\u001b\[(\d+)m([^\u001b])\u001b\[39m|([^\u001b])/gu;
  for (const match of line.matchAll(cell)) {
    const text = match[2] ?? match[3] ?? '';
    const color = match[1] ? ANSI_NAMES[match[1]] : undefined;
    const last = runs.at(-1);
    if (last && last.color === color) last.text += text;
    else runs.push(color ? { text, color } : { text });
  }
  return runs;
}

/** The y range: every value and the threshold, padded so a flat line is not on an edge. */
function yRange(series: ChartInput['series'], threshold?: number): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) for (const v of s.values) if (v !== null && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  if (threshold !== undefined) [lo, hi] = [Math.min(lo, threshold), Math.max(hi, threshold)];
  if (!Number.isFinite(lo)) return { lo: 0, hi: 1 };
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.1 || 1;
    return { lo: lo - pad, hi: hi + pad };
  }
  return { lo, hi };
}

/** Renders the chart as `height` lines of runs, each at most `width` columns. */
export function renderBrailleChart(input: ChartInput): ChartRun[][] {
  const { lo, hi } = yRange(input.series, input.threshold?.value);
  const labels = [formatValue(hi, input.unit), formatValue((lo + hi) / 2, input.unit), formatValue(lo, input.unit)];
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const cols = Math.max(2, input.width - labelWidth - 1);
  const rows = Math.max(1, input.height - 2);
  const px = cols * 2;
  const py = rows * 4;
  const ctx = new (loadContext())(px, py);
  const x = (i: number, n: number) => (n <= 1 ? px - 1 : Math.round((i * (px - 1)) / (n - 1)));
  const y = (v: number) => Math.round((py - 1) * (1 - (v - lo) / (hi - lo)));
  if (input.threshold) {
    ctx.strokeStyle = THRESHOLD_ID;
    ctx.beginPath();
    for (let xi = 0; xi < px; xi += 4) {
      // Dashed, so it reads as a threshold and not as data even without colour.
      ctx.moveTo(xi, y(input.threshold.value));
      ctx.lineTo(Math.min(px - 1, xi + 1), y(input.threshold.value));
    }
    ctx.stroke();
  }
  input.series.forEach((s, index) => {
    ctx.strokeStyle = SERIES_IDS[index % SERIES_IDS.length]!;
    ctx.beginPath();
    let penDown = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        penDown = false; // a gap breaks the line: never drawn as a drop to zero
        return;
      }
      if (!penDown) ctx.moveTo(x(i, s.values.length), y(v));
      ctx.lineTo(x(i, s.values.length), y(v));
      penDown = true;
    });
    ctx.stroke();
  });
  const paintOf: Record<string, Paint> = Object.fromEntries(SERIES_IDS.map((id, slot) => [id, input.paints[slot % Math.max(1, input.paints.length)] ?? {}]));
  if (input.threshold) paintOf[THRESHOLD_ID] = input.threshold.paint;
  const frame = ctx._canvas.frame('\n').split('\n').slice(0, rows);
  const lines: ChartRun[][] = frame.map((line, r) => {
    const label = r === 0 ? labels[0]! : r === rows - 1 ? labels[2]! : r === Math.floor((rows - 1) / 2) ? labels[1]! : '';
    const tick = label ? '┤' : '│';
    return [{ text: `${label.padStart(labelWidth)}${tick}` }, ...frameLineToRuns(line).map(({ text, color }) => (color && paintOf[color] ? { text, paint: paintOf[color] } : { text }))];
  });
  lines.push([{ text: `${' '.repeat(labelWidth)}└${'─'.repeat(cols)}` }]);
  const first = input.times[0];
  const last = input.times.at(-1);
  const left = first !== undefined ? input.timeLabel(first) : '';
  const right = last !== undefined ? input.timeLabel(last) : '';
  const gap = Math.max(1, cols + 1 - left.length - right.length);
  lines.push([{ text: `${' '.repeat(labelWidth)}${left}${' '.repeat(gap)}${right}`.slice(0, input.width) }]);
  return lines;
}
