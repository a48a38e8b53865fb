// Who is recording: `--as NAME`, else the login name at this host (two operators on one bastion
// under different accounts stay apart; the same account in two panes should use --as).
import { hostname, userInfo } from 'node:os';

/** The operator name events are recorded under. */
export function operatorName(as?: string): string {
  if (as !== undefined && as.trim() !== '') return as.trim();
  let user = process.env.USER ?? process.env.LOGNAME;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = 'unknown';
    }
  }
  return `${user}@${hostname()}`;
}
