import React, { memo, useMemo, useState } from 'react';
import { Box } from 'ink';
import { markedLine, newSinceFrozen, visibleLines, type LogsPaneAction } from '../../src/logs/pane-state.js';
import { useTheme } from '../theme/use-theme.js';
import { TextField } from '../dialogs/TextField.js';
import { LineDetail } from '../logs/LineDetail.js';
import { LogLines } from '../logs/LogLines.js';
import { rowLayout, rowsOfLine, type LogRow } from '../logs/log-row.js';
import { SourceCounts } from '../logs/SourceCounts.js';
import { SourcePicker } from '../logs/SourcePicker.js';
import { StatusLine } from '../logs/StatusLine.js';
import { useLogsCursor } from '../logs/use-logs-cursor.js';
import { useLogsKeys } from '../logs/use-logs-keys.js';
import { useWarroom } from '../store-context.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** The merged log stream: counts per source on top, newest line at the bottom, status below. */
export const LogsPane = memo(function LogsPane({ isFocused, width, height }: PaneProps) {
  const ring = useWarroom((s) => s.logs.ring);
  const version = useWarroom((s) => s.logs.version);
  const sources = useWarroom((s) => s.logs.sources);
  const redact = useWarroom((s) => s.logsRedact);
  const [pane, dispatchPane] = useLogsCursor();
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  /** The line whose fields are shown (Enter), or null. */
  const [detail, setDetail] = useState<number | null>(null);
  const linesHeight = Math.max(1, height - 2);
  const dispatch = (action: LogsPaneAction) => {
    if (ring !== null) dispatchPane({ action, ring, height: linesHeight });
  };
  const showDetail = () => {
    const seq = ring === null ? -1 : markedLine(ring, pane);
    if (seq === -1) dispatch({ type: 'message', text: 'no line to show' });
    else setDetail(seq);
  };
  useLogsKeys(pane, dispatch, { editFilter: () => setEditing(true), pickSources: () => setPicking(true), showDetail }, isFocused);

  const tags = useMemo(() => sources.map((s) => s.tag), [sources]);
  const theme = useTheme();
  const rows = useMemo((): LogRow[] => {
    if (ring === null) return [];
    const layout = rowLayout(width, tags);
    const built: LogRow[] = [];
    for (const seq of visibleLines(ring, pane, linesHeight)) {
      built.push(...rowsOfLine(ring, seq, layout, tags, theme, { selected: seq === pane.selected, wrap: pane.wrap, redact, filter: pane.filter }));
    }
    return built.slice(-linesHeight);
    // version: the ring is mutated in place; each flush bumps it.
  }, [ring, version, pane, width, linesHeight, tags, theme, redact]);

  if (ring === null) {
    return <NotConfigured lines={['No log sources configured.', 'Add `logs:` (file or command) to a service in warroom.yaml.']} />;
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <SourceCounts sources={sources} hidden={pane.hidden} width={width} />
      <Box flexDirection="column" height={linesHeight}>
        {detail !== null && ring !== null ? (
          <LineDetail
            ring={ring}
            seq={detail}
            tag={tags[ring.source(detail)] ?? ''}
            redact={redact}
            width={width}
            height={linesHeight}
            onClose={() => setDetail(null)}
          />
        ) : picking ? (
          <SourcePicker
            sources={sources}
            hidden={pane.hidden}
            width={width}
            height={linesHeight}
            onToggle={(source) => dispatch({ type: 'toggle-source', source })}
            onShowAll={() => dispatch({ type: 'show-all-sources' })}
            onClose={() => setPicking(false)}
          />
        ) : (
          <LogLines rows={rows} />
        )}
      </Box>
      {editing ? (
        <TextField
          prefix="filter /"
          initial={pane.filterText}
          width={width}
          onSubmit={(text) => {
            dispatch({ type: 'set-filter', text });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <StatusLine state={pane} newLines={newSinceFrozen(ring, pane)} stale={sources.filter((s) => s.staleSince !== null).length} width={width} />
      )}
    </Box>
  );
});
