import React, { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import { redact } from '../../src/text/redact.js';
import { useWarroom } from '../store-context.js';
import type { PaneProps } from './pane-props.js';
import { NotConfigured } from './NotConfigured.js';
import { useTheme } from '../theme/use-theme.js';
import { filterEvents, timelineRows, visibleWindow } from '../timeline/timeline-rows.js';
import { useTimelineCursor } from '../timeline/use-timeline-cursor.js';
import { useTimelineKeys } from '../timeline/use-timeline-keys.js';

/** The incident timeline: newest at the bottom, filter by kind (`f`), local/UTC time (`t`). */
export const TimelinePane = memo(function TimelinePane({ isFocused, width, height }: PaneProps) {
  const events = useWarroom((s) => s.timeline.events);
  const total = useWarroom((s) => s.timeline.total);
  const actions = useWarroom((s) => s.timelineActions);
  const theme = useTheme();
  const [{ utc, filter, scroll }, dispatch] = useTimelineCursor();
  const filtered = useMemo(() => filterEvents(events, filter), [events, filter]);

  useTimelineKeys(dispatch, filtered.length, isFocused);

  const rowsRoom = Math.max(0, height - 1);
  const visible = visibleWindow(filtered, rowsRoom, scroll);
  const rows = timelineRows(visible, { utc, width, redact: actions?.redact ?? redact });

  if (!actions && events.length === 0) {
    return <NotConfigured lines={['No incident journal is open in this console.']} />;
  }
  const status =
    `${filter ?? 'all'} · ${utc ? 'UTC' : 'local'} · ${filtered.length}` +
    `${total > events.length ? ` of last ${events.length}` : ''} events` +
    (scroll > 0 ? ` · ↑${scroll}` : '') +
    (isFocused ? ' · f filter t UTC' : '');
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text {...theme.secondary} wrap="truncate">{status.slice(0, width)}</Text>
      {rows.length === 0 ? <Text {...theme.secondary}>{'No events yet. n adds a note.'.slice(0, width)}</Text> : null}
      {rows.map((row) => (
        <Text key={row.id} wrap="truncate">
          <Text {...theme.secondary}>{row.time}</Text> <Text {...theme.tone[row.tone]}>{row.icon}</Text> <Text {...theme.strong}>{row.who}</Text> {row.text}
        </Text>
      ))}
    </Box>
  );
});
