// The runbook parser's worker thread starts from both builds the launcher may run: the esbuild
// bundle (dist/bundle, where the worker is an entry of its own next to the chunks) and tsc's
// output (dist/src). And `warroom check` through the real CLI groups the warnings a runbook
// repeats and names the commands that never end.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'test/fixtures/runbooks', name);

/** Runs `main(argv)` of one build directly, as bin/warroom.js does. */
function runBuild(entry: string, args: string[], cwd = root) {
  const script = `const cli = await import(${JSON.stringify(new URL(entry, `file://${root}`).href)}); await cli.main(['node', 'warroom', ...${JSON.stringify(args)}]);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', input: '', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

for (const entry of ['dist/bundle/main.js', 'dist/src/cli/main.js']) {
  test(`warroom runbook --json parses on the worker from ${entry}`, { skip: existsSync(join(root, entry)) ? false : `${entry} not built` }, () => {
    const { code, stdout, stderr } = runBuild(entry, ['runbook', fixture('alternatives.md'), '--json']);
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    assert.equal(json.title, 'Search cluster: queries timing out');
    assert.equal(json.sections[2].steps[0].alternatives.length, 4);
    const big = runBuild(entry, ['runbook', join(tmpdir(), 'warroom-does-not-exist.md')]);
    assert.equal(big.code, 2);
    assert.match(big.stderr, /runbook not found/);
  });
}

test('warroom check: one warning per unknown host listing its lines, and never-ending commands named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-check-'));
  mkdirSync(join(dir, 'runbooks'));
  copyFileSync(fixture('unknown-hosts.md'), join(dir, 'runbooks', 'legacy.md'));
  copyFileSync(fixture('endless-commands.md'), join(dir, 'runbooks', 'live.md'));
  writeFileSync(join(dir, 'warroom.yaml'), [
    'hosts:',
    '  known-box: { address: 127.0.0.1 }',
    'services:',
    '  - name: api',
    '    checks:',
    '      - http: http://127.0.0.1:1/health',
    'incident:',
    '  runbooksDir: runbooks',
  ].join('\n'));
  const home = mkdtempSync(join(tmpdir(), 'warroom-home-'));
  const run = spawnSync(process.execPath, [join(root, 'bin/warroom.js'), 'check'], { cwd: dir, encoding: 'utf8', input: '', timeout: 120_000, env: { ...process.env, HOME: home } });
  assert.equal(run.status, 0, run.stderr);
  const warnings = run.stdout.split('\n').filter((l) => l.startsWith('warning: runbooks/legacy.md'));
  assert.deepEqual(warnings, [
    'warning: runbooks/legacy.md:6: unknown host "legacy-box" (not in hosts: or ~/.ssh/config) in 6 commands, lines 6, 7, 8, 9, 17, 18: they would connect as `ssh legacy-box` does, to the name legacy-box on port 22',
    'warning: runbooks/legacy.md:10: unknown host "archive-box" (not in hosts: or ~/.ssh/config) in a command, line 10: it would connect as `ssh archive-box` does, to the name archive-box on port 22',
  ]);
  assert.match(run.stdout, /^warning: runbooks\/live\.md:7: a command never ends by itself \(ping without -c pings until stopped\), line 7: the console runs it as a live stream until Esc or :cancel$/m);
  assert.match(run.stdout, /2 runbooks, \d+ warnings/);
});
