// `journal:` log sources: a systemd unit's journal, followed (locally or on `host:`).
//
//   - journal: checkout-api        # journalctl --unit checkout-api, the last 100 lines, then new ones
//     host: app-1
//     lines: 200
import { describeLogKind, shellWord } from './log-kind.js';

// systemd unit names: ASCII letters, digits and ":-_.@" (no "\": it only escapes in file names),
// at most 256 characters; a name without a type is a service.
const UNIT = /^[A-Za-z0-9:_.@-]{1,256}$/;

/** The `journal:` kind. */
export const journalKind = describeLogKind({
  key: 'journal',
  hint: 'journal: UNIT',
  takes: ['lines', 'host'],
  checkTarget(target) {
    return UNIT.test(target) && !target.startsWith('-')
      ? undefined
      : `expected a systemd unit name (letters, digits, ":-_.@"), like checkout-api or nginx.service, got ${JSON.stringify(target)}`;
  },
  // short-iso: every line starts with its ISO time, which the log pane reads as the line's time.
  command: (unit, lines) => `journalctl --follow --no-pager --output=short-iso --lines=${lines} --unit=${shellWord(unit)}`,
});
