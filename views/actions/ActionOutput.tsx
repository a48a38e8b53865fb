import React from 'react';
import { Box, Text } from 'ink';
import { formatDuration } from '../../src/time/duration-text.js';
import { useModalInput } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';
import { useNow } from '../use-now.js';

const STATE_WORD = { running: '⟳ running', succeeded: '✔ succeeded', failed: '✖ failed', cancelled: '■ cancelled', 'dry-run': '◌ dry-run' } as const;

/** The latest action's live output (bounded to what fits); Ctrl-C cancels it, Esc closes the view. */
export function ActionOutput({ width, height }: { width: number; height: number }) {
  const store = useWarroomStore();
  const run = useWarroom((s) => s.actionRuns.at(-1));
  const now = useNow();
  const theme = useTheme();
  useModalInput((input, key) => {
    if (key.ctrl && input === 'c') {
      const controller = store.getState().actionsController;
      if (!controller || run?.state !== 'running') return false; // nothing to cancel: Ctrl-C quits
      controller.cancel();
      return true;
    }
    if (key.escape || input === 'q') store.getState().setControlOverlay(null);
    return false;
  }, true);
  if (!run) return null;
  const elapsed = formatDuration((run.finishedAt ?? now) - run.startedAt);
  const title = `${STATE_WORD[run.state]} ${run.action} ${run.service}${run.instance ? ` ${run.instance}` : ''} · ${elapsed}${run.progress ? ` · ${run.progress}` : ''}`;
  const room = Math.max(1, height - 5 - (run.summary ? 1 : 0));
  const lines = run.lines.slice(-room);
  const cut = (text: string) => (text.length > width - 4 ? text.slice(0, width - 5) + '…' : text);
  const tone = { ...theme.strong, ...theme.tone[run.state === 'failed' ? 'bad' : run.state === 'succeeded' ? 'good' : 'warn'] };
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width} height={height}>
      <Text {...tone} wrap="truncate">{title}</Text>
      <Text {...theme.secondary} wrap="truncate">{cut(`$ ${run.command}`)}</Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">{cut(line)}</Text>
      ))}
      {run.summary ? <Text {...tone} wrap="truncate">{cut(run.summary)}</Text> : null}
      <Text {...theme.secondary} wrap="truncate">{run.state === 'running' ? 'Ctrl-C cancel · Esc close (keeps running; O reopens)' : 'Esc close · O reopens'}</Text>
    </Box>
  );
}
