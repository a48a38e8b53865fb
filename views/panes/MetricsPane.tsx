import React, { memo } from 'react';
import { Box } from 'ink';
import { keyFor } from '../../src/keys/keymap.js';
import { PanelList } from '../metrics/PanelList.js';
import { ZoomChart } from '../metrics/ZoomChart.js';
import { selectedPanel, useMetricsCursor } from '../metrics/use-metrics-cursor.js';
import { useMetricsKeys } from '../metrics/use-metrics-keys.js';
import { CHART_BELOW } from '../metrics/use-metrics-rows.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** The metrics pane: one row per panel (and the selected one's braille chart below, given the rows), or that chart alone when zoomed. */
export const MetricsPane = memo(function MetricsPane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const panels = useWarroom((s) => s.metrics.panels);
  const canAdd = useWarroom((s) => s.metrics.actions !== null);
  const paneZoomed = useWarroom((s) => s.zoomed && s.focus === 'metrics');
  const [cursor, dispatch] = useMetricsCursor();
  const selected = selectedPanel(cursor, panels.length);
  const showChart = cursor.chartOpen || paneZoomed;
  useMetricsKeys(store, dispatch, panels.length, showChart, isFocused);

  if (panels.length === 0) {
    const add = canAdd ? [`Or press ${keyFor('runbook.add-panel')} on a runbook step's PromQL block.`] : [];
    return <NotConfigured lines={['No metrics panels configured.', 'Add `metrics: panels:` to warroom.yaml (a PromQL query or a scraped /metrics page).', ...add]} />;
  }
  const panel = panels[Math.min(selected, panels.length - 1)]!;
  if (showChart) return <ZoomChart panel={panel} width={width} height={height} />;
  // Rows the list leaves (no other pane wanted them): the selected panel's chart below it.
  const spare = height - panels.length;
  if (spare < CHART_BELOW.least) return <PanelList panels={panels} selected={selected} width={width} height={height} isFocused={isFocused} />;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <PanelList panels={panels} selected={selected} width={width} height={panels.length} isFocused={isFocused} />
      <ZoomChart panel={panel} width={width} height={spare} />
    </Box>
  );
});
