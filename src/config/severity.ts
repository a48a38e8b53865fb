// Severity names: P0..P4, with the SEV-0..SEV-4 spelling many teams use read as the same levels.
import type { Severity } from './types.js';

/** The canonical severity for `P2`, `p2`, `SEV-2`, `sev2`, or undefined when it is none of them. */
export function parseSeverity(text: string): Severity | undefined {
  const m = /^(?:p|sev-?)([0-4])$/i.exec(text.trim());
  return m ? (`P${m[1]}` as Severity) : undefined;
}
