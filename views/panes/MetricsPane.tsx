import React from 'react';
import { keyFor } from '../../src/keys/keymap.js';
import { useCommands } from '../keys/dispatcher.js';
import { PanelList } from '../metrics/PanelList.js';
import { ZoomChart } from '../metrics/ZoomChart.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** The metrics pane: one row per panel, or the selected panel's braille chart when zoomed. */
export function MetricsPane({ isFocused, width, height }: PaneProps) {
  const store = useWarroomStore();
  const panels = useWarroom((s) => s.metrics.panels);
  const selected = useWarroom((s) => s.metrics.selected);
  const chartOpen = useWarroom((s) => s.metrics.chartOpen);
  const canAdd = useWarroom((s) => s.metrics.actions !== null);
  const paneZoomed = useWarroom((s) => s.zoomed && s.focus === 'metrics');
  const showChart = chartOpen || paneZoomed;
  const state = store.getState;

  const closeChart = () => {
    state().setMetricsChart(false);
    if (state().zoomed) state().toggleZoom();
  };
  useCommands(
    {
      'metrics.down': () => state().selectMetricsPanel(1),
      'metrics.up': () => state().selectMetricsPanel(-1),
      'metrics.zoom': () => {
        if (showChart) return closeChart();
        state().setMetricsChart(true);
        if (!state().zoomed) state().toggleZoom();
      },
      'metrics.close': () => {
        if (!showChart) return false; // nothing of ours to close: Esc goes on to the global cancel
        closeChart();
      },
    },
    isFocused,
  );

  if (panels.length === 0) {
    const add = canAdd ? [`Or press ${keyFor('runbook.add-panel')} on a runbook step's PromQL block.`] : [];
    return <NotConfigured lines={['No metrics panels configured.', 'Add `metrics: panels:` to warroom.yaml (a PromQL query or a scraped /metrics page).', ...add]} />;
  }
  const panel = panels[Math.min(selected, panels.length - 1)]!;
  if (showChart) return <ZoomChart panel={panel} width={width} height={height} />;
  return <PanelList panels={panels} selected={selected} width={width} height={height} isFocused={isFocused} />;
}
