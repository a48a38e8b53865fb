// Turns one fenced block into runnable commands or a reference block, deciding which by its
// language (or, with none, by whether its first line reads like a shell command).
import type { Command, ReferenceBlock } from './model.js';
import { assignedNames, findPlaceholders } from './placeholders.js';
import { splitShellBlock } from './shell-lines.js';
import { readSsh } from './ssh-wrap.js';

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'ksh', 'shell-session', 'shellsession', 'terminal']);

const COMMON_COMMANDS = new Set(
  ('curl wget ssh scp rsync sudo systemctl service journalctl docker docker-compose podman kubectl helm ' +
    'cd ls cat tail head less grep egrep zgrep awk sed sort uniq wc ps top htop df du free kill pkill killall ' +
    'ping dig nslookup host nc netstat ss lsof echo printf export git npm npx yarn node make psql mysql ' +
    'redis-cli mongo mongosh tar cp mv rm mkdir chmod chown find watch ip iptables uptime dmesg crontab ' +
    'aws gcloud az terraform nginx openssl env sleep for while if time nohup tee xargs jq vmstat iostat ' +
    'traceroute mtr telnet logrotate mount umount lsblk fdisk truncate')
    .split(' '),
);

/** Whether a fence's language marks it as shell (and an unlabelled fence's text reads as shell). */
export function isShellBlock(lang: string, code: string): boolean {
  if (SHELL_LANGS.has(lang)) return true;
  if (lang !== '') return false;
  const first = code.split('\n').find((l) => l.trim() !== '' && !/^\s*#(?!!)/.test(l));
  if (first === undefined) return false;
  const trimmed = first.trim();
  if (/^\$ \S/.test(trimmed) || trimmed.startsWith('#!')) return true;
  const word = trimmed.split(/\s+/)[0]!;
  return COMMON_COMMANDS.has(word) || /^(\.{0,2}\/)[\w./-]+$/.test(word) || /^[A-Z_][A-Z0-9_]*=/.test(word);
}

/** What a fenced block contributes to its step. */
export interface BlockContent {
  commands: Command[];
  references: ReferenceBlock[];
  /** Comments of a shell block with no commands (used as step text and details). */
  comments: string[];
}

/**
 * Reads a fenced block starting at `fenceLine`. A bare `ssh HOST` line is an interactive login in
 * the original, so the lines after it (up to `exit`/`logout`) are taken to run on HOST; a bare
 * `cd DIR` line is carried into the commands after it (`cd DIR && cmd`), because each command
 * runs in its own shell and would otherwise lose the directory the author meant.
 */
export function readBlock(langRaw: string | null | undefined, code: string, fenceLine: number): BlockContent {
  const lang = (langRaw ?? '').toLowerCase();
  if (!isShellBlock(lang, code)) {
    return { commands: [], comments: [], references: [{ lang, text: code, line: fenceLine, metricsPanel: lang === 'promql' }] };
  }
  const split = splitShellBlock(code, lang);
  const assigned = assignedNames(code);
  const commands: Command[] = [];
  let host: string | undefined;
  let directory: string | undefined;
  for (const raw of split.commands) {
    const line = fenceLine + 1 + raw.offset;
    const ssh = readSsh(raw.run);
    if (ssh.kind === 'login') {
      host = ssh.host;
      directory = undefined;
      continue;
    }
    if (host !== undefined && /^(exit|logout)\b/.test(raw.run)) {
      host = undefined;
      directory = undefined;
      continue;
    }
    const cd = /^cd\s+(\S+)\s*$/.exec(raw.run);
    if (cd) {
      directory = cd[1];
      continue;
    }
    let run = ssh.kind === 'remote' ? ssh.run : raw.run;
    const target = ssh.kind === 'remote' ? ssh.host : host;
    if (directory !== undefined && ssh.kind !== 'remote') run = `cd ${directory} && ${run}`;
    const command: Command = { run, placeholders: findPlaceholders(`${target ?? ''} ${run}`, assigned), line };
    if (raw.description !== undefined) command.description = raw.description;
    if (target !== undefined) command.host = target;
    commands.push(command);
  }
  return { commands, references: [], comments: commands.length === 0 ? split.comments : [] };
}
