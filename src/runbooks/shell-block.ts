// Turns one fenced block into runnable commands or a reference block, deciding which by its
// language (or, with none, by whether its first line reads like a shell command).
import { endlessReason } from './endless.js';
import type { Command, Instruction, ReferenceBlock } from './model.js';
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
  /** Comments that are instructions, in order with the commands (`before` indexes `commands`). */
  instructions: Instruction[];
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
    return { commands: [], instructions: [], references: [{ lang, text: code, line: fenceLine, metricsPanel: lang === 'promql' }] };
  }
  const split = splitShellBlock(code, lang);
  const assigned = assignedNames(code);
  const commands: Command[] = [];
  const instructions: Instruction[] = [];
  // Where each cut command landed in `commands`: an ssh login or `cd` line is not a command of its
  // own, so a note written before it belongs before the next real one.
  const landed: number[] = [];
  let host: string | undefined;
  let directory: string | undefined;
  split.commands.forEach((raw, index) => {
    landed[index] = commands.length;
    const line = fenceLine + 1 + raw.offset;
    const ssh = readSsh(raw.run);
    const absorbed = ssh.kind === 'login' || (host !== undefined && /^(exit|logout)\b/.test(raw.run)) || /^cd\s+(\S+)\s*$/.test(raw.run);
    // Words written above a line that is not a command of its own stay, as an instruction.
    if (absorbed && raw.description !== undefined) instructions.push({ text: raw.description, line, before: commands.length });
    if (ssh.kind === 'login') {
      host = ssh.host;
      directory = undefined;
      return;
    }
    if (host !== undefined && /^(exit|logout)\b/.test(raw.run)) {
      host = undefined;
      directory = undefined;
      return;
    }
    const cd = /^cd\s+(\S+)\s*$/.exec(raw.run);
    if (cd) {
      directory = cd[1];
      return;
    }
    let run = ssh.kind === 'remote' ? ssh.run : raw.run;
    const target = ssh.kind === 'remote' ? ssh.host : host;
    if (directory !== undefined && ssh.kind !== 'remote') run = `cd ${directory} && ${run}`;
    const command: Command = { run, placeholders: findPlaceholders(`${target ?? ''} ${run}`, assigned), line };
    if (raw.description !== undefined) command.description = raw.description;
    if (target !== undefined) command.host = target;
    const endless = endlessReason(run);
    if (endless !== undefined) command.endless = endless;
    commands.push(command);
  });
  landed[split.commands.length] = commands.length;
  for (const note of split.notes) instructions.push({ text: note.text, line: fenceLine + 1 + note.offset, before: landed[note.before] ?? commands.length });
  instructions.sort((a, b) => a.line - b.line);
  return { commands, references: [], instructions };
}
