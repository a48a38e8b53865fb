import React from 'react';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** Placeholder until the status board (HTTP/TCP/command checks) lands: says so instead of pretending. */
export function StatusPane(_props: PaneProps) {
  return <NotConfigured lines={['The status board (HTTP/TCP/command checks) is not in this build yet.']} />;
}
