import React from 'react';
import { StatusUpdateEditor } from '../escalation/StatusUpdateEditor.js';
import { useWarroom } from '../store-context.js';
import { ActionMenu } from './ActionMenu.js';
import { RunOutputOverlay } from '../output/RunOutputOverlay.js';

/** Whichever action or escalation overlay is open, drawn in place of the panes. */
export function ControlOverlay({ width, height }: { width: number; height: number }) {
  const overlay = useWarroom((s) => s.controlOverlay);
  if (overlay === 'action-menu') return <ActionMenu width={width} height={height} />;
  if (overlay === 'run-output') return <RunOutputOverlay width={width} height={height} />;
  if (overlay === 'status-update') return <StatusUpdateEditor width={width} height={height} />;
  return null;
}
