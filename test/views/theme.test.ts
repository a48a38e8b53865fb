// The theme reads on dark and on light backgrounds, uses only what the terminal shows, and never
// makes colour the only signal of the selection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTheme, HUES, type Paint, type Theme } from '../../views/theme/theme.js';

/** Every paint in a theme, with where it is (for messages). */
function paints(theme: Theme): Array<[string, Paint]> {
  const found: Array<[string, Paint]> = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object') return;
    const keys = Object.keys(value);
    if (keys.length === 0 || keys.every((k) => ['color', 'bold', 'dimColor', 'inverse'].includes(k))) {
      found.push([path, value as Paint]);
      return;
    }
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk({ ...theme, depth: undefined }, 'theme');
  return found;
}

/** The colours a theme's borders use. */
function borderColours(theme: Theme): string[] {
  return [theme.focus.border, theme.blur.border, theme.dialog.border].flatMap((b) => (b.borderColor ? [b.borderColor] : []));
}

/** sRGB of an xterm-256 colour index (the 6x6x6 cube and the grey ramp). */
function xtermRgb(index: number): [number, number, number] {
  if (index >= 232) {
    const v = 8 + 10 * (index - 232);
    return [v, v, v];
  }
  const levels = [0, 95, 135, 175, 215, 255];
  const n = index - 16;
  return [levels[Math.floor(n / 36)]!, levels[Math.floor(n / 6) % 6]!, levels[n % 6]!];
}

/** WCAG contrast ratio of two colours. */
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const luminance = (rgb: [number, number, number]) => {
    const [r, g, b2] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('every 256-colour shade keeps 3:1 contrast on a black and on a white background', () => {
  for (const [name, { ansi256 }] of Object.entries(HUES)) {
    assert.ok(ansi256 >= 16 && ansi256 < 256, `${name}: a fixed xterm-256 shade, not one of the 16 the terminal redefines`);
    const rgb = xtermRgb(ansi256);
    assert.ok(contrast(rgb, [0, 0, 0]) >= 3, `${name} (${ansi256}) on black: ${contrast(rgb, [0, 0, 0]).toFixed(2)}`);
    assert.ok(contrast(rgb, [255, 255, 255]) >= 3, `${name} (${ansi256}) on white: ${contrast(rgb, [255, 255, 255]).toFixed(2)}`);
  }
  const theme = createTheme('ansi256');
  for (const [where, paint] of paints(theme)) {
    if (paint.color) assert.match(paint.color, /^ansi256\((\d+)\)$/, `${where} uses a theme shade`);
  }
});

test('16-colour theme: only the basic colours, never white or black text, yellow only in bold', () => {
  const theme = createTheme('basic');
  const basic = ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan'];
  for (const [where, paint] of paints(theme)) {
    if (!paint.color) continue;
    assert.ok(basic.includes(paint.color), `${where}: ${paint.color} is not one of the basic colours to use`);
    if (paint.color === 'yellow') assert.equal(paint.bold, true, `${where}: yellow text is bold (weak on a light background)`);
  }
  for (const colour of borderColours(theme)) assert.ok(basic.includes(colour), `border ${colour}`);
});

test('without colour: no colour anywhere, and the styles still carry state and selection', () => {
  const theme = createTheme('none');
  for (const [where, paint] of paints(theme)) assert.equal(paint.color, undefined, `${where} has no colour`);
  assert.deepEqual(borderColours(theme), []);
  assert.equal(theme.selection.inverse, true);
  assert.equal(theme.state.DOWN.bold, true);
  assert.equal(theme.state.DEGRADED.bold, true);
  assert.equal(theme.focus.title.bold, true, 'the focused pane title is bold, the others dim');
  assert.equal(theme.blur.title.dimColor, true);
});

test('every depth: selection is inverse, states differ from each other, red and amber stay out of source tags', () => {
  for (const depth of ['none', 'basic', 'ansi256', 'truecolor'] as const) {
    const theme = createTheme(depth);
    assert.equal(theme.selection.inverse, true, depth);
    if (depth === 'none') continue;
    const states = Object.values(theme.state).map((p) => JSON.stringify(p));
    assert.equal(new Set(states).size, states.length, `${depth}: UP, DEGRADED, DOWN, UNKNOWN look different`);
    const alarm = [theme.tone.bad.color, theme.tone.warn.color];
    for (const source of theme.sources) assert.ok(!alarm.includes(source.color), `${depth}: a source tag in ${source.color}`);
  }
});
