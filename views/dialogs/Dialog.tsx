import React, { useLayoutEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { useLatestRead, useModalInput } from '../keys/dispatcher.js';
import { keyName } from '../keys/key-name.js';
import { scrolled, scrollMove } from '../scroll-keys.js';
import { useWarroom } from '../store-context.js';
import { useTheme } from '../theme/use-theme.js';
import { dialogRows } from './dialog-layout.js';
import { TextField } from './TextField.js';

/** Props of the dialog: the room it has. */
export interface DialogProps {
  width: number;
  /** Rows available; a taller dialog scrolls. */
  height: number;
}

/**
 * The open confirmation or question, drawn over the panes; takes every key while open. Every
 * line is wrapped, never cut, so the whole command being approved is on screen. When it is
 * taller than the screen it scrolls (j/k, arrows, PgDn/PgUp, g/G) and says how much is below,
 * and it cannot be answered until its end has been on screen: a tail the operator never saw
 * (the `; rm -rf` at line 58) must not be approved by a y typed after reading line 1. A "↓ N
 * more" note alone is easy to miss under pressure; refusing y (and saying why) is not. Esc
 * cancels at any point.
 */
export function Dialog({ width, height }: DialogProps) {
  const theme = useTheme();
  const dialog = useWarroom((s) => s.dialog);
  const closeDialog = useWarroom((s) => s.closeDialog);
  const [typedWrong, setTypedWrong] = useState(false);
  // Scroll position and whether the end was seen, for this dialog only. endSeenAt: the latest
  // read from the terminal (see useLatestRead) when the end was first drawn; only a y from a
  // later read answers (one typed together with R, or queued behind it, was typed unseen).
  const latestRead = useLatestRead();
  const fresh = () => ({ of: dialog, top: 0, seenEnd: false, nagged: false, endSeenAt: null as number | null });
  const [view, setView] = useState(fresh);
  const current = view.of === dialog ? view : fresh();
  const plainConfirm = dialog?.kind === 'confirm' && !dialog.mustType;

  const inner = Math.max(20, width - 4);
  const rows = dialog ? dialogRows(dialog.title, dialog.lines, inner) : [];
  // Border (2), the answer row, the "does not match" row when shown.
  const answerRows = 1 + (typedWrong ? 1 : 0);
  const fits = rows.length <= Math.max(1, height - 2 - answerRows);
  // When scrolling, one more row says where the view is, and the notice wraps when narrow.
  const room = fits ? rows.length : Math.max(1, height - 3 - answerRows - (inner < 72 ? 1 : 0));
  const maxTop = Math.max(0, rows.length - room);
  const top = Math.min(current.top, maxTop);
  const atEnd = top + room >= rows.length;
  const seenEnd = current.seenEnd || atEnd;

  // The end drawn (by a key, a resize, or a dialog that fits) is noted in the commit that draws
  // it, before the next key is handled; only these fields are set, on the latest state, so a key
  // handled before keeps its scrolling.
  useLayoutEffect(() => {
    if (seenEnd && current.endSeenAt === null) {
      const at = latestRead();
      setView((v) => ({ ...(v.of === dialog ? v : current), seenEnd: true, endSeenAt: at }));
    }
  });

  useModalInput((input, key, { read }) => {
    const name = keyName(input, key);
    if (name === 'escape' || name === 'ctrl-c' || (plainConfirm && (name === 'n' || name === 'N'))) {
      closeDialog(null);
      return true;
    }
    const move = scrollMove(name);
    if (move) {
      const next = scrolled(move, top, rows.length, room);
      setView({ ...current, top: next, seenEnd: seenEnd || next + room >= rows.length, nagged: false });
    } else if (name === 'y' || name === 'Y') {
      if (!seenEnd) setView({ ...current, nagged: true });
      else if (plainConfirm && current.endSeenAt !== null && read > current.endSeenAt) closeDialog('yes');
    }
    return false;
  }, plainConfirm || !seenEnd); // A text field takes the keys once it shows; until the end is seen these scroll.

  if (!dialog) return null;
  const below = rows.length - top - room;
  let field: React.ReactNode;
  if (!seenEnd) {
    field = (
      <Text {...(current.nagged ? theme.tone.warn : theme.strong)} wrap="wrap">
        {current.nagged ? `Read to the end first: ↓ ${below} more lines (j/↓ PgDn G) · Esc cancels` : `↓ ${below} more: read to the end to answer (j/↓ PgDn G) · Esc cancels`}
      </Text>
    );
  } else if (plainConfirm) {
    field = <Text {...theme.strong}>Proceed? y / N (Esc cancels)</Text>;
  } else {
    const mustType = dialog.mustType;
    field = (
      <TextField
        key={dialog.title}
        prefix={mustType ? `Type ${mustType} to confirm: ` : `${dialog.prompt ?? '>'} `}
        initial={dialog.initial}
        masked={dialog.secret === true}
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
  const position = `lines ${top + 1}–${top + room} of ${rows.length}${below > 0 ? ` · ↓ ${below} more` : ' · end'}${top > 0 ? ` · ↑ ${top} above` : ''}`;
  return (
    <Box flexDirection="column" borderStyle="double" {...theme.dialog.border} paddingX={1} width={width}>
      {rows.slice(top, top + room).map((row, i) => (
        <Text key={top + i} {...(row.kind === 'title' ? theme.strong : {})}>
          {row.text}
        </Text>
      ))}
      {fits ? null : (
        <Text {...theme.secondary} wrap="truncate">
          {position}
        </Text>
      )}
      {field}
      {typedWrong ? <Text {...theme.tone.bad}>✖ that does not match; try again or Esc</Text> : null}
    </Box>
  );
}
