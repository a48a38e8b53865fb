import React from 'react';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** Placeholder until the timeline view lands: says so instead of pretending. */
export function TimelinePane(_props: PaneProps) {
  return <NotConfigured lines={['The timeline view is not in this build yet.']} />;
}
