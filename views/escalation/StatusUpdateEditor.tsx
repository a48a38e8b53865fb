import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { PHASES } from '../../src/status-updates/template.js';
import { pastedText } from '../dialogs/pasted-text.js';
import { visibleLine } from '../dialogs/visible-line.js';
import { useModalInput } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { editArea, pasteIntoArea, type AreaState } from './text-area.js';

/** The `u` editor: the pre-filled draft, edited in place; Tab changes phase, Ctrl-S sends (after a confirmation naming the channels), Esc discards. */
export function StatusUpdateEditor({ width, height }: { width: number; height: number }) {
  const store = useWarroomStore();
  const draft = useWarroom((s) => s.escalation.draft);
  const [area, setAreaState] = useState<AreaState>(() => ({ lines: draft?.lines ?? [''], row: 0, col: 0 }));
  // Keys can arrive faster than renders: edit the latest text, not this render's.
  const latest = useRef(area);
  const phase = draft?.phase ?? 'investigating';
  const latestPhase = useRef(phase);
  latestPhase.current = phase;

  const setArea = (next: AreaState) => {
    latest.current = next;
    setAreaState(next);
  };
  const keep = (next: AreaState) => {
    setArea(next);
    // Kept in the store so the text survives the confirmation dialog (which replaces this view).
    store.getState().setEscalation({ draft: { phase: latestPhase.current, lines: next.lines } });
  };
  useModalInput(
    (input, key) => {
      const controller = store.getState().statusController;
      const current = latest.current;
      if (key.escape) {
        store.getState().setEscalation({ draft: null });
        store.getState().setControlOverlay(null);
      } else if (key.ctrl && (input === 's' || input === 'd')) {
        store.getState().setControlOverlay(null);
        void controller?.send(latestPhase.current, current.lines.join('\n').trim());
      } else if (key.tab && controller) {
        const nextPhase = PHASES[(PHASES.indexOf(latestPhase.current) + (key.shift ? PHASES.length - 1 : 1)) % PHASES.length]!;
        const lines = controller.draft(nextPhase);
        latestPhase.current = nextPhase;
        setArea({ lines, row: 0, col: 0 });
        store.getState().setEscalation({ draft: { phase: nextPhase, lines } });
      } else {
        const next = editArea(current, input, key);
        if (next !== current) keep(next);
      }
    },
    true,
    { takesText: true, onPaste: (text) => keep(pasteIntoArea(latest.current, pastedText(text, 'lines'))) },
  );

  // Inside the double border and one column of padding on each side; two columns of each row for `› `.
  const inner = Math.max(10, width - 4);
  const room = Math.max(1, height - 4);
  const start = Math.max(0, Math.min(area.row - room + 1, area.lines.length - room));
  const shown = area.lines.slice(start, start + room);
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1} width={width} height={height}>
      <Text bold wrap="truncate">{`Status update · phase: ${phase.toUpperCase()} (Tab changes)`}</Text>
      {shown.map((line, i) => {
        const index = start + i;
        if (index !== area.row) return <Text key={index} wrap="truncate">{`  ${line}`}</Text>;
        const cut = visibleLine(line, area.col, inner - 2);
        return (
          <Text key={index} wrap="truncate">
            {'› '}
            {cut.before}
            <Text inverse>{cut.atCursor}</Text>
            {cut.after}
          </Text>
        );
      })}
      <Text dimColor wrap="truncate">Ctrl-S send (asks first) · Enter new line · ↑/↓ line · Tab phase · Esc discard</Text>
    </Box>
  );
}
