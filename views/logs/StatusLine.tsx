import React from 'react';
import { Text } from 'ink';
import { LEVEL_NAMES, Level } from '../../src/logs/level.js';
import type { LogsPaneState } from '../../src/logs/pane-state.js';
import { useTheme } from '../theme/use-theme.js';
import { cutToWidth } from '../../src/text/width.js';

/**
 * The pane's bottom line: live / paused with the new-line count, filter, level, wrap, last
 * message. `stale` sources (gone away, not back) keep LIVE from claiming the whole stream is live.
 */
export function StatusLine({ state, newLines, stale, width }: { state: LogsPaneState; newLines: number; stale: number; width: number }) {
  const following = state.paused ? 'PAUSED' : state.anchor !== null ? 'SCROLLED' : 'LIVE';
  const mode = stale > 0 ? `${following} · ${stale} stale` : following;
  const fresh = newLines > 0 ? ` +${newLines.toLocaleString('en-US')} new` : '';
  const hint = state.anchor !== null || state.paused ? ' (G live)' : '';
  const parts = [
    state.filterText ? `/${state.filterText}/` : '',
    state.minLevel !== Level.unknown ? `≥${LEVEL_NAMES[state.minLevel]}` : '',
    state.hidden.length > 0 ? `${state.hidden.length} hidden` : '',
    state.wrap ? 'wrap' : '',
  ].filter(Boolean);
  const rest = parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
  const message = state.message ? ` — ${state.message}` : '';
  const modeText = `${mode}${fresh}${hint}`;
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      <Text {...(mode === 'LIVE' ? theme.tone.good : { ...theme.tone.warn, inverse: true })}>{cutToWidth(modeText, width)}</Text>
      <Text {...theme.secondary}>{cutToWidth(rest, Math.max(0, width - modeText.length))}</Text>
      <Text {...(state.message?.startsWith('invalid') ? theme.tone.bad : {})}>
        {cutToWidth(message, Math.max(0, width - modeText.length - rest.length))}
      </Text>
    </Text>
  );
}
