// The rows the runbook pane fills (layout.ts shares a column's rows by it): the suggestion line,
// the section header, the section's rows as the cursor opens them, and the last output; then, in
// rows no other pane wants, the outline of the runbook's sections.
import { redact as redactBuiltIn } from '../../src/text/redact.js';
import type { PaneRows } from '../panes/pane-entry.js';
import { useWarroom } from '../store-context.js';
import { outlineRows, runbookParts } from './pane-parts.js';
import { useRunbookCursor } from './use-runbook-cursor.js';

/** The rows the runbook pane can use at `width` columns. */
export function useRunbookRows(width: number): PaneRows {
  const doc = useWarroom((s) => s.runbook.doc);
  const states = useWarroom((s) => s.runbook.states);
  const opensAt = useWarroom((s) => s.runbook.opensAt);
  const output = useWarroom((s) => s.runbook.output);
  const suggestions = useWarroom((s) => s.runbook.suggestions);
  // The pane's redactor: a masked secret may be shorter than the text, and wraps differently.
  const redact = useWarroom((s) => s.timelineActions?.redact) ?? redactBuiltIn;
  const actions = useWarroom((s) => s.runbook.actions !== null);
  const canChart = useWarroom((s) => s.metrics.actions !== null);
  const error = useWarroom((s) => s.runbook.error !== null);
  const [cursor] = useRunbookCursor(doc ? { doc, states, opensAt } : null);
  if (!doc && !actions && !error) return { wants: 2, least: 2, notice: 'no runbook configured' };
  // Why none is open, or that it is opening, and what r / g would do: worth its rows.
  if (!doc) return { wants: 3, least: 2 };
  const parts = runbookParts(doc, states, cursor, suggestions, output, width, redact, canChart);
  const outputRows = parts.outputRows === null ? 0 : parts.outputRows + 2;
  // The header, the step under the cursor and its command are the least worth drawing. Rows no
  // other pane wants show the outline of sections below the steps (beside them when wide).
  const outline = parts.sideWidth === 0 ? outlineRows(doc.sections.length) : 0;
  return { wants: (parts.suggestionLine ? 1 : 0) + 1 + parts.rows.length + outputRows, least: 1 + Math.min(parts.rows.length, 2), ...(outline > 0 ? { extra: outline } : {}) };
}
