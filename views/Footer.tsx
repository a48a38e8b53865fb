import React, { memo } from 'react';
import { Box, Text } from 'ink';
import { KEYMAP, keyLabel, type KeyScope } from '../src/keys/keymap.js';
import { useWarroom } from './store-context.js';
import { useTheme } from './theme/use-theme.js';
import { useNow } from './use-now.js';
import { useRecordBanner } from './timeline/record-status.js';

/** Hints for the keys of the focused pane and the global ones, or the latest message. */
export const Footer = memo(function Footer({ width, scope }: { width: number; scope: KeyScope }) {
  const flash = useWarroom((s) => s.flash);
  const now = useNow();
  const theme = useTheme();
  const banner = useRecordBanner();
  if (banner && !(flash && flash.until > now && flash.tone === 'error')) {
    // Persistent until the journal writes again; only a newer error message goes over it.
    return (
      <Box width={width} height={1}>
        <Text {...theme.tone.bad} {...theme.strong} wrap="truncate">{`✖ ${banner}`}</Text>
      </Box>
    );
  }
  if (flash && flash.until > now) {
    const mark = flash.tone === 'error' ? '✖ ' : flash.tone === 'warn' ? '⚠ ' : '› ';
    const paint = theme.tone[flash.tone === 'error' ? 'bad' : flash.tone === 'warn' ? 'warn' : 'info'];
    return (
      <Box width={width} height={1}>
        <Text {...paint} wrap="truncate">{mark + flash.text}</Text>
      </Box>
    );
  }
  const hints = KEYMAP.filter((b) => b.footer && (b.scope === scope || b.scope === 'global'))
    .sort((a, b) => Number(a.scope === 'global') - Number(b.scope === 'global'))
    .map((b) => `${keyLabel(b.keys[0] ?? '')} ${b.description.split(/[:(]/)[0]?.trim()}`);
  return (
    <Box width={width} height={1}>
      <Text {...theme.secondary} wrap="truncate">{hints.join('  ')}</Text>
    </Box>
  );
});
