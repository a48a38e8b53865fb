import { SEVERITIES, type Severity } from '../config/types.js';

/** Reads `P1`, `p1`, `SEV-1`, `sev1` as a severity; null for anything else. */
export function parseSeverity(input: string): Severity | null {
  const match = /^(?:p|sev-?)([0-4])$/i.exec(input.trim());
  const severity = match ? (`P${match[1]}` as Severity) : null;
  return severity && SEVERITIES.includes(severity) ? severity : null;
}
