import React, { useState } from 'react';
import { Box, Text } from 'ink';
import type { LogSourceStatus } from '../../src/logs/hub.js';
import { useModalInput } from '../keys/dispatcher.js';
import { cutToWidth } from '../../src/text/width.js';
import { useTheme } from '../theme/use-theme.js';
import { sourcePaint } from './source-colour.js';

/** Props of the source chooser shown in place of the log lines after `s`. */
export interface SourcePickerProps {
  sources: readonly LogSourceStatus[];
  hidden: readonly number[];
  width: number;
  height: number;
  onToggle: (source: number) => void;
  onShowAll: () => void;
  onClose: () => void;
}

/** Lists sources with a checkbox each; takes every key while open (it is a modal). */
export function SourcePicker({ sources, hidden, width, height, onToggle, onShowAll, onClose }: SourcePickerProps) {
  const [cursor, setCursor] = useState(0);
  useModalInput((input, key) => {
    if (key.escape || key.return || input === 's') onClose();
    else if (input === 'j' || key.downArrow) setCursor((c) => Math.min(sources.length - 1, c + 1));
    else if (input === 'k' || key.upArrow) setCursor((c) => Math.max(0, c - 1));
    else if (input === ' ' && sources[cursor]) onToggle(sources[cursor].id);
    else if (input === 'a') onShowAll();
  }, true);
  const theme = useTheme();
  const rows = Math.max(1, height - 1);
  const start = Math.max(0, Math.min(cursor - rows + 1, sources.length - rows));
  return (
    <Box flexDirection="column">
      <Text {...theme.secondary} wrap="truncate">{cutToWidth('sources: Space show/hide · a all · Enter/Esc done', width)}</Text>
      {sources.slice(start, start + rows).map((source, i) => {
        const at = start + i === cursor;
        const box = hidden.includes(source.id) ? '[ ]' : '[x]';
        return (
          <Text key={source.id} wrap="truncate" {...(at ? theme.selection : {})}>
            {at ? '›' : ' '}
            {box}{' '}
            <Text {...sourcePaint(theme, source.id)}>{cutToWidth(source.tag, Math.max(1, width - 6))}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
