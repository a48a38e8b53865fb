// JSON printed to a terminal (`--json` outputs) must be as inert as text: JSON.stringify escapes
// C0 controls and lone surrogates but passes DEL, C1 controls (one-byte CSI/OSC to some
// terminals) and bidi controls through raw. They are written as \u escapes: the same JSON value
// for a script, nothing a terminal would act on.

/** Characters JSON.stringify leaves raw that a terminal would act on. */
const RAW_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `JSON.stringify(value, null, indent)` with every terminal-active character escaped. */
export function terminalSafeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
