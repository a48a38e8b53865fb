// The keys that scroll a modal view taller than the screen (the help overlay, a long
// confirmation): one mapping, so both scroll the same way.
import type { Key } from 'ink';
import { keyName } from './keys/key-name.js';

/** A scroll step: lines (+/-1), pages (+/-1 page) or an end. */
export type ScrollMove = { by: 'line' | 'page'; step: 1 | -1 } | { to: 'top' | 'end' };

/** What `name` (a key name from keyName) does in a scrolled view, if anything. */
export function scrollMove(name: string): ScrollMove | null {
  if (name === 'j' || name === 'down') return { by: 'line', step: 1 };
  if (name === 'k' || name === 'up') return { by: 'line', step: -1 };
  if (name === 'pagedown' || name === 'space') return { by: 'page', step: 1 };
  if (name === 'pageup') return { by: 'page', step: -1 };
  if (name === 'g' || name === 'home') return { to: 'top' };
  if (name === 'G' || name === 'end') return { to: 'end' };
  return null;
}

/** The first row shown after `move`, for `rows` rows in a window of `room`, starting at `top`. */
export function scrolled(move: ScrollMove, top: number, rows: number, room: number): number {
  const last = Math.max(0, rows - room);
  const next = 'to' in move ? (move.to === 'top' ? 0 : last) : top + move.step * (move.by === 'line' ? 1 : Math.max(1, room - 1));
  return Math.max(0, Math.min(last, next));
}

/**
 * The key names in one read given to a modal: several plain characters arriving together (typed
 * fast, over a slow link) are several keys here, since these views take no text.
 */
export function keyNames(input: string, key: Key): string[] {
  const plain = !key.ctrl && !key.meta && !key.escape && !key.return && !key.tab;
  if (plain && input.length > 1) return [...input].map((char) => (char === ' ' ? 'space' : char));
  return [keyName(input, key)];
}
