import React from 'react';
import { Box, Text } from 'ink';
import type { MetricsPanelView } from '../../src/metrics/types.js';
import { formatValue } from '../../src/metrics/units.js';
import type { Paint, Theme } from '../theme/theme.js';
import { useTheme } from '../theme/use-theme.js';
import { renderBrailleChart } from './braille-chart.js';
import { clockTime, panelNote, STATE_MARKERS } from './panel-row.js';

/** Props of the zoomed chart. */
export interface ZoomChartProps {
  panel: MetricsPanelView;
  width: number;
  height: number;
}

/** The line the chart draws: crit if set, else warn. */
function thresholdLine(panel: MetricsPanelView, theme: Theme): { value: number; paint: Paint; name: string } | undefined {
  if (panel.crit !== undefined) return { value: panel.crit, paint: theme.threshold.crit, name: 'crit' };
  if (panel.warn !== undefined) return { value: panel.warn, paint: theme.threshold.warn, name: 'warn' };
  return undefined;
}

/** A large braille line chart of one panel, with axes, the threshold line and a legend. */
export function ZoomChart({ panel, width, height }: ZoomChartProps) {
  const theme = useTheme();
  const threshold = thresholdLine(panel, theme);
  const note = panelNote(panel);
  const stale = panel.staleSince !== null;
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
        ...(threshold ? { threshold: { value: threshold.value, paint: threshold.paint } } : {}),
        paints: theme.series,
        width,
        height: chartHeight,
        timeLabel: clockTime,
      })
    : [];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate" {...theme.threshold[panel.state]} {...theme.strong}>{header}</Text>
      {legend ? (
        <Text wrap="truncate">
          {panel.series.map((s, i) => (
            <Text key={i} {...theme.series[i % theme.series.length]}>{`━ ${s.name || panel.title}  `}</Text>
          ))}
        </Text>
      ) : null}
      {problem ? <Text wrap="truncate" {...(stale ? theme.tone.warn : theme.tone.bad)}>{problem}</Text> : null}
      {hasData ? (
        lines.map((runs, r) => (
          <Text key={r} wrap="truncate" {...(stale ? theme.stale : {})}>
            {runs.map((run, j) => (
              <Text key={j} {...(stale ? {} : run.paint)}>{run.text}</Text>
            ))}
          </Text>
        ))
      ) : (
        <Text {...theme.secondary}>{note.problem ? 'no data to chart' : 'waiting for data…'}</Text>
      )}
    </Box>
  );
}
