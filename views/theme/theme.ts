// The console's colours, in one place: every view paints with a role from here (theme.state.DOWN,
// theme.selection), never with a colour of its own. Colour is never the only signal: every
// state also has its symbol and word, the selection its `›`, the focused pane its double rule.
//
// Chosen to read on dark and on light backgrounds (bridge screens are often light): on 256-colour
// terminals mid-tone shades that keep at least 3:1 contrast against both black and white (a test
// checks it); no white or black text; amber instead of yellow. On 16-colour terminals the
// nearest basic colours, with bold where the basic colour is yellow (weak on a light background)
// and dim instead of grey (bright black vanishes on some dark palettes). Without colour
// (NO_COLOR) the styles stay: bold for what matters, dim for what is secondary, inverse for the
// selection.
import type { CheckState } from '../../src/probes/types.js';
import type { PanelThresholdState } from '../../src/metrics/types.js';
import type { ColourDepth } from '../../src/terminal/colour-support.js';

/** How to paint a piece of text: the props of Ink's `<Text>` that style it. */
export interface Paint {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

/** How to paint a border: the props of Ink's `<Box>` that colour it. */
export interface BorderPaint {
  borderColor?: string;
  borderDimColor?: boolean;
}

/** What a line of the timeline, a flash message or an action's result means. */
export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'plain';

/** The hues the theme is made of: an xterm-256 index and its nearest basic colour (undefined: dim). */
export const HUES = {
  green: { ansi256: 28, basic: 'green' },
  red: { ansi256: 160, basic: 'red' },
  amber: { ansi256: 130, basic: 'yellow' },
  accent: { ansi256: 31, basic: 'cyan' },
  magenta: { ansi256: 127, basic: 'magenta' },
  grey: { ansi256: 243, basic: undefined },
  slate: { ansi256: 61, basic: 'blue' },
  teal: { ansi256: 29, basic: 'green' },
  plum: { ansi256: 97, basic: 'magenta' },
  steel: { ansi256: 66, basic: 'cyan' },
  rose: { ansi256: 132, basic: 'magenta' },
  navy: { ansi256: 25, basic: 'blue' },
} as const satisfies Record<string, { ansi256: number; basic: string | undefined }>;

/** A hue's name. */
export type Hue = keyof typeof HUES;

/** Every role a view paints with. */
export interface Theme {
  depth: ColourDepth;
  /** A check's state (status board, details). */
  state: Record<CheckState, Paint>;
  /** Data that stopped updating. */
  stale: Paint;
  /** A metrics panel against its warn / crit thresholds. */
  threshold: Record<PanelThresholdState, Paint>;
  /** A log line's level letter, by level (src/logs/level.ts). */
  levelMark: readonly Paint[];
  /** A log line's text, by level: only warnings and worse stand out. */
  levelText: readonly Paint[];
  /** A line a log source wrote on stderr, or a source's own error. */
  sourceError: Paint;
  /** Meaning of a line or message. */
  tone: Record<Tone, Paint>;
  /** The focused pane's frame (it also gets ▶ and a double rule). */
  focus: { title: Paint; border: BorderPaint };
  /** Every other pane's frame. */
  blur: { title: Paint; border: BorderPaint };
  /** The selected row: inverse, with and without colour. */
  selection: Paint;
  /** Where the log filter matched: inverse in the accent hue (inverse alone without colour). */
  match: Paint;
  /** Secondary text: hints, column headers, counts. */
  secondary: Paint;
  /** What must be read first (titles, the command being approved). */
  strong: Paint;
  /** Commands and other things that can be run. */
  command: Paint;
  /** Links and references to elsewhere. */
  reference: Paint;
  /** Severity in the header: P0 and P1 alarm, the rest warn. */
  severity: { high: Paint; normal: Paint };
  /** A confirmation's frame: it asks before something touches production. */
  dialog: { border: BorderPaint };
  /** One colour per log source (cycled); red and amber are left out, they mean error and warning. */
  sources: readonly Paint[];
  /** One colour per chart series (cycled), apart from the threshold's red and amber. */
  series: readonly Paint[];
}

/** Paints text in `hue` at `depth` (bold where the basic colour alone reads weakly). */
function paint(depth: ColourDepth, hue: Hue, extra: Paint = {}): Paint {
  const { ansi256, basic } = HUES[hue];
  if (depth === 'none') return hue === 'grey' ? { dimColor: true, ...extra } : { ...extra };
  if (depth === 'basic') {
    if (basic === undefined) return { dimColor: true, ...extra };
    return { color: basic, ...(basic === 'yellow' ? { bold: true } : {}), ...extra };
  }
  return { color: `ansi256(${ansi256})`, ...extra };
}

/** Paints a border in `hue` at `depth`. */
function border(depth: ColourDepth, hue: Hue): BorderPaint {
  const text = paint(depth, hue);
  return { ...(text.color ? { borderColor: text.color } : {}), ...(text.dimColor ? { borderDimColor: true } : {}) };
}

/** The theme for a terminal that shows `depth` colours. */
export function createTheme(depth: ColourDepth): Theme {
  const p = (hue: Hue, extra?: Paint) => paint(depth, hue, extra);
  const bad = p('red', { bold: true });
  const warn = p('amber', { bold: true });
  const good = p('green');
  const secondary: Paint = { dimColor: true };
  return {
    depth,
    state: { UP: good, DEGRADED: warn, DOWN: bad, UNKNOWN: p('grey') },
    stale: secondary,
    threshold: { none: {}, ok: good, warn, crit: bad },
    // unknown, trace, debug, info, warn, error, critical, fatal
    levelMark: [{}, secondary, secondary, {}, warn, bad, p('magenta', { bold: true }), p('magenta', { bold: true })],
    levelText: [{}, {}, {}, {}, p('amber'), p('red'), p('magenta'), p('magenta')],
    sourceError: p('red'),
    tone: { good, bad, warn, info: p('accent'), plain: {} },
    focus: { title: p('accent', { bold: true }), border: border(depth, 'accent') },
    blur: { title: p('grey'), border: border(depth, 'grey') },
    selection: { inverse: true },
    match: p('accent', { inverse: true }),
    secondary,
    strong: { bold: true },
    command: p('accent'),
    reference: p('magenta'),
    severity: { high: bad, normal: warn },
    dialog: { border: border(depth, 'amber') },
    sources: (['accent', 'magenta', 'teal', 'slate', 'plum', 'steel', 'rose', 'navy', 'green'] as const).map((hue) => p(hue)),
    series: (['accent', 'magenta', 'teal', 'slate', 'steel'] as const).map((hue) => p(hue)),
  };
}
