// Secrets never reach the screen: a command check's target can hold a token, a body can echo a
// header, an error can quote a URL with a password. Rows are passed through the config's redactor
// (built-in shapes, configured secret values, `timeline.redact`) before the store or stdout.
import type { Redactor } from '../text/redact.js';
import type { RowInfo, RowOutcome, RowUpdate } from './types.js';

/** A row's labels with secrets masked. */
export function redactRowInfo(row: RowInfo, redactor: Redactor): RowInfo {
  return { ...row, check: redactor(row.check), target: redactor(row.target), ...(row.instance !== undefined ? { instance: redactor(row.instance) } : {}) };
}

/** A scheduler update with secrets masked in everything shown. */
export function redactUpdate(update: RowUpdate, redactor: Redactor): RowUpdate {
  return {
    ...update,
    row: redactRowInfo(update.row, redactor),
    reason: redactor(update.reason),
    ...(update.body !== undefined ? { body: redactor(update.body) } : {}),
    ...(update.transition ? { transition: { ...update.transition, reason: redactor(update.transition.reason) } } : {}),
  };
}

/** A sweep result with secrets masked. */
export function redactOutcome(outcome: RowOutcome, redactor: Redactor): RowOutcome {
  return {
    ...outcome,
    row: redactRowInfo(outcome.row, redactor),
    reason: redactor(outcome.reason),
    ...(outcome.body !== undefined ? { body: redactor(outcome.body) } : {}),
  };
}
