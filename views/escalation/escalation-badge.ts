import { formatDuration } from '../../src/time/duration-text.js';
import { useWarroom } from '../store-context.js';

/** Longest failure text shown in the header (the full text is in the footer flash and the timeline). */
const MAX_FAILURE_CHARS = 60;

/** The header's escalation text: a loud failure, else the next contact and countdown (" │ ☎ tech-lead in 7m"), or ''. */
export function useEscalationBadge(now: number): { text: string; failed: boolean } {
  const failure = useWarroom((s) => s.escalation.failure);
  const next = useWarroom((s) => s.escalation.next);
  const resolved = useWarroom((s) => s.incident.resolvedAt !== null);
  if (failure) {
    const cut = failure.length > MAX_FAILURE_CHARS ? `${failure.slice(0, MAX_FAILURE_CHARS - 1)}…` : failure;
    return { text: ` ✖ ${cut} `, failed: true };
  }
  if (!next || resolved) return { text: '', failed: false };
  const wait = next.dueAt - now;
  return { text: ` │ ☎ ${next.contact} ${wait > 0 ? `in ${formatDuration(wait)}` : 'due now'}`, failed: false };
}
