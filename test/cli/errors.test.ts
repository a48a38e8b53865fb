// Mistakes a user makes on the command line, as the issue found them: each is one line naming
// what is wrong, no stack trace, and exit 2 (bad usage or config, as the README promises).
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openIncident } from '../../src/timeline/incidents.js';
import { isOneLine, runWarroom } from './run-from-source.js';

const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder with a config and one incident in it. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-cli-errors-'));
  folders.push(dir);
  writeFileSync(join(dir, 'warroom.yaml'), ['incident:', '  title: cli drill', 'services:', '  - name: api', '    checks:', '      - command: "true"', ''].join('\n'));
  openIncident(join(dir, '.warroom', 'incidents'), { title: 'cli drill', severity: 'P3', operator: 'ana', follow: false }).close();
  return dir;
}

const cases: { what: string; args: (dir: string) => string[]; setup?: (dir: string) => void; says: RegExp }[] = [
  { what: 'export to a folder that does not exist', args: () => ['export', '-o', '/nonexistent-dir/x.md'], says: /^warroom: cannot write \/nonexistent-dir\/x\.md: no such folder \/nonexistent-dir \(ENOENT\)$/ },
  { what: 'export onto a folder', args: (dir) => ['export', '-o', dir], says: /^warroom: cannot write .*: that is a folder \(EISDIR\)$/ },
  { what: 'export through a file as if it were a folder', args: (dir) => ['export', '-o', join(dir, 'warroom.yaml', 'x.md')], says: /^warroom: cannot write .*: (a part of the path is a file, not a folder \(ENOTDIR\)|no such folder .*)$/ },
  { what: 'an incident id that climbs out of the incidents folder', args: () => ['export', '--incident', '../../etc'], says: /^warroom: not an incident id: "\.\.\/\.\.\/etc" \(`warroom incidents` lists them\)$/ },
  { what: 'an incident that is not there', args: () => ['export', '--incident', 'INC-19990101-0000-nothing'], says: /^warroom: no incident INC-19990101-0000-nothing in .* \(`warroom incidents` lists them\)$/ },
  { what: '--timeline-dir that does not exist', args: () => ['incidents', '--timeline-dir', '/nonexistent-dir'], says: /^warroom: --timeline-dir: no such folder \/nonexistent-dir$/ },
  { what: 'a config that is a folder', args: () => ['status', '--config', '.warroom'], says: /cannot read the config file \(EISDIR\)$/ },
];

for (const { what, args, setup, says } of cases) {
  test(`${what}: one line, exit 2`, { timeout: 120_000 }, () => {
    const dir = project();
    setup?.(dir);
    const run = runWarroom(dir, ...args(dir));
    assert.equal(run.code, 2, run.stderr);
    assert.ok(isOneLine(run.stderr), `one line, no stack:\n${run.stderr}`);
    assert.match(run.stderr.trim(), says);
  });
}

test('a folder warroom may not read is one line (exit 1), not a stack trace', { timeout: 120_000, skip: process.getuid?.() === 0 ? 'root reads every folder' : false }, () => {
  const dir = project();
  const incidents = join(dir, '.warroom', 'incidents');
  mkdirSync(incidents, { recursive: true });
  chmodSync(incidents, 0o000);
  try {
    const run = runWarroom(dir, 'incidents');
    assert.equal(run.code, 1, run.stderr);
    assert.ok(isOneLine(run.stderr), run.stderr);
    assert.match(run.stderr, /EACCES/);
  } finally {
    chmodSync(incidents, 0o755);
  }
});
