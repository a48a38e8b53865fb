import React from 'react';
import { NotConfigured } from './NotConfigured.js';
import type { PaneProps } from './pane-props.js';

/** Placeholder until the runbook checklist lands: says so instead of pretending. */
export function RunbookPane(_props: PaneProps) {
  return <NotConfigured lines={['The runbook checklist is not in this build yet.']} />;
}
