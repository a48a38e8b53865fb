import React from 'react';
import { Text } from 'ink';
import type { RunbookOutput } from '../../src/runbooks/output.js';
import { OutputLines, type OutputLayout } from '../output/OutputLines.js';
import type { OutputViewState } from '../output/use-output-view.js';
import { useTheme } from '../theme/use-theme.js';
import { formatRunTime } from '../../src/time/duration-text.js';

/** Which run of a command an output is (a step run again is another run). */
export function runbookRunKey(output: RunbookOutput): string {
  return `${output.id}@${output.startedAt}`;
}

/**
 * The last command's output in the runbook pane: its state (running and how to stop it, or exit
 * code and duration), what ran where, and its rows (the shared output view: PgUp/PgDn/G scroll).
 */
export function OutputView({ output, layout, state, width, height }: { output: RunbookOutput; layout: OutputLayout; state: OutputViewState; width: number; height: number }) {
  const theme = useTheme();
  const where = output.host ? `on ${output.host}` : 'locally';
  let status: React.ReactNode;
  if (output.dryRun) status = <Text {...theme.tone.warn}>[dry-run] not executed</Text>;
  else if (output.running && output.endless) status = <Text {...theme.tone.info}>⟳ streaming — Esc/:cancel stops it (never ends by itself: {output.endless})</Text>;
  else if (output.running) status = <Text {...theme.tone.info}>⟳ running — Esc/:cancel stops it</Text>;
  else if (output.cancelled) status = <Text {...theme.tone.warn}>■ stopped after {formatRunTime(output.durationMs)}</Text>;
  else if (output.exitCode === 0) status = <Text {...theme.tone.good}>✓ exit 0 in {formatRunTime(output.durationMs)}</Text>;
  else status = <Text {...theme.tone.bad}>✗ {output.exitCode === null ? 'no exit code' : `exit ${output.exitCode}`} in {formatRunTime(output.durationMs)}</Text>;
  // The state comes first: on a narrow pane a long command must not push "Esc stops it" off the line.
  const header = (
    <Text wrap="truncate">
      {status} <Text {...theme.strong}>$ {output.shown.split('\n')[0]!.slice(0, width)}</Text> <Text {...theme.secondary}>({where})</Text>
    </Text>
  );
  // Searching takes `/`, which the runbook pane gives to the runbook: the output view (`O`) searches.
  const hint = layout.frame.rows > layout.frame.room ? 'O search' : undefined;
  return <OutputLines layout={layout} state={state} dropped={output.dropped} width={width} height={height} header={header} {...(hint ? { hint } : {})} />;
}
