// What the terminal can show, read from the terminal's own variables (TERM, COLORTERM) and the
// user's wishes (NO_COLOR, FORCE_COLOR). Written here rather than taken from chalk's
// supports-color or Node's tty.getColorDepth because both get this console wrong:
// - supports-color (chalk, hence Ink) answers "no colour" whenever any CI variable is set,
//   whatever its value, and ignores NO_COLOR;
// - Node counts tmux-256color and screen-256color as 16 colours, and answers 24-bit for any
//   program inside tmux whatever TERM says;
// - both turn every style off with the colours, while a console needs inverse (the selection)
//   and bold under NO_COLOR too: NO_COLOR asks for no colour, not for no selection.

/** How many colours the terminal shows: none (styles only), the 16 basic ones, 256, or 24-bit. */
export type ColourDepth = 'none' | 'basic' | 'ansi256' | 'truecolor';

/** What the console may draw with. */
export interface ColourSupport {
  depth: ColourDepth;
  /** Bold, dim and inverse: on for every terminal but a dumb one (or no terminal at all). */
  styles: boolean;
}

const DEPTH_OF_LEVEL: readonly ColourDepth[] = ['none', 'basic', 'ansi256', 'truecolor'];

/** FORCE_COLOR as chalk reads it: '' / 'true' is 1, 'false' is 0, else a number 0-3 (undefined when unset or not a number). */
function forcedLevel(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 0;
  const level = Number.parseInt(value, 10);
  return Number.isNaN(level) ? undefined : Math.max(0, Math.min(3, level));
}

/** The colour depth a TERM / COLORTERM pair announces. */
function announcedDepth(term: string, colorterm: string | undefined): ColourDepth {
  if (colorterm === 'truecolor' || colorterm === '24bit' || /-direct$|truecolor|^xterm-kitty$|^wezterm$|^xterm-ghostty$/.test(term)) return 'truecolor';
  if (/-256colou?r$/.test(term)) return 'ansi256';
  if (/^(xterm|screen|tmux|rxvt|vt100|vt220|linux|cygwin|ansi|putty|konsole|gnome|st\b|alacritty)|colou?r/.test(term)) return 'basic';
  return colorterm ? 'basic' : 'none';
}

/**
 * What a terminal with this environment shows. FORCE_COLOR wins (0 turns colour off, 1-3 set
 * the depth), then NO_COLOR (any non-empty value: no colour, styles kept), then TERM and
 * COLORTERM. CI variables play no part: someone looking at this console is at a terminal.
 */
export function detectColourSupport(env: NodeJS.ProcessEnv, isTTY: boolean): ColourSupport {
  const term = (env.TERM ?? '').toLowerCase();
  const styles = isTTY && term !== 'dumb';
  const forced = forcedLevel(env.FORCE_COLOR);
  if (forced !== undefined) return { depth: DEPTH_OF_LEVEL[forced]!, styles: styles || forced > 0 };
  if (!styles || (env.NO_COLOR ?? '') !== '') return { depth: 'none', styles };
  return { depth: announcedDepth(term, env.COLORTERM), styles };
}

/**
 * The level (0-3) Ink's chalk must be loaded with to draw what `support` allows: at least 1
 * whenever styles are on, so inverse and bold still show when the theme uses no colour.
 */
export function chalkLevel(support: ColourSupport): number {
  if (!support.styles) return 0;
  return Math.max(1, DEPTH_OF_LEVEL.indexOf(support.depth));
}
