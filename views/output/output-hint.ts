// The output view's hint rows, from the key table (src/keys/keymap.ts, scope `output`): the keys
// that apply now, so the hint, `?` help and the README name the same keys.
import stringWidth from 'string-width';
import { KEYMAP, keyLabel, type OutputCommand } from '../../src/keys/keymap.js';

/** What the view shows now: which keys would do something. */
export interface OutputHintState {
  /** The shown run is still going (Ctrl-C cancels it). */
  running: boolean;
  /** A search was made (n/N step through its matches). */
  searched: boolean;
  /** Runs kept ([ ] go between them). */
  runs: number;
}

function binding(command: OutputCommand) {
  return KEYMAP.find((b) => b.command === command);
}

/** The first key of a command, as help writes it. */
function key(command: OutputCommand): string {
  return keyLabel(binding(command)?.keys[0] ?? '?');
}

/** `key description` for a command, the description cut before its aside (as the footer does). */
function hintOf(command: OutputCommand): string {
  return `${key(command)} ${binding(command)?.description.split(/[:(]/)[0]?.trim() ?? ''}`;
}

/**
 * The hint's rows at `width` columns: its items packed whole into rows (an item is cut only when
 * wider than a row), so at 80 columns Esc and ] are on screen, not cut off after `n older ma…`.
 */
export function outputHintRows(state: OutputHintState, width: number): string[] {
  const rows: string[] = [];
  for (const item of outputHint(state).split(SEPARATOR)) {
    const last = rows.at(-1);
    if (last !== undefined && stringWidth(last + SEPARATOR + item) <= width) rows[rows.length - 1] = last + SEPARATOR + item;
    else rows.push(item);
  }
  return rows;
}

const SEPARATOR = ' · ';

/** The hint: the footer rows of the output scope that apply, the scroll keys in one item. */
export function outputHint(state: OutputHintState): string {
  const applies: Partial<Record<OutputCommand, boolean>> = {
    'output.cancel': state.running,
    'output.older-match': state.searched,
    'output.newer-match': state.searched,
    'output.earlier-run': state.runs > 1,
    'output.later-run': state.runs > 1,
  };
  const scroll = `${key('output.down')}/${key('output.up')} ${key('output.pagedown')}/${key('output.pageup')} ${key('output.top')}/${key('output.end')} scroll`;
  const shown = KEYMAP.filter((b) => b.scope === 'output' && b.footer && applies[b.command as OutputCommand] !== false);
  // The cancel first while it matters; the way out last.
  const cancel = shown.filter((b) => b.command === 'output.cancel').map((b) => hintOf(b.command as OutputCommand));
  const rest = shown.filter((b) => b.command !== 'output.cancel').map((b) => hintOf(b.command as OutputCommand));
  return [...cancel, scroll, ...rest].join(SEPARATOR);
}
