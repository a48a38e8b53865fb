import React, { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import { menuItems } from '../../src/actions/menu-items.js';
import { useModalInput } from '../keys/dispatcher.js';
import { useWarroom, useWarroomStore } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';

/** The `a` menu: the selected service's actions; j/k or digits pick, Enter runs (after its confirmation), Esc closes. */
export function ActionMenu({ width, height }: { width: number; height: number }) {
  const store = useWarroomStore();
  const row = useWarroom((s) => s.actionMenuFor);
  const controller = useWarroom((s) => s.actionsController);
  const items = useMemo(() => (row && controller ? menuItems(controller.actionsOf(row.service), row) : []), [row, controller]);
  const [cursor, setCursor] = useState(0);
  const theme = useTheme();

  const choose = (index: number) => {
    const item = items[index];
    if (!item || !controller) return;
    store.getState().setControlOverlay(null);
    void controller.request(item.action.service, item.action.name, item.instance);
  };
  useModalInput((input, key) => {
    if (key.escape || input === 'q') store.getState().setControlOverlay(null);
    else if (key.downArrow || input === 'j') setCursor((c) => Math.min(items.length - 1, c + 1));
    else if (key.upArrow || input === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (key.return) choose(cursor);
    else if (/^[1-9]$/.test(input)) choose(Number(input) - 1);
  }, true);

  if (!row) return null;
  const visible = items.slice(0, Math.max(1, height - 4));
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text bold wrap="truncate">{`Actions for ${row.service}${row.instance ? ` (${row.instance})` : ''}`}</Text>
      {visible.map((item, i) => {
        const command = item.action.targets.find((t) => !item.instance || t.instance === item.instance)?.run ?? '';
        return (
          <Text key={item.label} {...(i === cursor ? theme.selection : {})} wrap="truncate">
            {`${i === cursor ? '›' : ' '} ${i + 1} ${item.label} — ${command}`}
          </Text>
        );
      })}
      <Text {...theme.secondary} wrap="truncate">j/k or 1-9 choose · Enter run (asks first) · Esc close</Text>
    </Box>
  );
}
