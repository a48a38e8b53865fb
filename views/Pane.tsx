import React, { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { useTheme } from './theme/use-theme.js';

/** Props of the frame around one pane. */
export interface PaneFrameProps {
  /** The key that focuses the pane ('' for none). */
  index: string;
  title: string;
  /** Short status shown after the title ("3 DOWN", "paused"). */
  badge?: string;
  isFocused: boolean;
  width: number;
  height: number;
  children: ReactNode;
}

/**
 * A bordered pane with its number and title in the top rule; focus shows as ▶ and a double rule.
 * One row high it is folded (the layout had no room worth drawing it in): the rule alone, saying
 * which key brings it back.
 */
export function PaneFrame({ index, title, badge, isFocused, width, height, children }: PaneFrameProps) {
  const folded = height <= 1;
  const note = folded ? [badge, index ? `folded · ${index} opens it` : 'folded'].filter(Boolean).join(' · ') : badge;
  const label = `${isFocused ? '▶' : ' '}${index} ${title}${note ? ` · ${note}` : ''} `;
  const rule = isFocused ? '═' : '─';
  const corner = isFocused ? ['╔', '╗'] : ['┌', '┐'];
  const fill = Math.max(0, width - 3 - label.length);
  const frame = useTheme()[isFocused ? 'focus' : 'blur'];
  const top = `${corner[0]}${rule}${label}${rule.repeat(fill)}${corner[1]}`.slice(0, width);
  if (folded) {
    return (
      <Box width={width} height={1} flexShrink={0}>
        <Text {...frame.title} wrap="truncate">{`${rule}${rule}${label}${rule.repeat(fill + 1)}`.slice(0, width)}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <Text {...frame.title} wrap="truncate">{top}</Text>
      {/* Keyed by focus: Ink re-applies only changed styles, and a changed borderStyle would turn
          the hidden top edge back on, pushing the content down a row. */}
      <Box
        key={isFocused ? 'focused' : 'unfocused'}
        borderStyle={isFocused ? 'double' : 'single'}
        borderTop={false}
        {...frame.border}
        flexDirection="column"
        width={width}
        height={height - 1}
        flexShrink={0}
        overflow="hidden"
      >
        {/* Not shrinkable: content taller than the pane is clipped at the bottom edge, instead of
            being squeezed by the layout until lines are drawn over each other. */}
        <Box flexDirection="column" flexShrink={0}>
          {children}
        </Box>
      </Box>
    </Box>
  );
}
