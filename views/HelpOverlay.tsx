import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useModalInput } from './keys/dispatcher.js';
import { helpSections } from './help/help-content.js';
import { layoutHelp, type HelpPieceKind, type HelpRow } from './help/help-layout.js';
import type { PaneRegistry } from './panes/pane-entry.js';
import { usePaneRegistry } from './panes/registry-context.js';
import { keyNames, scrolled, scrollMove } from './scroll-keys.js';
import { useTheme } from './theme/use-theme.js';
import type { Paint, Theme } from './theme/theme.js';

/** The overlay's own keys, shown on its last row (they are the overlay's, not the console's). */
const SCROLL_HINT = 'j/k ↓/↑ line · PgDn/PgUp/Space page · g/G top/end · Esc ? q close';

function piecePaint(theme: Theme, kind: HelpPieceKind): Paint {
  if (kind === 'title') return theme.strong;
  if (kind === 'keys') return theme.command;
  return {};
}

/**
 * The last layout made, and for which panes and width: the overlay mounts afresh each time `?`
 * opens it, and laying out every key and command again (measuring each piece) was most of what
 * opening help cost, 30-50 ms a press on a busy machine.
 */
let lastLayout: { panes: PaneRegistry; inner: number; rows: HelpRow[] } | null = null;

function helpRows(panes: PaneRegistry, inner: number): HelpRow[] {
  if (lastLayout?.panes !== panes || lastLayout.inner !== inner) lastLayout = { panes, inner, rows: layoutHelp(helpSections(panes), inner) };
  return lastLayout.rows;
}

/** Props of the help overlay. */
export interface HelpOverlayProps {
  width: number;
  height: number;
  /** Called on Esc, ? or q. */
  onClose: () => void;
}

/**
 * The `?` overlay: every key and `:` command, laid out in as many columns as fit, scrolled with
 * j/k, arrows, PgDn/PgUp, g/G when taller than the screen, with where you are in it on top.
 */
export function HelpOverlay({ width, height, onClose }: HelpOverlayProps) {
  const theme = useTheme();
  // Border (2) and padding (2) around the text.
  const inner = Math.max(10, width - 4);
  const panes = usePaneRegistry();
  const rows = helpRows(panes, inner);
  // Border (2), the position line and the key hint line.
  const visible = Math.max(1, height - 4);
  const maxTop = Math.max(0, rows.length - visible);
  const [wantedTop, setTop] = useState(0);
  const top = Math.min(wantedTop, maxTop);

  // Modal: every key comes here while help shows; those that are not its own do nothing.
  useModalInput((input, key) => {
    let next = top;
    for (const name of keyNames(input, key)) {
      if (name === 'escape' || name === '?' || name === 'q') return onClose();
      const move = scrollMove(name);
      if (move) next = scrolled(move, next, rows.length, visible);
    }
    setTop(next);
  }, true);

  const shown = rows.slice(top, top + visible);
  const below = rows.length - top - shown.length;
  const position =
    rows.length <= visible
      ? 'all shown'
      : `lines ${top + 1}–${top + shown.length} of ${rows.length}${below > 0 ? ` · ↓ ${below} more` : ' · end'}${top > 0 ? ` · ↑ ${top} above` : ''}`;
  return (
    <Box flexDirection="column" borderStyle="double" {...theme.focus.border} width={width} height={height} paddingX={1}>
      <Text wrap="truncate">
        <Text {...theme.strong}>Help: keys and : commands</Text>
        <Text {...theme.secondary}>{` · ${position}`}</Text>
      </Text>
      {shown.map((row, i) => (
        <Text key={top + i} wrap="truncate">
          {row.map((piece, j) => (
            <Text key={j} {...piecePaint(theme, piece.kind)}>
              {piece.text}
            </Text>
          ))}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text {...theme.secondary} wrap="truncate">
        {SCROLL_HINT}
      </Text>
    </Box>
  );
}
