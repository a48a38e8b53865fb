// Wall-clock times as the panes show them: HH:MM:SS in local time, as the timeline shows by
// default (the bridge reads the clock on the wall, not UTC).

const pad = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS of an epoch ms, in local time. */
export function localClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
