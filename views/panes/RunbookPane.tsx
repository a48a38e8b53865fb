import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { redact as redactBuiltIn } from '../../src/text/redact.js';
import { useCommands } from '../keys/dispatcher.js';
import { layOutOutput, type OutputLayout } from '../output/OutputLines.js';
import { useOutputView } from '../output/use-output-view.js';
import type { ScrollMove } from '../scroll-keys.js';
import { OutputView, runbookRunKey } from '../runbook/OutputView.js';
import { OUTLINE_LEAST, runbookParts } from '../runbook/pane-parts.js';
import { paneBudget, visibleWindow, type Row } from '../runbook/rows.js';
import { SectionList } from '../runbook/SectionList.js';
import { useRunbookCursor } from '../runbook/use-runbook-cursor.js';
import { useRunbookKeys } from '../runbook/use-runbook-keys.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import type { Paint, Theme } from '../theme/theme.js';
import { useTheme } from '../theme/use-theme.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** How each kind of runbook row is painted (the row's own mark says the same in words). */
function rowPaint(theme: Theme, tone: Row['tone']): Paint {
  switch (tone) {
    case 'done': return theme.tone.good;
    case 'skipped': case 'note': return theme.tone.warn;
    case 'failed': return theme.tone.bad;
    case 'command': return theme.command;
    case 'reference': return theme.reference;
    // Things to do by hand stand out like a warning: nothing will do them for the lead.
    case 'instruction': return theme.tone.warn;
    case 'choice': return theme.reference;
    case 'detail': case 'text': case 'symptoms': return theme.secondary;
    default: return {};
  }
}

/** The runbook as a guided checklist: suggestions, the current section's steps (cursor on the next open one), the outline of sections in rows to spare, and the last command's output. */
export const RunbookPane = memo(function RunbookPane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const doc = useWarroom((s) => s.runbook.doc);
  const error = useWarroom((s) => s.runbook.error);
  const states = useWarroom((s) => s.runbook.states);
  const opensAt = useWarroom((s) => s.runbook.opensAt);
  const output = useWarroom((s) => s.runbook.output);
  const suggestions = useWarroom((s) => s.runbook.suggestions);
  const actions = useWarroom((s) => s.runbook.actions);
  const canChart = useWarroom((s) => s.metrics.actions !== null);
  // The journal's redactor (the config's secrets too) once the timeline is open; the built-in rules before.
  const redact = useWarroom((s) => s.timelineActions?.redact) ?? redactBuiltIn;
  const theme = useTheme();
  const [cursor, dispatch] = useRunbookCursor(doc ? { doc, states, opensAt } : null);
  useRunbookKeys(store, cursor, dispatch, isFocused);
  const [view, viewDispatch] = useOutputView('runbook-output', output ? runbookRunKey(output) : null);
  // The output view's layout this frame, for paging through it (set below, once the budget is known).
  const laidOut = React.useRef<OutputLayout | null>(null);
  const scroll = (move: ScrollMove) => (laidOut.current ? viewDispatch({ type: 'scroll', move, frame: laidOut.current.frame }) : false);
  useCommands(
    {
      'runbook.output-up': () => scroll({ by: 'page', step: -1 }),
      'runbook.output-down': () => scroll({ by: 'page', step: 1 }),
      'runbook.output-end': () => scroll({ to: 'end' }),
    },
    isFocused,
  );

  if (!doc) {
    if (!actions && !error) return <NotConfigured lines={['No runbook configured.', 'Set incident.runbook (or incident.runbooksDir) in warroom.yaml.']} />;
    const suggested = suggestions[0]?.file ? suggestions[0] : undefined;
    return (
      <NotConfigured
        wrap
        lines={[
          error ?? 'Opening the runbook…',
          ...(suggested ? [`★ suggested (r or g): ${suggested.runbook} › ${suggested.title} (${suggested.reason})`] : []),
          ...(actions ? ['r picks a runbook from the runbooks folder.'] : []),
        ]}
      />
    );
  }

  const { header, suggestionLine, rows: allRows, sideWidth, stepWidth, outputRows: wrapped } = runbookParts(doc, states, cursor, suggestions, output, width, redact, canChart);
  const budget = paneBudget(height, suggestionLine !== null, wrapped, allRows.length);
  const outputHeight = budget.output;
  // Rows the steps leave, given while no other pane wants them: the outline of sections, below the
  // steps (a wide pane has it beside them), so the pane never keeps blank rows a stream could use.
  const spare = budget.list - allRows.length;
  const outlineHeight = sideWidth === 0 && doc.sections.length > 1 && spare >= OUTLINE_LEAST ? spare : 0;
  const listHeight = budget.list - outlineHeight;
  const rows = visibleWindow(allRows, listHeight);
  const layout = output && outputHeight > 0 ? layOutOutput(runbookRunKey(output), output.lines, width, outputHeight - 2) : null;
  laidOut.current = layout;

  // Keyed by which optional parts show: Ink misplaces a child inserted before its siblings, so a
  // layout change remounts the (small) tree instead.
  const layoutKey = `${budget.suggestion > 0 ? 's' : '-'}${sideWidth > 0 ? 'w' : '-'}${outlineHeight > 0 ? 'o' : '-'}`;
  return (
    <Box key={layoutKey} flexDirection="column" width={width} height={height}>
      {suggestionLine && budget.suggestion > 0 ? (
        <Text wrap="truncate" {...theme.tone.warn} {...theme.strong}>
          {suggestionLine.slice(0, width)}
        </Text>
      ) : null}
      <Text wrap="truncate" {...theme.strong}>
        {header.slice(0, width)}
      </Text>
      <Box flexDirection="row" height={listHeight}>
        {sideWidth > 0 ? <SectionList doc={doc} states={states} current={cursor.section} width={sideWidth} height={listHeight} /> : null}
        {sideWidth > 0 ? <Box width={1} /> : null}
        <Box flexDirection="column" width={stepWidth} height={listHeight}>
          {rows.map((row, i) => (
            <Text key={i} wrap="truncate" {...rowPaint(theme, row.tone)} bold={row.selected || row.tone === 'choice'} {...(row.selected && isFocused ? theme.selection : {})}>
              {row.text.slice(0, stepWidth)}
            </Text>
          ))}
        </Box>
      </Box>
      {outlineHeight > 0 ? (
        <Box flexDirection="column" height={outlineHeight}>
          <Text wrap="truncate" {...theme.secondary}>
            {'─ Sections '.padEnd(width, '─')}
          </Text>
          <SectionList doc={doc} states={states} current={cursor.section} width={width} height={outlineHeight - 1} />
        </Box>
      ) : null}
      {output && layout ? <OutputView output={output} layout={layout} state={view} width={width} height={outputHeight} /> : null}
    </Box>
  );
});
