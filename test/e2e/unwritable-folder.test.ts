// A new incident where it cannot be recorded, in a real terminal, as the issue found it: the
// incidents folder is not writable by the operator. warroom must say so in one line, exit 2,
// and leave the terminal as it found it (no stack trace, no console left drawn).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TmuxSession, tmuxMissing, WARROOM_BIN, warroomExitCode } from '../helpers/tmux.js';

const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// Root writes anywhere: run warroom as `nobody` then, so the folder's permissions apply.
const asOperator = process.getuid?.() === 0 ? 'runuser -u nobody -- env HOME=/tmp ' : '';

/** A config whose incidents folder exists but may not be written. */
function readOnlyIncidents(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-e2e-readonly-'));
  folders.push(dir);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'warroom.yaml'), ['incident:', '  title: nowhere to write', 'services:', '  - name: api', '    checks:', '      - command: "true"', 'timeline:', '  dir: incidents', ''].join('\n'));
  mkdirSync(join(dir, 'incidents'));
  chmodSync(join(dir, 'incidents'), 0o555);
  return dir;
}

function run(dir: string, args: string): TmuxSession {
  // Wide, so the message is one line on screen too.
  return TmuxSession.start(`${asOperator}${process.execPath} ${WARROOM_BIN} ${args}; echo "warroom exited $?"; sleep 120`, { columns: 250, rows: 30, cwd: dir });
}

for (const [what, args] of [
  ['warroom open', 'open --as drill'],
  ['warroom demo --timeline-dir', 'demo --as drill --timeline-dir incidents/demo'],
] as const) {
  test(`${what} into a folder it may not write: one line, exit 2, the terminal handed back`, { skip: missing ?? false, timeout: 120_000 }, async () => {
    const dir = readOnlyIncidents();
    const tmux = run(dir, args);
    try {
      assert.equal(await warroomExitCode(tmux), 2);
      const screen = tmux.screen();
      const lines = screen.split('\n').filter((line) => line.trim() !== '');
      assert.match(lines[0]!, /^warroom: cannot record the incident in \S+incidents\S*: permission denied \(EACCES\)/, screen);
      assert.match(lines.at(-1)!, /^warroom exited 2$/);
      assert.equal(lines.length, 2, `one line of message, no stack trace, nothing of a console left:\n${screen}`);
    } finally {
      tmux.kill();
    }
  });
}
