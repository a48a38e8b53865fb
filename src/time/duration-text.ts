// The one family of duration formats: one way to write an elapsed time (on screen, in updates and
// in the post-mortem alike: 65 s is `1m05s` everywhere), one for how long a command ran (with
// the sub-second part that matters there), and one for settings as the config writes them.

/** An elapsed time, the way the console and the post-mortem show it: `45s`, `4m12s`, `2h05m`, `3d04h`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d${pad(hours)}h`;
  if (hours > 0) return `${hours}h${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m${pad(seconds)}s`;
  return `${seconds}s`;
}

/** A response target as configured people read it: `15m`, `1h`, `24h`. */
export function formatTarget(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `${minutes}m`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return formatDuration(ms);
}

/** How long a command or an action ran: `850ms`, `1.2s`, `12s`, then as formatDuration (`2m05s`). */
export function formatRunTime(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  return formatDuration(ms);
}

/**
 * A setting as the config writes it, read back by parseDuration: `250ms`, `1.5s`, `10s`, `2m`,
 * `1m30s`, `1d1m` (timeouts and intervals in messages).
 */
export function formatSetting(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms % 1000 !== 0) return `${Math.round(ms / 100) / 10}s`;
  const parts: string[] = [];
  let rest = ms / 1000;
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('');
}
