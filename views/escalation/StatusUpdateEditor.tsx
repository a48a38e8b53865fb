import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { PHASES } from '../../src/status-updates/template.js';
import { useModalInput } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { editArea, type AreaState } from './text-area.js';

/** The `u` editor: the pre-filled draft, edited in place; Tab changes phase, Ctrl-S sends (after a confirmation naming the channels), Esc discards. */
export function StatusUpdateEditor({ width, height }: { width: number; height: number }) {
  const store = useWarroomStore();
  const draft = useWarroom((s) => s.escalation.draft);
  const [area, setArea] = useState<AreaState>(() => ({ lines: draft?.lines ?? [''], row: 0, col: 0 }));
  const phase = draft?.phase ?? 'investigating';

  const keep = (next: AreaState) => {
    setArea(next);
    // Kept in the store so the text survives the confirmation dialog (which replaces this view).
    store.getState().setEscalation({ draft: { phase, lines: next.lines } });
  };
  useModalInput((input, key) => {
    const controller = store.getState().statusController;
    if (key.escape) {
      store.getState().setEscalation({ draft: null });
      store.getState().setControlOverlay(null);
    } else if (key.ctrl && (input === 's' || input === 'd')) {
      store.getState().setControlOverlay(null);
      void controller?.send(phase, area.lines.join('\n').trim());
    } else if (key.tab && controller) {
      const nextPhase = PHASES[(PHASES.indexOf(phase) + (key.shift ? PHASES.length - 1 : 1)) % PHASES.length]!;
      const lines = controller.draft(nextPhase);
      setArea({ lines, row: 0, col: 0 });
      store.getState().setEscalation({ draft: { phase: nextPhase, lines } });
    } else {
      const next = editArea(area, input, key);
      if (next !== area) keep(next);
    }
  }, true);

  const inner = Math.max(10, width - 4);
  const room = Math.max(1, height - 5);
  const start = Math.max(0, Math.min(area.row - room + 1, area.lines.length - room));
  const shown = area.lines.slice(Math.max(0, start), Math.max(0, start) + room);
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1} width={width} height={height}>
      <Text bold wrap="truncate">{`Status update · phase: ${phase.toUpperCase()} (Tab changes)`}</Text>
      {shown.map((line, i) => {
        const index = Math.max(0, start) + i;
        if (index !== area.row) return <Text key={index} wrap="truncate">{`  ${line}`.slice(0, inner)}</Text>;
        const from = Math.max(0, area.col - inner + 4);
        const visible = line.slice(from, from + inner - 3);
        const at = area.col - from;
        return (
          <Text key={index} wrap="truncate">
            {'› '}
            {visible.slice(0, at)}
            <Text inverse>{visible[at] ?? ' '}</Text>
            {visible.slice(at + 1)}
          </Text>
        );
      })}
      <Text dimColor wrap="truncate">Ctrl-S send (asks first) · Enter new line · ↑/↓ line · Tab phase · Esc discard</Text>
    </Box>
  );
}
