import { formatDuration } from '../../src/time/duration-text.js';
import { useWarroom } from '../store-context.js';

/** Longest failure text shown in the header (the full text is in the footer flash and the timeline). */
const MAX_FAILURE_CHARS = 60;

/** The header's escalation text: a loud failure, else the next contact and countdown (" │ ☎ tech-lead in 7m") or that it is due, or ''. */
export function useEscalationBadge(now: number): { text: string; tone: 'failed' | 'due' | 'plain' } {
  const failure = useWarroom((s) => s.escalation.failure);
  const next = useWarroom((s) => s.escalation.next);
  const resolved = useWarroom((s) => s.incident.resolvedAt !== null);
  if (failure) {
    const cut = failure.length > MAX_FAILURE_CHARS ? `${failure.slice(0, MAX_FAILURE_CHARS - 1)}…` : failure;
    return { text: ` ✖ ${cut} `, tone: 'failed' };
  }
  if (!next || resolved) return { text: '', tone: 'plain' };
  const wait = next.dueAt - now;
  if (wait <= 0) return { text: ` │ ☎ ${next.contact} DUE — P pages `, tone: 'due' };
  return { text: ` │ ☎ ${next.contact} in ${formatDuration(wait)}`, tone: 'plain' };
}
