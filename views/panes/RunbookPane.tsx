import React, { useRef } from 'react';
import { Box, Text } from 'ink';
import { sectionLabel, sectionSymptoms } from '../../src/runbooks/outline.js';
import { sectionToOpen } from '../../src/runbooks/symptoms.js';
import { redact as redactBuiltIn } from '../../src/text/redact.js';
import { useCommands } from '../keys/dispatcher.js';
import { OutputView } from '../runbook/OutputView.js';
import { paneBudget, sectionRows, visibleWindow, type Row } from '../runbook/rows.js';
import { SectionList } from '../runbook/SectionList.js';
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
  const cursor = useWarroom((s) => s.runbook.cursor);
  const output = useWarroom((s) => s.runbook.output);
  const suggestions = useWarroom((s) => s.runbook.suggestions);
  const actions = useWarroom((s) => s.runbook.actions);
  // The journal's redactor (the config's secrets too) once the timeline is open; the built-in rules before.
  const redact = useWarroom((s) => s.timelineActions?.redact) ?? redactBuiltIn;
  const theme = useTheme();

  const state = store.getState;
  const lastJump = useRef<number | null>(null);
  useCommands(
    {
      'runbook.down': () => state().moveRunbookCursor(1),
      'runbook.up': () => state().moveRunbookCursor(-1),
      'runbook.prev-section': () => state().setRunbookSection(state().runbook.cursor.section - 1),
      'runbook.next-section': () => state().setRunbookSection(state().runbook.cursor.section + 1),
      'runbook.run': () => (actions ? void actions.run() : false),
      'runbook.done': () => (actions ? actions.toggleDone() : false),
      'runbook.skip': () => (actions ? void actions.skip() : false),
      'runbook.note': () => (actions ? void actions.note() : false),
      'runbook.search': () => (actions ? void actions.search() : false),
      'runbook.pick': () => (actions ? void actions.pick() : false),
      'runbook.add-panel': () => (actions ? void actions.addPanel() : false),
      // Esc stops a running command; otherwise it falls through to the global Esc (unzoom).
      'runbook.cancel': () => (actions ? actions.cancel() : false),
      'runbook.suggested': () => {
        // Cycles through the suggestions, so each suggested section is one key away; a scenario
        // heading with no steps of its own opens at its first steps (its Diagnose). With no runbook
        // open, the suggestion is a runbook of the folder: the picker offers it.
        const { suggestions: list, cursor: at, doc: runbook } = state().runbook;
        if (!runbook && actions && list[0]?.file) return void actions.pick();
        if (list.length === 0) return state().showFlash('no section matches what the console sees right now', 'info');
        const open = (index: number) => (runbook ? sectionToOpen(runbook, index) : index);
        // The first g goes to the top suggestion, wherever the cursor is (the runbook may have
        // opened there already); pressed again where it last went, it moves on to the next one.
        const current = at.section === lastJump.current ? list.findIndex((s) => open(s.index) === at.section) : -1;
        const target = open(list[(current + 1) % list.length]!.index);
        lastJump.current = target;
        state().setRunbookSection(target);
      },
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

  const section = doc.sections[cursor.section];
  const done = section ? section.steps.filter((s) => states[s.line]?.status === 'done').length : 0;
  const header = section
    ? `§ ${cursor.section + 1}/${doc.sections.length} ${sectionLabel(doc, cursor.section)} · ${done}/${section.steps.length} done`
    : `${doc.title}: no sections`;
  const suggestion = suggestions[0];
  const suggestionLine = suggestion
    ? `★ suggested (g): ${suggestion.title} (${suggestion.reason})${suggestions.length > 1 ? ` +${suggestions.length - 1} more` : ''}`
    : null;

  const wrapped = output ? output.lines.reduce((n, l) => n + Math.max(1, Math.ceil(l.length / Math.max(1, width))), 0) : null;
  const budget = paneBudget(height, suggestionLine !== null, wrapped);
  const outputHeight = budget.output;
  const listHeight = budget.list;
  const sideWidth = width >= 100 ? Math.min(36, Math.floor(width * 0.3)) : 0;
  const stepWidth = width - sideWidth - (sideWidth > 0 ? 1 : 0);
  const rows = section ? visibleWindow(sectionRows(section, states, cursor, redact, sectionSymptoms(doc, cursor.section)), listHeight) : [];

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
      {output && outputHeight > 0 ? <OutputView output={output} width={width} height={outputHeight} /> : null}
    </Box>
  );
}
