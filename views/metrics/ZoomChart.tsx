import React from 'react';
import { Box, Text } from 'ink';
import type { MetricsPanelView } from '../../src/store/metrics.js';
import { formatValue } from '../../src/metrics/units.js';
import { renderBrailleChart, SERIES_COLORS } from './braille-chart.js';
import { clockTime, panelNote, STATE_COLORS, STATE_MARKERS } from './panel-row.js';

/** Props of the zoomed chart. */
export interface ZoomChartProps {
  panel: MetricsPanelView;
  width: number;
  height: number;
}

/** The line the chart draws: crit if set, else warn. */
function thresholdLine(panel: MetricsPanelView): { value: number; color: string; name: string } | undefined {
  if (panel.crit !== undefined) return { value: panel.crit, color: 'red', name: 'crit' };
  if (panel.warn !== undefined) return { value: panel.warn, color: 'yellow', name: 'warn' };
  return undefined;
}

/** A large braille line chart of one panel, with axes, the threshold line and a legend. */
export function ZoomChart({ panel, width, height }: ZoomChartProps) {
  const threshold = thresholdLine(panel);
  const note = panelNote(panel);
  const stale = panel.staleSince !== null;
  const color = STATE_COLORS[panel.state];
  const header = [
    `${STATE_MARKERS[panel.state].trim() ? `${STATE_MARKERS[panel.state].trim()} ` : ''}${panel.title}`,
    `now ${formatValue(panel.current, panel.unit)}`,
    `min ${formatValue(panel.min, panel.unit)} max ${formatValue(panel.max, panel.unit)}`,
    threshold ? `┄ ${threshold.name} ${formatValue(threshold.value, panel.unit)}${panel.below ? ' (below is bad)' : ''}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const legend = panel.series.length > 1 || panel.series[0]?.name;
  const problem = note.problem ? note.text : '';
  const chartHeight = Math.max(3, height - 1 - (legend ? 1 : 0) - (problem ? 1 : 0));
  const hasData = panel.times.length > 0 && panel.series.length > 0;
  const lines = hasData
    ? renderBrailleChart({
        times: panel.times,
        series: panel.series,
        unit: panel.unit,
        ...(threshold ? { threshold: { value: threshold.value, color: threshold.color } } : {}),
        width,
        height: chartHeight,
        timeLabel: clockTime,
      })
    : [];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" bold color={color}>{header}</Text>
      {legend ? (
        <Text wrap="truncate">
          {panel.series.map((s, i) => (
            <Text key={i} color={SERIES_COLORS[i % SERIES_COLORS.length]}>{`━ ${s.name || panel.title}  `}</Text>
          ))}
        </Text>
      ) : null}
      {problem ? <Text wrap="truncate" color={stale ? 'yellow' : 'red'}>{problem}</Text> : null}
      {hasData ? (
        lines.map((runs, r) => (
          <Text key={r} wrap="truncate" dimColor={stale}>
            {runs.map((run, j) => (
              <Text key={j} color={stale ? undefined : run.color}>{run.text}</Text>
            ))}
          </Text>
        ))
      ) : (
        <Text dimColor>{note.problem ? 'no data to chart' : 'waiting for data…'}</Text>
      )}
    </Box>
  );
}
