import React from 'react';
import { Text } from 'ink';
import type { LogSourceStatus } from '../../src/logs/hub.js';
import { cutToWidth } from '../../src/text/width.js';
import { localClock } from '../../src/time/clock-text.js';
import { useTheme } from '../theme/use-theme.js';
import { sourcePaint } from './source-colour.js';

const STATE_NOTES: Record<string, string> = { waiting: ' (waiting)', restarting: ' (restarting)', starting: ' (starting)', stopped: ' (stopped)' };

/** One line of per-source error/warning counts: `api E12 W3 2/min · worker E0 W1 (restarting)`. */
export function SourceCounts({ sources, hidden, width }: { sources: readonly LogSourceStatus[]; hidden: readonly number[]; width: number }) {
  const theme = useTheme();
  let used = 0;
  const parts: React.ReactNode[] = [];
  for (const source of sources) {
    // Totals, plus the last minute's errors when there are any (`!` while above the note threshold).
    const rate = source.errorsLastMinute > 0 ? ` ${source.errorEpisode ? '!' : ''}${source.errorsLastMinute}/min` : '';
    const counts = ` E${source.errorsTotal} W${source.warnsTotal}${rate}`;
    // A source that went away says since when: its silence is not a quiet service.
    const stateNote = source.staleSince !== null ? ` (stale since ${localClock(source.staleSince)})` : (STATE_NOTES[source.state] ?? '');
    const note = (hidden.includes(source.id) ? ' (hidden)' : '') + stateNote;
    const piece = `${source.tag}${counts}${note}`;
    const sep = parts.length > 0 ? ' · ' : '';
    if (used + sep.length + piece.length > width) {
      if (used + 2 <= width) parts.push(<Text key="more" {...theme.secondary}>{sep ? ' …' : cutToWidth(piece, width)}</Text>);
      break;
    }
    used += sep.length + piece.length;
    parts.push(
      <Text key={source.id}>
        {sep}
        <Text {...sourcePaint(theme, source.id)} {...(hidden.includes(source.id) ? theme.secondary : {})}>{source.tag}</Text>
        <Text {...(source.errorsTotal > 0 ? theme.tone.bad : {})}>{counts}</Text>
        <Text {...(source.staleSince !== null ? theme.tone.warn : theme.secondary)}>{note}</Text>
      </Text>,
    );
  }
  return <Text wrap="truncate">{parts}</Text>;
}
