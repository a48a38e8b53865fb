// A recorder that keeps events as the journal reads them back ({ kind, data }), data copied so a
// later change by the caller cannot rewrite history.

/** Records into an array. */
export function memoryRecorder(): { events: { kind: string; data: Record<string, unknown> }[]; record: (kind: string, data: Record<string, unknown>) => void } {
  const events: { kind: string; data: Record<string, unknown> }[] = [];
  return { events, record: (kind, data) => void events.push({ kind, data: structuredClone(data) }) };
}
