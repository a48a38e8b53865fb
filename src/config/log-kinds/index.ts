// Every kind of log source, in the order messages list them. A new kind is a descriptor file in
// this folder and one line here.
import type { BuiltInLogKind } from './log-kind.js';
export type { SharedLogOption } from './log-kind.js';
import { composeKind } from './compose.js';
import { journalKind } from './journal.js';

/** Kinds the logs capability reads itself. */
export const BUILT_IN_LOG_KINDS = [
  { key: 'file', hint: 'file: PATH', takes: ['lines', 'host'] },
  { key: 'command', hint: 'command: SHELL', takes: ['host'] },
] as const satisfies readonly BuiltInLogKind[];

/** Kinds that are a command underneath, written by their descriptor. */
export const DESCRIBED_LOG_KINDS = [journalKind, composeKind] as const;

/** Every kind, in the order messages list them. */
export const LOG_KIND_LIST: readonly BuiltInLogKind[] = [...BUILT_IN_LOG_KINDS, ...DESCRIBED_LOG_KINDS];

/** The descriptor of a described kind, by name. */
export function describedLogKind(key: string): (typeof DESCRIBED_LOG_KINDS)[number] | undefined {
  return DESCRIBED_LOG_KINDS.find((kind) => kind.key === key);
}

/** `file:, command:, journal: or compose:` for messages. */
export function logKindList(): string {
  const keys = LOG_KIND_LIST.map((kind) => `${kind.key}:`);
  return `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`;
}

/** Lines of history a source starts from when `lines:` is not written. */
export const DEFAULT_LOG_LINES = 100;
