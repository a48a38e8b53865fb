import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';
import { openIncident } from '../../src/timeline/incidents.js';
import { exportIncident } from '../../src/cli/export.js';
import { UsageError } from '../../src/cli/usage-error.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Resolved here: the child runs in a temp folder where `tsx` would not be found by name.
const TSX = import.meta.resolve('tsx');

/** Runs `warroom ARGS` from source in `cwd`. */
function warroom(cwd: string, ...args: string[]) {
  const code = `import(${JSON.stringify(MAIN)}).then((cli) => cli.main(['node', 'warroom', ...process.argv.slice(1)]))`;
  return spawnSync(process.execPath, ['--import', TSX, '-e', code, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
}

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-export-cli-'));
  writeFileSync(
    join(dir, 'warroom.yaml'),
    [
      'incident:',
      '  title: Checkout down',
      'services:',
      '  - name: api',
      '    checks:',
      '      - tcp: 127.0.0.1:1',
      'timeline:',
      '  dir: incidents',
      '  redact:',
      "    - 'ticket-[0-9]+'",
      '',
    ].join('\n'),
  );
  return dir;
}

test('warroom export writes the most recent incident as Markdown, or a named one as JSON', { timeout: 120_000 }, () => {
  const dir = project();
  const older = openIncident(join(dir, 'incidents'), { title: 'older one', severity: 'P3', operator: 'ana', now: Date.now() - 3_600_000, follow: false });
  older.record('note', { text: 'todo: from the older incident' });
  older.close();
  const newer = openIncident(join(dir, 'incidents'), { title: 'newer one', severity: 'P1', operator: 'ana', follow: false });
  newer.record('note', { text: 'todo: raise ticket-4411 with the vendor' });
  newer.close();

  const md = warroom(dir, 'export');
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Post-mortem: newer one\n/);
  assert.ok(md.stdout.includes('- [ ] raise \\*\\*\\* with the vendor'), md.stdout);
  assert.ok(!md.stdout.includes('ticket-4411'), 'configured pattern redacted on export');
  assert.equal(lint({ strings: { md: md.stdout } }).toString(), '');

  const out = join(dir, 'older.json');
  const json = warroom(dir, 'export', '--incident', older.id, '--format', 'json', '-o', out);
  assert.equal(json.status, 0, json.stderr);
  const parsed = JSON.parse(readFileSync(out, 'utf8')) as { incident: { id: string; title: string }; events: unknown[] };
  assert.equal(parsed.incident.id, older.id);
  assert.equal(parsed.incident.title, 'older one');
  assert.equal(parsed.events.length, 2);
});

test('warroom export: user mistakes are plain messages with exit code 2', { timeout: 120_000 }, async () => {
  const dir = project();
  // One process for the exit code and the message format; the other mistakes call the function.
  const none = warroom(dir, 'export');
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no incident found in .*incidents/);
  assert.ok(!none.stderr.includes('    at '), 'no stack trace');

  const incidents = join(dir, 'incidents');
  openIncident(incidents, { title: 'x', severity: 'P2', operator: 'ana', follow: false }).close();
  const usage = (pattern: RegExp) => (e: Error) => e instanceof UsageError && pattern.test(e.message);
  await assert.rejects(exportIncident(incidents, { format: 'pdf' }), usage(/--format must be md or json/));
  await assert.rejects(exportIncident(incidents, { incident: 'INC-nope' }), usage(/no incident INC-nope/));
  await assert.rejects(exportIncident(incidents, { format: 'json', template: 'pagerduty' }), usage(/--template shapes the Markdown/));
  await assert.rejects(exportIncident(incidents, { template: join(dir, 'missing.md') }), usage(/cannot read template .*missing\.md: ENOENT/));
  await assert.rejects(exportIncident(incidents, { template: 'pagerduty2' }), usage(/cannot read template pagerduty2/));
  writeFileSync(join(dir, 'typo.md'), '# {{ incident.title }}\n\n{{ incident.titel }}\n');
  await assert.rejects(exportIncident(incidents, { template: join(dir, 'typo.md') }), usage(/typo\.md:3:4: undefined variable: incident\.titel/));
  assert.match(await exportIncident(incidents, {}), /^# Post-mortem: x\n/);
});

test('warroom export in a folder without warroom.yaml reads the demo\'s .warroom/incidents', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-export-demo-'));
  const none = warroom(dir, 'export');
  assert.equal(none.status, 2, 'no config and no demo incidents: the usual config error');
  assert.match(none.stderr, /warroom\.yaml: no such config file/);

  const demo = openIncident(join(dir, '.warroom', 'incidents'), { title: 'demo run', severity: 'P2', operator: 'ana', follow: false });
  demo.record('note', { text: 'todo: write the alert' });
  demo.close();
  const md = warroom(dir, 'export');
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Post-mortem: demo run\n/);
  assert.ok(md.stdout.includes('- [ ] write the alert'), md.stdout);
});
