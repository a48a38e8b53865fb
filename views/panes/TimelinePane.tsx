import React, { useMemo } from 'react';
import { Box, Text } from 'ink';
import { redact } from '../../src/text/redact.js';
import { useCommands } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import type { PaneProps } from './pane-props.js';
import { NotConfigured } from './NotConfigured.js';
import { useTheme } from '../theme/use-theme.js';
import { filterEvents, timelineRows, visibleWindow } from '../timeline/timeline-rows.js';

/** The incident timeline: newest at the bottom, filter by kind (`f`), local/UTC time (`t`). */
export function TimelinePane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const events = useWarroom((s) => s.timeline.events);
  const total = useWarroom((s) => s.timeline.total);
  const utc = useWarroom((s) => s.timeline.utc);
  const filter = useWarroom((s) => s.timeline.filter);
  const scroll = useWarroom((s) => s.timeline.scroll);
  const actions = useWarroom((s) => s.timelineActions);
  const theme = useTheme();

  useCommands(
    {
      'timeline.down': () => store.getState().scrollTimeline(-1),
      'timeline.up': () => store.getState().scrollTimeline(1),
      'timeline.filter': () => store.getState().cycleTimelineFilter(),
      'timeline.utc': () => store.getState().toggleTimelineUtc(),
    },
    isFocused,
  );

  const rowsRoom = Math.max(0, height - 1);
  const filtered = useMemo(() => filterEvents(events, filter), [events, filter]);
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
}
