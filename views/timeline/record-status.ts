// What the console says about where the incident's record stands: a journal that cannot write
// shows in the header (short) and, while no newer message is up, as the footer's banner.
import { useWarroom } from '../store-context.js';

/** The header's record text (" ✖ 3 NOT SAVED "), or '' when all is on disk. */
export function useRecordBadge(): string {
  const status = useWarroom((s) => s.journalStatus);
  if (status.error === null) return '';
  return ` ✖ ${status.held} NOT SAVED `;
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
