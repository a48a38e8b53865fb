import React from 'react';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** Placeholder until the metrics sparklines lands: says so instead of pretending. */
export function MetricsPane(_props: PaneProps) {
  return <NotConfigured lines={['The metrics sparklines is not in this build yet.']} />;
}
