// `warroom incidents [--json]` and `warroom export --timeline-dir DIR`: what a folder of
// incidents holds, listed so nobody guesses an id, and a demo run elsewhere exportable.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openIncident, resumeIncident } from '../../src/timeline/incidents.js';
import { isOneLine, runWarroom } from './run-from-source.js';

const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-incidents-'));
  folders.push(dir);
  return dir;
}

const HOUR = 3_600_000;
const t0 = Date.parse('2026-11-23T13:41:00Z');

/** Two incidents in `dir`: an older resolved one (two operators) and a newer open one whose title tries escape sequences. */
function twoIncidents(dir: string): { older: string; newer: string } {
  const older = openIncident(dir, { title: 'payments timeouts', severity: 'P3', operator: 'ana', now: t0, follow: false });
  older.close();
  // A second operator resolves it.
  const resumed = resumeIncident(dir, older.id, { operator: 'bob', follow: false });
  resumed.record('incident.resolved', { resolution: 'pool resized' });
  resumed.close();
  const newer = openIncident(dir, { title: 'checkout \x1b[2Jdown\x07 token=abc123secret', severity: 'P1', operator: 'cara', now: t0 + HOUR, follow: false });
  newer.close();
  return { older: older.id, newer: newer.id };
}

test('incidents --timeline-dir lists newest first: id, severity, open/resolved, start (UTC), operators, title', { timeout: 120_000 }, () => {
  const dir = folder();
  const { older, newer } = twoIncidents(join(dir, 'recorded'));
  const run = runWarroom(dir, 'incidents', '--timeline-dir', 'recorded');
  assert.equal(run.code, 0, run.stderr);
  const [header, first, second, ...rest] = run.stdout.trimEnd().split('\n');
  assert.deepEqual(rest, []);
  assert.match(header!, /^ID +SEV +STATE +STARTED +OPERATORS +TITLE$/);
  assert.match(first!, new RegExp(`^${newer} +P1 +open +2026-11-23 14:41 UTC +cara +checkout `));
  assert.match(second!, new RegExp(`^${older} +P3 +resolved +2026-11-23 13:41 UTC +ana, bob +payments timeouts$`));
  assert.ok(!run.stdout.includes('\x1b') && !run.stdout.includes('\x07'), 'no terminal control from the journal reaches the terminal');
  assert.ok(!run.stdout.includes('abc123secret'), 'secrets redacted');
});

test('incidents --json gives the stable shape, and [] for an empty folder', { timeout: 120_000 }, () => {
  const dir = folder();
  const { older, newer } = twoIncidents(join(dir, 'recorded'));
  const run = runWarroom(dir, 'incidents', '--json', '--timeline-dir', 'recorded');
  assert.equal(run.code, 0, run.stderr);
  const list = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.deepEqual(list.map((i) => i.id), [newer, older]);
  assert.deepEqual(list[1], {
    id: older,
    title: 'payments timeouts',
    severity: 'P3',
    state: 'resolved',
    startedAt: '2026-11-23T13:41:00.000Z',
    resolvedAt: (list[1] as { resolvedAt: string }).resolvedAt,
    operators: ['ana', 'bob'],
  });
  assert.match(String(list[1]!.resolvedAt), /^\d{4}-\d\d-\d\dT/);
  assert.equal(list[0]!.state, 'open');
  assert.equal(list[0]!.resolvedAt, null);

  const empty = folder();
  const none = runWarroom(empty, 'incidents', '--json', '--timeline-dir', '.');
  assert.equal(none.code, 0, none.stderr);
  assert.deepEqual(JSON.parse(none.stdout), []);
  const text = runWarroom(empty, 'incidents', '--timeline-dir', '.');
  assert.equal(text.code, 0);
  assert.equal(text.stdout, '');
  assert.ok(isOneLine(text.stderr) && text.stderr.includes('no incidents in'), text.stderr);
});

test('incidents reads the config\'s timeline.dir, or the demo folder where there is no config', { timeout: 120_000 }, () => {
  const withConfig = folder();
  writeFileSync(join(withConfig, 'warroom.yaml'), ['incident:', '  title: t', 'services: []', 'timeline:', '  dir: kept-here', ''].join('\n'));
  const { newer } = twoIncidents(join(withConfig, 'kept-here'));
  const byConfig = runWarroom(withConfig, 'incidents', '--json');
  assert.equal(byConfig.code, 0, byConfig.stderr);
  assert.equal((JSON.parse(byConfig.stdout) as { id: string }[])[0]!.id, newer);

  const demo = folder();
  const ids = twoIncidents(join(demo, '.warroom', 'incidents'));
  const byDemo = runWarroom(demo, 'incidents', '--json');
  assert.equal(byDemo.code, 0, byDemo.stderr);
  assert.equal((JSON.parse(byDemo.stdout) as { id: string }[])[0]!.id, ids.newer);
});

test('export --timeline-dir exports an incident recorded elsewhere (a demo run with --timeline-dir)', { timeout: 120_000 }, () => {
  const dir = folder();
  const { older } = twoIncidents(join(dir, 'elsewhere'));
  const md = runWarroom(dir, 'export', '--timeline-dir', 'elsewhere');
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Post-mortem: checkout /);
  const json = runWarroom(dir, 'export', '--timeline-dir', 'elsewhere', '--incident', older, '--format', 'json');
  assert.equal(json.code, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { incident: { id: string } }).incident.id, older);
});

test('--help lists incidents; its own --help and export\'s name --json and --timeline-dir', { timeout: 120_000 }, () => {
  const dir = folder();
  const top = runWarroom(dir, '--help');
  assert.equal(top.code, 0);
  assert.match(top.stdout, /^ +incidents \[options\] +list the incidents/m);
  const own = runWarroom(dir, 'incidents', '--help');
  assert.match(own.stdout, /--json/);
  assert.match(own.stdout, /--timeline-dir <dir>/);
  assert.match(runWarroom(dir, 'export', '--help').stdout, /--timeline-dir <dir>/);
});
