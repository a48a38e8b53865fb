// What the `?` overlay says, generated from the one key table and the one `:` command table
// (src/keys/keymap.ts): a key or a command cannot work without being listed here.
import { COLON_COMMANDS, KEYMAP, keyLabel, type KeyScope } from '../../src/keys/keymap.js';

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

// A Record over KeyScope: a new scope without a title here does not compile.
const SCOPE_TITLES: Record<KeyScope, string> = {
  global: 'Anywhere',
  status: 'Status board',
  logs: 'Logs',
  metrics: 'Metrics',
  runbook: 'Runbook',
  timeline: 'Timeline (T, in place of the logs)',
};

const ASKS_FIRST = ' (asks first)';

/** Every section of help: each key scope in table order, then the `:` commands. */
export function helpSections(): HelpSection[] {
  const sections = (Object.keys(SCOPE_TITLES) as KeyScope[]).map((scope) => ({
    title: SCOPE_TITLES[scope],
    entries: KEYMAP.filter((binding) => binding.scope === scope).map((binding) => ({
      keys: binding.keys.map(keyLabel).join('/'),
      text: `${binding.description}${binding.dangerous ? ASKS_FIRST : ''}`,
    })),
  }));
  sections.push({
    title: 'Command line (: then Enter)',
    entries: COLON_COMMANDS.map((command) => ({
      keys: command.usage,
      text: `${command.description}${command.dangerous ? ASKS_FIRST : ''}`,
    })),
  });
  return sections;
}
