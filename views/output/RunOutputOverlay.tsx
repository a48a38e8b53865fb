import React from 'react';
import { Box, Text } from 'ink';
import { TextField } from '../dialogs/TextField.js';
import { useModalInput } from '../keys/dispatcher.js';
import { findBinding, type OutputCommand } from '../../src/keys/keymap.js';
import { keyNames, type ScrollMove } from '../scroll-keys.js';
import { outputHintRows } from './output-hint.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';
import { useNow } from '../use-now.js';
import { layOutOutput, OutputLines } from './OutputLines.js';
import { matchingLines } from './output-rows.js';
import { keptRuns, type RunDoc } from './run-doc.js';
import { useOutputView } from './use-output-view.js';

/** The run picked with [ ] (null: the latest), and which run was the latest when it was picked. */
interface Pick {
  key: string | null;
  latest: string | null;
}

/**
 * The output of the latest run, action or runbook step (`O`), over the panes: the whole kept
 * output, scrolled with j/k, PgUp/PgDn, g/G; `/` searches it (matches painted, n older, N
 * newer); `[` and `]` go to earlier and later runs kept; Ctrl-C cancels the shown run while it
 * goes; Esc or q closes the view (the run goes on).
 */
export function RunOutputOverlay({ width, height }: { width: number; height: number }) {
  const store = useWarroomStore();
  const actionRuns = useWarroom((s) => s.actionRuns);
  const runbook = useWarroom((s) => s.runbook.output);
  const now = useNow();
  const theme = useTheme();
  const [searching, setSearching] = React.useState(false);
  const runs = keptRuns(actionRuns, runbook, now);
  const [pick, setPick] = React.useState<Pick>({ key: null, latest: null });
  const latest = runs.at(-1) ?? null;
  // A run picked with [ ] stays shown until another run starts: then the view follows it.
  const picked = pick.key !== null && pick.latest === latest?.key ? runs.findIndex((r) => r.key === pick.key) : -1;
  const index = picked >= 0 ? picked : runs.length - 1;
  const run: RunDoc | null = runs[index] ?? null;
  const step = (by: 1 | -1) => {
    const next = runs[Math.max(0, Math.min(runs.length - 1, index + by))];
    if (next) setPick({ key: next === latest ? null : next.key, latest: latest?.key ?? null });
  };
  const [view, dispatch] = useOutputView('run-output', run?.key ?? null);
  const inner = Math.max(1, width - 4);
  const hint = outputHintRows({ running: run?.running ?? false, searched: view.query !== '', runs: runs.length }, inner);
  // Border (2), title, command, the hint's rows (one while the search field shows), the summary.
  const linesHeight = Math.max(2, height - 2 - 2 - (searching ? 1 : hint.length) - (run?.summary ? 1 : 0));
  const layout = layOutOutput(run?.key ?? '', run?.lines ?? [], inner, linesHeight - 1);
  const close = () => store.getState().setControlOverlay(null);
  const next = (toward: 'older' | 'newer') => {
    if (!run) return;
    if (!view.query) store.getState().showFlash('/ to search first', 'info');
    else if (matchingLines(run.lines, view.query).length === 0) store.getState().showFlash(`no match for ${view.query}`, 'warn');
    else dispatch({ type: 'next', toward, frame: layout.frame });
  };
  const scroll = (move: ScrollMove) => dispatch({ type: 'scroll', move, frame: layout.frame });
  // One handler per command of the key table's output scope (typed by it: none can be missing).
  // true: the rest of the read is not for the view (it closed, or the search field takes it).
  const commands: Record<OutputCommand, () => boolean> = {
    'output.down': () => (scroll({ by: 'line', step: 1 }), false),
    'output.up': () => (scroll({ by: 'line', step: -1 }), false),
    'output.pagedown': () => (scroll({ by: 'page', step: 1 }), false),
    'output.pageup': () => (scroll({ by: 'page', step: -1 }), false),
    'output.top': () => (scroll({ to: 'top' }), false),
    'output.end': () => (scroll({ to: 'end' }), false),
    'output.search': () => (setSearching(true), true),
    'output.older-match': () => (next('older'), false),
    'output.newer-match': () => (next('newer'), false),
    'output.earlier-run': () => (step(-1), false),
    'output.later-run': () => (step(1), false),
    'output.cancel': () => false, // below: it answers whether Ctrl-C was used
    'output.close': () => (close(), true),
  };
  useModalInput((input, key) => {
    for (const name of keyNames(input, key)) {
      const command = findBinding('output', name)?.command as OutputCommand | undefined;
      if (command === 'output.cancel') {
        const work = run?.running ? store.getState().running[run.runId] : undefined;
        if (!work) return false; // nothing to cancel: Ctrl-C quits
        work.cancel();
        store.getState().showFlash(`cancelling ${work.description}…`, 'warn');
        return true;
      }
      if (!command || (!run && command !== 'output.close')) continue;
      if (commands[command]()) return false;
    }
    return false;
  }, !searching);  if (!run) return null;
  const search = (query: string) => {
    setSearching(false);
    if (query === '') return;
    dispatch({ type: 'search', query, frame: layout.frame });
    if (matchingLines(run.lines, query).length === 0) store.getState().showFlash(`no match for ${query}`, 'warn');
  };
  const tone = { ...theme.strong, ...theme.tone[run.tone] };
  const which = runs.length > 1 ? ` · run ${index + 1}/${runs.length}` : '';
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text {...tone} wrap="truncate">{run.title}{which}</Text>
      <Text wrap="truncate">
        <Text {...theme.strong}>$ {run.command}</Text> <Text {...theme.secondary}>({run.where})</Text>
      </Text>
      <OutputLines layout={layout} state={view} dropped={run.dropped} width={inner} height={linesHeight} />
      {run.summary ? <Text {...tone} wrap="truncate">{run.summary}</Text> : null}
      {searching ? (
        <TextField prefix="/" width={inner} onSubmit={search} onCancel={() => setSearching(false)} />
      ) : (
        hint.map((row, i) => (
          <Text key={i} {...theme.secondary} wrap="truncate">
            {row}
          </Text>
        ))
      )}
    </Box>
  );
}
