import React, { useState } from 'react';
import { Box, Text } from 'ink';
import { useModalInput } from '../keys/dispatcher.js';
import { useWarroom } from '../store-context.js';
import { TextField } from './TextField.js';

/** The open confirmation or question, drawn over the panes; takes every key while open. */
export function Dialog({ width }: { width: number }) {
  const dialog = useWarroom((s) => s.dialog);
  const closeDialog = useWarroom((s) => s.closeDialog);
  const [typedWrong, setTypedWrong] = useState(false);
  const plainConfirm = dialog?.kind === 'confirm' && !dialog.mustType;

  useModalInput((input, key) => {
    if (key.escape || input === 'n' || input === 'N') closeDialog(null);
    else if (input === 'y' || input === 'Y') closeDialog('yes');
  }, plainConfirm);

  if (!dialog) return null;
  const inner = Math.max(20, width - 4);
  let field: React.ReactNode;
  if (plainConfirm) {
    field = <Text bold>Proceed? y / N (Esc cancels)</Text>;
  } else {
    const mustType = dialog.mustType;
    field = (
      <TextField
        key={dialog.title}
        prefix={mustType ? `Type ${mustType} to confirm: ` : `${dialog.prompt ?? '>'} `}
        initial={dialog.initial}
        width={inner}
        onCancel={() => closeDialog(null)}
        onSubmit={(text) => {
          if (mustType && text !== mustType) {
            setTypedWrong(true);
            return;
          }
          setTypedWrong(false);
          closeDialog(mustType ? 'yes' : text);
        }}
      />
    );
  }
  return (
    <Box flexDirection="column" borderStyle="double" borderColor="yellow" paddingX={1} width={width}>
      <Text bold wrap="truncate">{dialog.title}</Text>
      {dialog.lines.map((line, i) => (
        <Text key={i} wrap="truncate">{line}</Text>
      ))}
      {field}
      {typedWrong ? <Text color="red">✖ that does not match; try again or Esc</Text> : null}
    </Box>
  );
}
