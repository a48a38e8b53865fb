import React from 'react';
import { Text } from 'ink';
import { formatDuration } from '../../src/time/duration-text.js';
import type { ActionRunView } from '../../src/store/actions.js';
import { useWarroom } from '../store-context.js';

function latestRunning(runs: readonly ActionRunView[]): ActionRunView | undefined {
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.state === 'running') return runs[i];
  return undefined;
}

/** The header's progress for the running action: "⟳ restart gateway 1/3 · app-2 waiting for UP 12s". */
export function ActionProgress({ now }: { now: number }) {
  const run = useWarroom((s) => latestRunning(s.actionRuns));
  if (!run) return null;
  const what = `${run.action} ${run.service}${run.instance ? ` ${run.instance}` : ''}`;
  return <Text color="yellow">{` │ ⟳ ${what}${run.progress ? ` ${run.progress}` : ''} ${formatDuration(now - run.startedAt)}`}</Text>;
}
