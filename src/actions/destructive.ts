// Commands that destroy data or state: matching one forces a typed confirmation whatever the
// config says, because `confirm: yes` on `docker compose down -v` is one keypress from data loss.

/** A built-in destructive pattern and the words the confirmation shows for it. */
export interface DestructivePattern {
  label: string;
  pattern: RegExp;
}

/** The built-in destructive patterns (rm -rf, FLUSHALL, DROP, `down -v`, kill -9, ...). */
export const DESTRUCTIVE_PATTERNS: readonly DestructivePattern[] = [
  { label: 'rm -rf', pattern: /\brm\s+(?:-\S+\s+)*(?:-[a-zA-Z]*(?:r[a-zA-Z]*f|f[a-zA-Z]*r)[a-zA-Z]*|(?:-r|-R|--recursive)\s+(?:-\S+\s+)*(?:-f|--force)|(?:-f|--force)\s+(?:-\S+\s+)*(?:-r|-R|--recursive))\b/ },
  { label: 'FLUSHALL', pattern: /\bFLUSHALL\b/i },
  { label: 'FLUSHDB', pattern: /\bFLUSHDB\b/i },
  { label: 'DROP', pattern: /\bDROP\b/i },
  { label: 'TRUNCATE', pattern: /\bTRUNCATE\b/i },
  { label: 'down -v', pattern: /\bdown\b[^|;&]*\s(?:-v|--volumes)(?=\s|$)/ },
  { label: 'kill -9', pattern: /\b(?:kill|pkill|killall)\s+(?:-\S+\s+)*(?:-9|-KILL|-SIGKILL|-s\s+(?:9|KILL|SIGKILL))(?=\s|$)/ },
  { label: 'mkfs', pattern: /\bmkfs(?:\.\w+)?\b/ },
  { label: 'dd of=', pattern: /\bdd\b[^|;&]*\bof=/ },
  { label: '--force', pattern: /(?:^|\s)--force(?=[\s=]|$)/ },
];

/** The label of the first destructive pattern a command matches, or null. */
export function destructiveMatch(command: string): string | null {
  for (const { label, pattern } of DESTRUCTIVE_PATTERNS) if (pattern.test(command)) return label;
  return null;
}
