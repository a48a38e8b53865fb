// The one key table. Dispatch, the footer hints and the `?` overlay all read it, so a key
// cannot work without being documented, or be documented without being bound (k9s-style). The
// keys that focus panes (the digits) come with the panes, from the views' pane registry.
// Ctrl-B is never bound: it is tmux's prefix.

/**
 * Where a binding applies: everywhere, only while that pane has focus, or (`output`) in the run
 * output view that `O` opens over the panes.
 */
export type KeyScope = 'global' | 'status' | 'logs' | 'metrics' | 'runbook' | 'timeline' | 'alerts' | 'output';

/** One row of the key table. */
export interface KeyBinding<Command extends string = CommandId> {
  /** Key names as produced by `keyName` in views (`tab`, `shift-tab`, `enter`, `escape`, `space`, `up`, `pageup`, `ctrl-c`, or the character). */
  keys: readonly string[];
  /** What the key does, as an id handlers register under. */
  command: Command;
  description: string;
  scope: KeyScope;
  /** Touches production: the handler must confirm first, and read-only refuses it. */
  dangerous?: boolean;
  /** Shown in the footer hints when its scope is active. */
  footer?: boolean;
}

// The table as written, its command ids kept as literal types: a handler registered under an id
// the table does not have does not compile.
const BINDINGS = [
  { keys: ['tab'], command: 'focus.next', description: 'focus next pane', scope: 'global', footer: true },
  { keys: ['shift-tab'], command: 'focus.prev', description: 'focus previous pane', scope: 'global' },
  // The digits that focus panes are the pane registry's (views/panes/registry.ts), not rows here.
  { keys: ['z'], command: 'zoom', description: 'zoom focused pane', scope: 'global', footer: true },
  { keys: ['T'], command: 'timeline.toggle', description: 'timeline in place of logs', scope: 'global' },
  { keys: ['A'], command: 'alerts.toggle', description: 'alerts in place of the status board', scope: 'global' },
  { keys: ['?'], command: 'help', description: 'help: every key', scope: 'global', footer: true },
  { keys: [':'], command: 'command-line', description: 'command line', scope: 'global', footer: true },
  { keys: ['n'], command: 'note', description: 'add a note (todo: = action item)', scope: 'global', footer: true },
  { keys: ['u'], command: 'status-update', description: 'post a status update', scope: 'global', dangerous: true },
  { keys: ['P'], command: 'page', description: 'page next contact', scope: 'global', dangerous: true },
  { keys: ['O'], command: 'actions.output', description: 'output of the latest run (action or runbook step)', scope: 'global' },
  { keys: ['escape'], command: 'cancel', description: 'close / cancel', scope: 'global' },
  { keys: ['q', 'ctrl-c'], command: 'quit', description: 'quit', scope: 'global', footer: true },

  { keys: ['j', 'down'], command: 'status.down', description: 'next row', scope: 'status' },
  { keys: ['k', 'up'], command: 'status.up', description: 'previous row', scope: 'status' },
  { keys: ['enter'], command: 'status.details', description: 'row details', scope: 'status', footer: true },
  { keys: ['a'], command: 'status.actions', description: 'actions menu', scope: 'status', footer: true, dangerous: true },
  { keys: ['R'], command: 'status.restart', description: 'restart service', scope: 'status', footer: true, dangerous: true },
  { keys: ['o'], command: 'status.sort', description: 'sort: worst first / config order', scope: 'status' },

  { keys: ['/'], command: 'logs.filter', description: 'filter by regex', scope: 'logs', footer: true },
  { keys: ['l'], command: 'logs.level', description: 'minimum level', scope: 'logs', footer: true },
  { keys: ['s'], command: 'logs.sources', description: 'choose sources', scope: 'logs' },
  { keys: ['p'], command: 'logs.pause', description: 'pause / resume', scope: 'logs', footer: true },
  { keys: ['j', 'down'], command: 'logs.down', description: 'scroll down', scope: 'logs' },
  { keys: ['k', 'up'], command: 'logs.up', description: 'scroll up', scope: 'logs' },
  { keys: ['pagedown'], command: 'logs.pagedown', description: 'page down', scope: 'logs' },
  { keys: ['pageup'], command: 'logs.pageup', description: 'page up', scope: 'logs' },
  { keys: ['g'], command: 'logs.top', description: 'oldest line', scope: 'logs' },
  { keys: ['G'], command: 'logs.live', description: 'back to live', scope: 'logs' },
  { keys: ['e'], command: 'logs.next-error', description: 'next error', scope: 'logs', footer: true },
  { keys: ['E'], command: 'logs.prev-error', description: 'previous error', scope: 'logs' },
  { keys: ['w'], command: 'logs.wrap', description: 'wrap long lines', scope: 'logs' },
  { keys: ['m'], command: 'logs.mark', description: 'mark line as evidence', scope: 'logs' },
  { keys: ['enter'], command: 'logs.detail', description: 'line details: every field', scope: 'logs' },

  { keys: ['j', 'down'], command: 'metrics.down', description: 'next panel', scope: 'metrics' },
  { keys: ['k', 'up'], command: 'metrics.up', description: 'previous panel', scope: 'metrics' },
  { keys: ['enter'], command: 'metrics.zoom', description: 'zoom chart', scope: 'metrics', footer: true },
  { keys: ['escape'], command: 'metrics.close', description: 'close chart', scope: 'metrics' },

  { keys: ['j', 'down'], command: 'runbook.down', description: 'next step', scope: 'runbook' },
  { keys: ['k', 'up'], command: 'runbook.up', description: 'previous step', scope: 'runbook' },
  { keys: ['enter'], command: 'runbook.run', description: 'run step', scope: 'runbook', footer: true, dangerous: true },
  { keys: ['space'], command: 'runbook.done', description: 'done / undone', scope: 'runbook', footer: true },
  { keys: ['s'], command: 'runbook.skip', description: 'skip with reason', scope: 'runbook', footer: true },
  { keys: ['n'], command: 'runbook.note', description: 'note on step', scope: 'runbook' },
  { keys: ['['], command: 'runbook.prev-section', description: 'previous section', scope: 'runbook' },
  { keys: [']'], command: 'runbook.next-section', description: 'next section', scope: 'runbook' },
  { keys: ['/'], command: 'runbook.search', description: 'search', scope: 'runbook' },
  { keys: ['r'], command: 'runbook.pick', description: 'other runbook', scope: 'runbook' },
  { keys: ['g'], command: 'runbook.suggested', description: 'go to suggested section', scope: 'runbook' },
  { keys: ['escape'], command: 'runbook.cancel', description: 'stop the running command', scope: 'runbook' },
  { keys: ['pageup'], command: 'runbook.output-up', description: 'scroll the output back', scope: 'runbook' },
  { keys: ['pagedown'], command: 'runbook.output-down', description: 'scroll the output on', scope: 'runbook' },
  { keys: ['G'], command: 'runbook.output-end', description: 'output: newest lines', scope: 'runbook' },
  // Not dangerous: it only reads metrics, so the shared read-only screen may chart a query too.
  { keys: ['a'], command: 'runbook.add-panel', description: 'add PromQL as metrics panel', scope: 'runbook' },

  { keys: ['j', 'down'], command: 'timeline.down', description: 'scroll down', scope: 'timeline' },
  { keys: ['k', 'up'], command: 'timeline.up', description: 'scroll up', scope: 'timeline' },
  { keys: ['f'], command: 'timeline.filter', description: 'filter by kind', scope: 'timeline' },
  { keys: ['t'], command: 'timeline.utc', description: 'local / UTC time', scope: 'timeline' },

  { keys: ['j', 'down'], command: 'alerts.down', description: 'next alert', scope: 'alerts' },
  { keys: ['k', 'up'], command: 'alerts.up', description: 'previous alert', scope: 'alerts' },
  { keys: ['a'], command: 'alerts.acknowledge', description: 'acknowledge: silence it in Alertmanager', scope: 'alerts', footer: true, dangerous: true },

  // The output view (O): its own handler table (views/output/RunOutputOverlay.tsx) is typed by
  // these ids, so none can go unhandled; `footer` rows are its hint line.
  { keys: ['j', 'down'], command: 'output.down', description: 'scroll down a line', scope: 'output' },
  { keys: ['k', 'up'], command: 'output.up', description: 'scroll up a line', scope: 'output' },
  { keys: ['pagedown', 'space'], command: 'output.pagedown', description: 'page down', scope: 'output' },
  { keys: ['pageup'], command: 'output.pageup', description: 'page up', scope: 'output' },
  { keys: ['g', 'home'], command: 'output.top', description: 'first line', scope: 'output' },
  { keys: ['G', 'end'], command: 'output.end', description: 'newest lines', scope: 'output' },
  { keys: ['/'], command: 'output.search', description: 'search (matches painted)', scope: 'output', footer: true },
  { keys: ['n'], command: 'output.older-match', description: 'older match', scope: 'output', footer: true },
  { keys: ['N'], command: 'output.newer-match', description: 'newer match', scope: 'output', footer: true },
  { keys: ['['], command: 'output.earlier-run', description: 'earlier run (actions: last 20)', scope: 'output', footer: true },
  { keys: [']'], command: 'output.later-run', description: 'later run', scope: 'output', footer: true },
  { keys: ['ctrl-c'], command: 'output.cancel', description: 'cancel the run shown (as :cancel)', scope: 'output', footer: true },
  { keys: ['escape', 'q'], command: 'output.close', description: 'close (the run goes on)', scope: 'output', footer: true },
] as const satisfies readonly KeyBinding<string>[];

/** A command of the key table: what handlers register under. */
export type CommandId = (typeof BINDINGS)[number]['command'];

/** A command of the output view (scope `output`). */
export type OutputCommand = Extract<CommandId, `output.${string}`>;

/** Every key warroom binds. */
export const KEYMAP: readonly KeyBinding[] = BINDINGS;

/** The binding for a key in a scope, if any. */
export function findBinding(scope: KeyScope, key: string): KeyBinding | undefined {
  return KEYMAP.find((binding) => binding.scope === scope && binding.keys.includes(key));
}

/** The first key bound to a command, as help writes it ('?' if unbound), for messages that name it. */
export function keyFor(command: CommandId): string {
  const key = KEYMAP.find((binding) => binding.command === command)?.keys[0];
  return key === undefined ? '?' : keyLabel(key);
}

/** How a key is written in help and footers. */
export function keyLabel(key: string): string {
  const labels: Record<string, string> = {
    tab: 'Tab', 'shift-tab': 'S-Tab', enter: 'Enter', escape: 'Esc', space: 'Space',
    up: '↑', down: '↓', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End', 'ctrl-c': 'C-c',
  };
  return labels[key] ?? key;
}

/** A `:` command of the command line, for help and completion. */
export interface ColonCommand<Name extends string = ColonName> {
  name: Name;
  usage: string;
  description: string;
  dangerous?: boolean;
}

// As written, names kept as literal types (a handler for an unknown `:` command does not compile).
const COLON = [
  { name: 'restart', usage: ':restart SVC [INST]', description: 'restart a service', dangerous: true },
  { name: 'action', usage: ':action SVC NAME [INST]', description: 'run a configured action', dangerous: true },
  { name: 'page', usage: ':page CONTACT', description: 'page a contact', dangerous: true },
  { name: 'severity', usage: ':severity P1 [WHY]', description: 'change severity, saying why' },
  { name: 'role', usage: ':role ic|scribe|comms [NAME]', description: 'claim a role, or hand it to NAME (none: release)' },
  { name: 'milestone', usage: ':milestone NAME [TIME]', description: 'set a key time such as detected or mitigated (TIME as :note)' },
  { name: 'ack', usage: ':ack', description: 'acknowledge the incident' },
  { name: 'note', usage: ':note [TIME] TEXT', description: 'add a note, backfilled with TIME' },
  { name: 'status-update', usage: ':status-update', description: 'post a status update', dangerous: true },
  { name: 'resolve', usage: ':resolve', description: 'resolve the incident', dangerous: true },
  { name: 'silence', usage: ':silence MATCHERS [DURATION] [-- REASON]', description: 'silence alerts in Alertmanager for this incident', dangerous: true },
  { name: 'export', usage: ':export', description: 'write the post-mortem draft' },
  { name: 'cancel', usage: ':cancel', description: 'cancel what runs (actions, runbook steps)' },
  { name: 'q', usage: ':q', description: 'quit' },
  { name: 'quit', usage: ':quit', description: 'quit' },
] as const satisfies readonly ColonCommand<string>[];

/** The name of a `:` command. */
export type ColonName = (typeof COLON)[number]['name'];

/** Every `:` command warroom knows; handlers register under `name`. */
export const COLON_COMMANDS: readonly ColonCommand[] = COLON;
