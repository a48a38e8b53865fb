// What the console says about where the incident's record stands: a journal that cannot write
// shows in the header (short) and, while no newer message is up, as the footer's banner; with
// sharing, the header says whether the shared incident is reachable and what is unsynced.
import type { Present } from '../../src/share/types.js';
import { oneLine } from '../../src/text/neutralise.js';
import { useWarroom } from '../store-context.js';

/** The header's record text and how loud it is; '' when there is nothing to say. */
export interface RecordBadge {
  text: string;
  /** What a narrow header shows when `text` does not fit whole (`OFFLINE·3`): the count survives. */
  short?: string;
  tone: 'bad' | 'warn' | 'plain';
}

/** " ✖ 3 NOT SAVED " (journal), else " OFFLINE · 3 unsynced " / " ⇅ with bo " / " ⇅ SHARED " (sharing), else ''; with a short form where one helps. */
export function useRecordBadge(): RecordBadge {
  const journal = useWarroom((s) => s.journalStatus);
  const share = useWarroom((s) => s.shareStatus);
  if (journal.error !== null) return { text: ` ✖ ${journal.held} NOT SAVED `, tone: 'bad' };
  if (!share) return { text: '', tone: 'plain' };
  switch (share.state) {
    case 'offline':
      return { text: ` OFFLINE · ${share.unsynced} unsynced `, short: ` OFFLINE·${share.unsynced} `, tone: 'warn' };
    case 'failed':
      return { text: ' ✖ NOT SHARED ', tone: 'bad' };
    case 'connecting':
      return { text: ' ⇅ connecting… ', tone: 'plain' };
    default:
      // At 80 columns the header has ~20 cells for this: who else is here wins over the word SHARED.
      return share.unsynced > 0
        ? { text: ` ⇅ ${share.unsynced} unsynced `, short: ` ⇅ ${share.unsynced} `, tone: 'plain' }
        : { text: ` ⇅ ${withOthers(share.present) || 'SHARED'} `, tone: 'plain' };
  }
}

/** "with bo, cy (watching)": who else has the incident open, each name once ('' for nobody). */
function withOthers(present: readonly Present[]): string {
  // Names come from other machines: neutralised like any data from outside.
  const names = [...new Set(present.map((p) => `${oneLine(p.operator, 40)}${p.mode === 'read-only' ? ' (watching)' : ''}`))];
  return names.length === 0 ? '' : `with ${names.join(', ')}`;
}

/** The line the quit confirmation adds while events are held (quitting loses them), else null. */
export function heldOnQuit(held: number): string | null {
  return held > 0 ? `✖ ${held} timeline event${held === 1 ? '' : 's'} not on disk yet (journal not writable) — quitting loses them` : null;
}

/** The footer's persistent banner while the journal cannot write, else null. */
export function useRecordBanner(): string | null {
  const status = useWarroom((s) => s.journalStatus);
  if (status.error === null) return null;
  return `journal not writable: ${status.held} event${status.held === 1 ? '' : 's'} held, retrying (${status.error})`;
}
