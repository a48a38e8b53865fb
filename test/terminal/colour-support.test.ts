// Colour detection from the terminal's own variables: CI variables play no part (the console had
// no colour at all while the views loaded with CI=0), NO_COLOR keeps the styles, FORCE_COLOR wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chalkLevel, detectColourSupport, type ColourDepth } from '../../src/terminal/colour-support.js';

const cases: Array<[string, NodeJS.ProcessEnv, boolean, ColourDepth, boolean, number]> = [
  // what, env, isTTY, depth, styles, chalk level
  ['xterm-256color', { TERM: 'xterm-256color' }, true, 'ansi256', true, 2],
  ['tmux-256color', { TERM: 'tmux-256color' }, true, 'ansi256', true, 2],
  ['screen-256color', { TERM: 'screen-256color' }, true, 'ansi256', true, 2],
  ['xterm: the 16 basic colours', { TERM: 'xterm' }, true, 'basic', true, 1],
  ['screen: the 16 basic colours', { TERM: 'screen' }, true, 'basic', true, 1],
  ['linux console', { TERM: 'linux' }, true, 'basic', true, 1],
  ['COLORTERM=truecolor', { TERM: 'xterm-256color', COLORTERM: 'truecolor' }, true, 'truecolor', true, 3],
  ['CI=0 changes nothing', { TERM: 'xterm-256color', CI: '0' }, true, 'ansi256', true, 2],
  ['CI=true changes nothing', { TERM: 'tmux-256color', CI: 'true', CONTINUOUS_INTEGRATION: '1' }, true, 'ansi256', true, 2],
  ['NO_COLOR: no colour, styles kept', { TERM: 'xterm-256color', NO_COLOR: '1' }, true, 'none', true, 1],
  ['NO_COLOR empty is not set', { TERM: 'xterm-256color', NO_COLOR: '' }, true, 'ansi256', true, 2],
  ['FORCE_COLOR=3', { TERM: 'xterm', FORCE_COLOR: '3' }, true, 'truecolor', true, 3],
  ['FORCE_COLOR wins over NO_COLOR', { TERM: 'xterm', NO_COLOR: '1', FORCE_COLOR: '2' }, true, 'ansi256', true, 2],
  ['FORCE_COLOR=0: no colour, styles kept', { TERM: 'xterm-256color', FORCE_COLOR: '0' }, true, 'none', true, 1],
  ['FORCE_COLOR empty is level 1', { TERM: 'dumb', FORCE_COLOR: '' }, true, 'basic', true, 1],
  ['FORCE_COLOR junk is ignored', { TERM: 'xterm', FORCE_COLOR: 'lots' }, true, 'basic', true, 1],
  ['dumb terminal: nothing', { TERM: 'dumb' }, true, 'none', false, 0],
  ['no TERM at all: styles only', {}, true, 'none', true, 1],
  ['not a terminal', { TERM: 'xterm-256color' }, false, 'none', false, 0],
];

for (const [what, env, isTTY, depth, styles, level] of cases) {
  test(`colour support: ${what}`, () => {
    const support = detectColourSupport(env, isTTY);
    assert.deepEqual(support, { depth, styles });
    assert.equal(chalkLevel(support), level);
  });
}
