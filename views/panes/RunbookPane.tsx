import React from 'react';
import { Box, Text } from 'ink';
import { redact as redactBuiltIn } from '../../src/text/redact.js';
import { useCommands } from '../keys/dispatcher.js';
import { OutputView } from '../runbook/OutputView.js';
import { useOutputScroll } from '../runbook/use-output-scroll.js';
import { runbookParts } from '../runbook/pane-parts.js';
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

/** The runbook as a guided checklist: suggestions, the current section's steps (cursor on the next open one) and the last command's output. */
export function RunbookPane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const doc = useWarroom((s) => s.runbook.doc);
  const error = useWarroom((s) => s.runbook.error);
  const states = useWarroom((s) => s.runbook.states);
  const opensAt = useWarroom((s) => s.runbook.opensAt);
  const output = useWarroom((s) => s.runbook.output);
  const suggestions = useWarroom((s) => s.runbook.suggestions);
  const actions = useWarroom((s) => s.runbook.actions);
  // The journal's redactor (the config's secrets too) once the timeline is open; the built-in rules before.
  const redact = useWarroom((s) => s.timelineActions?.redact) ?? redactBuiltIn;
  const theme = useTheme();
  const [cursor, dispatch] = useRunbookCursor(doc ? { doc, states, opensAt } : null);
  useRunbookKeys(store, cursor, dispatch, isFocused);
  const [back, scroll] = useOutputScroll(output?.shown ?? null);
  // Rows of the output view this frame, for paging through it (set below, once the budget is known).
  const page = React.useRef({ room: 0, rows: 0 });
  useCommands(
    {
      'runbook.output-up': () => (output ? scroll({ type: 'page', step: -1, page: page.current.room, rows: page.current.rows, of: output.shown }) : false),
      'runbook.output-down': () => (output ? scroll({ type: 'page', step: 1, page: page.current.room, rows: page.current.rows, of: output.shown }) : false),
      'runbook.output-end': () => (output ? scroll({ type: 'end' }) : false),
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

  const { header, suggestionLine, rows: allRows, sideWidth, stepWidth, outputRows: wrapped } = runbookParts(doc, states, cursor, suggestions, output, width, redact);
  const budget = paneBudget(height, suggestionLine !== null, wrapped);
  const outputHeight = budget.output;
  const listHeight = budget.list;
  const rows = visibleWindow(allRows, listHeight);
  page.current = { room: Math.max(1, outputHeight - 2), rows: wrapped ?? 0 };

  // Keyed by which optional parts show: Ink misplaces a child inserted before its siblings, so a
  // layout change remounts the (small) tree instead.
  const layoutKey = `${budget.suggestion > 0 ? 's' : '-'}${sideWidth > 0 ? 'w' : '-'}`;
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
      {output && outputHeight > 0 ? <OutputView output={output} width={width} height={outputHeight} back={back} /> : null}
    </Box>
  );
}
