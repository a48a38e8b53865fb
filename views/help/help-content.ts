// What the `?` overlay says, generated from the one key table and the one `:` command table
// (src/keys/keymap.ts), and from the pane registry (its focus keys and one section per pane): a
// key, a command or a pane cannot work without being listed here.
import { COLON_COMMANDS, KEYMAP, keyLabel, type KeyBinding, type KeyScope } from '../../src/keys/keymap.js';
import { paneInSlot, type PaneEntry, type PaneRegistry } from '../panes/pane-entry.js';

/** One line of help before layout: the key(s) and what they do. */
export interface HelpEntry {
  keys: string;
  text: string;
}

/** A titled group of entries (one scope, or the command line). */
export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}

const ASKS_FIRST = ' (asks first)';

/** Key scopes of views drawn over the panes (not panes of the registry), and their help titles. */
const OVERLAY_SCOPES: Partial<Record<KeyScope, string>> = { output: 'Run output (O)' };

function entryOf(binding: KeyBinding): HelpEntry {
  return { keys: binding.keys.map(keyLabel).join('/'), text: `${binding.description}${binding.dangerous ? ASKS_FIRST : ''}` };
}

/** A pane's section title: a pane that takes another's slot says whose. */
function paneTitle(panes: PaneRegistry, pane: PaneEntry): string {
  const owner = paneInSlot(panes, pane.slot, {});
  return owner && owner !== pane ? `${pane.title} (in place of ${owner.title})` : pane.title;
}

/** Every section of help: the global keys (with the panes' focus keys), each pane's keys in registry order, the output view's, then the `:` commands. */
export function helpSections(panes: PaneRegistry): HelpSection[] {
  const global = KEYMAP.filter((binding) => binding.scope === 'global').map(entryOf);
  // The focus keys go with Tab and Shift-Tab, the other ways to move focus.
  const focusKeys = panes.flatMap((pane) => (pane.focusKey ? [{ keys: keyLabel(pane.focusKey), text: `focus ${pane.title}` }] : []));
  const afterTabs = global.findIndex((entry) => !/^(Tab|S-Tab)$/.test(entry.keys));
  global.splice(afterTabs < 0 ? global.length : afterTabs, 0, ...focusKeys);
  const sections: HelpSection[] = [{ title: 'Anywhere', entries: global }];
  const scopes = new Set<string>();
  for (const pane of panes) {
    if (scopes.has(pane.scope)) continue;
    scopes.add(pane.scope);
    const entries = KEYMAP.filter((binding) => binding.scope === pane.scope).map(entryOf);
    if (entries.length > 0) sections.push({ title: paneTitle(panes, pane), entries });
  }
  // Views over the panes with keys of their own.
  for (const [scope, title] of Object.entries(OVERLAY_SCOPES)) {
    const entries = KEYMAP.filter((binding) => binding.scope === scope).map(entryOf);
    if (entries.length > 0) sections.push({ title, entries });
  }
  sections.push({
    title: 'Command line (: then Enter)',
    entries: COLON_COMMANDS.map((command) => ({
      keys: command.usage,
      text: `${command.description}${command.dangerous ? ASKS_FIRST : ''}`,
    })),
  });
  return sections;
}
