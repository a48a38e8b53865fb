import type { ActionRunView } from '../../src/actions/types.js';
import { formatDuration } from '../../src/time/duration-text.js';
import { useWarroom } from '../store-context.js';

/** Longest progress text the header gives up its title for. */
const MAX_CHARS = 48;

function latestRunning(runs: readonly ActionRunView[]): ActionRunView | undefined {
  for (let i = runs.length - 1; i >= 0; i--) if (runs[i]!.state === 'running') return runs[i];
  return undefined;
}

/** The header's progress text for the running action (" │ ⟳ restart gateway 1/3 · app-2 waiting for UP 12s"), or ''. */
export function useActionProgress(now: number): string {
  const run = useWarroom((s) => latestRunning(s.actionRuns));
  if (!run) return '';
  const what = `${run.action} ${run.service}${run.instance ? ` ${run.instance}` : ''}${run.progress ? ` ${run.progress}` : ''}`;
  const elapsed = ` ${formatDuration(now - run.startedAt)}`;
  const room = MAX_CHARS - elapsed.length;
  return ` │ ⟳ ${what.length > room ? `${what.slice(0, room - 1)}…` : what}${elapsed}`;
}
