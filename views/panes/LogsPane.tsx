import React from 'react';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** Placeholder until the log tailing lands: says so instead of pretending. */
export function LogsPane(_props: PaneProps) {
  return <NotConfigured lines={['The log tailing is not in this build yet.']} />;
}
