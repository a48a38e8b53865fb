// Secrets never reach the screen, and neither do terminal controls: a command check's target can
// hold a token, a body can echo a header, an error can quote a URL with a password, a JSON
// mismatch quotes what the target answered. Rows pass through the config's redactor (built-in
// shapes, configured secret values, `timeline.redact`) and the text kit's one-line rule before
// the store or stdout.
import { oneLine } from '../text/neutralise.js';
import type { Redactor } from '../text/redact.js';
import type { RowInfo, RowOutcome, RowUpdate } from './types.js';

/** One safe, secret-free line. */
function shown(text: string, redactor: Redactor): string {
  return oneLine(redactor(text));
}

/** A row's labels with secrets masked. */
export function redactRowInfo(row: RowInfo, redactor: Redactor): RowInfo {
  return { ...row, check: shown(row.check, redactor), target: shown(row.target, redactor), ...(row.instance !== undefined ? { instance: shown(row.instance, redactor) } : {}) };
}

/** A scheduler update with secrets masked in everything shown. */
export function redactUpdate(update: RowUpdate, redactor: Redactor): RowUpdate {
  return {
    ...update,
    row: redactRowInfo(update.row, redactor),
    reason: shown(update.reason, redactor),
    // The body keeps its lines; it was neutralised when it was cut (body-excerpt.ts).
    ...(update.body !== undefined ? { body: redactor(update.body) } : {}),
    ...(update.transition ? { transition: { ...update.transition, reason: shown(update.transition.reason, redactor) } } : {}),
  };
}

/** A sweep result with secrets masked. */
export function redactOutcome(outcome: RowOutcome, redactor: Redactor): RowOutcome {
  return {
    ...outcome,
    row: redactRowInfo(outcome.row, redactor),
    reason: shown(outcome.reason, redactor),
    ...(outcome.body !== undefined ? { body: redactor(outcome.body) } : {}),
  };
}
