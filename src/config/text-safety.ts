// Config text reaches the terminal (the incident title, contact and service names, labels, the
// commands shown in confirmations) and the journal: a control, escape or bidi character in it is
// refused at load, pointing at where it is written, instead of setting the terminal's title or
// reversing a line on the shared screen. Checked after `${VAR}` filling, so environment values
// are held to the same rule. Tab and newline stay allowed (block scalars, multi-line commands).
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { ConfigProblem } from './errors.js';
import type { PathStep, YamlPositions } from './positions.js';

/** C0 controls but tab and newline, DEL, C1, bidi controls, line/paragraph separators, lone surrogates. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Names people know for the characters an attack uses most. */
const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL', 0x08: 'backspace', 0x0d: 'carriage return', 0x1b: 'ESC', 0x7f: 'DEL',
  0x9b: 'CSI', 0x9d: 'OSC', 0x90: 'DCS', 0x061c: 'Arabic letter mark', 0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark', 0x2028: 'line separator', 0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
};

/** Why `text` may not stand in the config, or undefined when it may. */
export function unsafeTextReason(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code >= 0xd800 && code <= 0xdfff ? `${hex} (half of a character)` : NAMES[code] ? `${hex} (${NAMES[code]})` : hex;
  return `contains ${what} at character ${match.index + 1}; control, escape and bidi characters are not allowed in the config (they would act on the terminal)`;
}

/** Every key and string value of the document holding such a character, located. */
export function unsafeTextProblems(doc: Document, positions: YamlPositions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (node: unknown, path: PathStep[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keyReason = unsafeTextReason(key);
        if (keyReason) problems.push(positions.problem([...path, key], `key ${keyReason}`, true));
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      const reason = unsafeTextReason(node.value);
      if (reason) problems.push(positions.problem(path, reason));
    }
  };
  visit(doc.contents, []);
  return problems;
}
