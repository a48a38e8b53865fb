import { hostname, userInfo } from 'node:os';

/** Who is at the keyboard: `--as NAME`, else `$USER@hostname`. */
export function resolveOperator(as?: string): string {
  if (as && as.trim()) return as.trim();
  let user = process.env.USER || process.env.LOGNAME;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = 'unknown';
    }
  }
  return `${user}@${hostname()}`;
}
