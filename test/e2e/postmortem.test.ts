// A post-mortem an incident commander would sign, end to end in a real terminal (tmux): the demo
// incident is detected, acknowledged (:ack), raised to P1 with a reason, its commander claimed
// and handed over (:role), a log line marked (m), checkout-api restarted (mitigation) and
// resolved (:resolve). Then every number and section of `warroom export` is checked, for each
// template and for the JSON, against the times read straight from the journal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { lint } from 'markdownlint/sync';
import { formatDuration } from '../../src/time/duration-text.js';
import type { TimelineEvent } from '../../src/timeline/event.js';
import { stylesOf, TmuxSession, tmuxMissing, WARROOM_BIN, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';

const IC = 'e2e-ic';
const NEXT_IC = 'e2e-night-lead';
const missing = tmuxMissing();
const folders: string[] = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const header = (screen: string): string => screen.split('\n')[0] ?? '';

/**
 * Types into a prompt: the whole text in ONE write (several keys per read, as over SSH), then
 * Enter once the text shows. (`:` with its text and Enter in a single write sometimes loses keys
 * on a loaded machine: seen while writing this test, and left to the keyboard work.)
 */
async function typeInto(tmux: TmuxSession, text: string, shown: string): Promise<void> {
  tmux.writeRaw(text);
  await tmux.waitForScreen((s) => s.includes(shown), `"${text}" typed`);
  tmux.send('Enter');
}

/** Runs a `:` command: `:`, then the line typed into the command line. */
async function colon(tmux: TmuxSession, line: string): Promise<void> {
  tmux.send(':');
  await tmux.waitForScreen((s) => s.split('\n').some((row) => row.startsWith(':')), 'the command line');
  await typeInto(tmux, line, `:${line.slice(0, 40)}`);
}

// The board drops a loopback host (`:36463/health`); a CHECK column may stand between.
const checkoutRow = /checkout-api\b[^\n║]*?:\d+\/health +(\S+ \w+)/;
const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const span = (from: number, to: number): string => (to - from === 0 ? '0s' : formatDuration(to - from));

/** The demo incident's events, straight from its journal (the only file an incident needs). */
function journalEvents(cwd: string): TimelineEvent[] {
  const dir = join(cwd, '.warroom', 'incidents');
  const [id] = readdirSync(dir);
  return readFileSync(join(dir, id!, 'journal.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimelineEvent)
    .sort((a, b) => a.ts - b.ts);
}

function exportRun(cwd: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [WARROOM_BIN, 'export', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('an incident run through detection, :ack, a severity change, a handover, evidence, mitigation and :resolve exports every number, in every template and the JSON', { skip: missing ?? false, timeout: 240_000 }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-e2e-postmortem-'));
  folders.push(cwd);
  const tmux = TmuxSession.start(warroomShellLine(`demo --as ${IC} --speed 4`), { columns: 160, rows: 48, cwd, env: { FORCE_COLOR: '1' } });
  try {
    // Detection: the board sees checkout-api fail; the header shows the milestone and nobody in command.
    await tmux.waitForScreen((s) => /[▲✖] (DEGRADED|DOWN)/.test(checkoutRow.exec(s)?.[1] ?? '') && /│ detected \d\d:\d\d/.test(header(s)), 'checkout-api failing, detected in the header');
    assert.match(header(tmux.screen()), /│ IC — │ detected/);

    // Each command typed in one write, as a fast typist over SSH does: the prompt gets every key.
    await colon(tmux, 'ack on it, looking at checkout-api');
    await tmux.waitForScreen((s) => /│ acked \d\d:\d\d/.test(header(s)), 'acknowledged in the header');
    await colon(tmux, 'severity P1 every checkout fails');
    await tmux.waitForScreen((s) => /│ P1 │/.test(header(s)), 'P1 in the header');
    // Severity is coloured, not only written: P1 shows in red (SGR 31 or a 256/true-colour red).
    const styled = tmux.styledScreen();
    const p1 = stylesOf(styled.split('\n')[0]!, 'P1')[0] ?? [];
    assert.ok(p1.some((code) => /^(31|91|38;5;(1|9|160|196)|38;2;2\d\d;\d{1,2};\d{1,2})$/.test(code)), `P1 in red, got ${JSON.stringify(p1)}`);
    // Page the on-call contact the policy says is due (after the confirmation naming who).
    tmux.send('P');
    await tmux.waitForScreen((s) => s.includes('Page oncall now?') && s.includes('Proceed? y / N'), 'the page confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('✔ paged oncall'), 'oncall paged');
    await colon(tmux, 'role ic');
    await tmux.waitForScreen((s) => header(s).includes(`│ IC ${IC} │`), 'the commander claimed');
    await colon(tmux, `role scribe ${IC}`);
    await tmux.waitForScreen((s) => s.includes(`scribe: ${IC}`), 'the scribe named');
    await colon(tmux, `role ic ${NEXT_IC}`);
    await tmux.waitForScreen((s) => header(s).includes(`│ IC ${NEXT_IC} │`), 'the command handed over');

    // Evidence: filter the logs to checkout-api and mark the newest line.
    tmux.send('2');
    await tmux.waitForScreen((s) => s.includes('▶2 Logs'), 'logs focused');
    tmux.send('/');
    await tmux.waitForScreen((s) => s.includes('filter /'), 'the filter prompt');
    await typeInto(tmux, 'checkout-api', 'filter /checkout-api');
    await tmux.waitForScreen((s) => s.includes('/checkout-api/'), 'the logs filtered');
    tmux.send('m');
    await tmux.waitForScreen((s) => s.includes('line marked as evidence on the timeline'), 'a line marked');

    // Mitigation: restart checkout-api from the status board; the board goes all clear.
    tmux.send('1');
    await tmux.waitForScreen((s) => s.includes('▶1 Status') && /›[ !]checkout-api/.test(s), 'status board on checkout-api (marked ! while its alert fires)');
    tmux.send('R');
    await tmux.waitForScreen((s) => s.includes('restart checkout-api?') && s.includes('Proceed? y / N'), 'the restart confirmation');
    tmux.send('y');
    await tmux.waitForScreen((s) => s.includes('✔ succeeded restart checkout-api'), 'the restart');
    tmux.send('Escape');
    await tmux.waitForScreen((s) => /│ mitigated \d\d:\d\d/.test(header(s)), 'mitigated in the header (the board all clear)', 90_000);

    await colon(tmux, 'note cause: checkout-api ran out of heap under the retry storm');
    await tmux.waitForScreen((s) => s.includes('note added'), 'the cause note');
    await colon(tmux, 'note todo: alert on checkout-api heap before it runs out');
    await tmux.waitForScreen((s) => s.includes('note added') , 'the todo note');
    await colon(tmux, 'resolve');
    await tmux.waitForScreen((s) => s.includes('Resolution (one line):'), 'the resolve dialog');
    await typeInto(tmux, 'restarted checkout-api', 'restarted checkout-api');
    await tmux.waitForScreen((s) => s.includes('✔ RESOLVED'), 'resolved');
    tmux.send('q');
    assert.equal(await warroomExitCode(tmux), 0);
  } finally {
    tmux.kill();
  }

  // The times, read straight from the journal.
  const events = journalEvents(cwd);
  const first = (kind: string, test: (e: TimelineEvent) => boolean = () => true): TimelineEvent => {
    const found = events.find((e) => e.kind === kind && test(e));
    assert.ok(found, `the journal has ${kind}`);
    return found;
  };
  const started = first('incident.opened').ts;
  const detected = events.find((e) => (e.kind === 'check.state' && ['DOWN', 'DEGRADED'].includes(String(e.data.to))) || (e.kind === 'metric.threshold' && e.data.to === 'crit') || e.kind === 'log.error-rate')!.ts;
  const ack = first('incident.acknowledged');
  const raise = first('incident.severity');
  const resolved = first('incident.resolved').ts;
  const evidence = first('log.evidence');
  const impactFrom = first('check.state', (e) => e.data.service === 'checkout-api' && e.data.to !== 'UP').ts;
  // How far checkout-api fell depends on how long the demo's failure ran before the restart (a
  // loaded machine restarts it later): the journal says which, the export must agree.
  const worst = events.some((e) => e.kind === 'check.state' && e.data.service === 'checkout-api' && e.data.to === 'DOWN') ? 'DOWN' : 'DEGRADED';
  // The board all clear: the last check back UP or panel out of crit before the resolution.
  const mitigated = Math.max(...events.filter((e) => e.ts <= resolved && ((e.kind === 'check.state' && e.data.to === 'UP') || (e.kind === 'metric.threshold' && e.data.from === 'crit'))).map((e) => e.ts));
  const claimed = first('incident.role', (e) => e.data.to === IC && e.data.role === 'ic').ts;
  const handover = first('incident.role', (e) => e.data.to === NEXT_IC).ts;
  assert.equal(ack.operator, IC);
  assert.equal(first('check.state').operator, 'warroom', 'the board\'s observations are warroom\'s');
  assert.equal(first('check.state').console, IC, '…naming the console that saw them');
  assert.deepEqual(raise.data, { from: 'P2', to: 'P1', reason: 'every checkout fails' });

  const rows = {
    detect: `| Time to detect | started → detected | ${span(started, detected)} |`,
    acknowledge: `| Time to acknowledge | detected → acknowledged | ${span(detected, ack.ts)} |`,
    mitigate: `| Time to mitigate | started → mitigated | ${span(started, mitigated)} |`,
    resolve: `| Time to resolve | started → resolved | ${span(started, resolved)} |`,
    detected: `| detected | ${utc(detected)} |`,
    acknowledged: `| acknowledged | ${utc(ack.ts)} | ${span(started, ack.ts)} | :ack by ${IC} |`,
    mitigatedAt: `| mitigated | ${utc(mitigated)} | ${span(started, mitigated)} | board all clear: `,
    resolvedAt: `| resolved | ${utc(resolved)} | ${span(started, resolved)} | Incident resolved: restarted checkout-api |`,
    severityChange: `| ${utc(raise.ts)} | P2 | P1 | ${IC} | every checkout fails |`,
    timeAtP1: `| P1 | ${span(raise.ts, resolved)} |`,
    timeAtP2: `| P2 | ${span(started, raise.ts)} |`,
    commander: `| ${IC} | incident commander ${utc(claimed).slice(11)}–${utc(handover).slice(11)}; scribe `,
    nextCommander: `| ${NEXT_IC} | incident commander ${utc(handover).slice(11)}–end | ${utc(handover)} |`,
    evidence: `| ${utc(Date.parse(String(evidence.data.loggedAt)))} | ${String(evidence.data.source)} | ${String(evidence.data.level)} | `,
    page: /^\| [\d-]+ [\d:]+ \| e2e-ic \| oncall \| webhook \| 1 \| paged \|$/m,
    impact: new RegExp(`^\\| checkout-api \\| ${worst} \\| ${utc(impactFrom)} \\| \\d{4}-\\d\\d-\\d\\d [\\d:]{8} \\| \\S+( \\S+)? \\| \\S+( \\S+)? \\|$`, 'm'),
    cause: `checkout-api ran out of heap under the retry storm`,
    todo: '- [ ] alert on checkout-api heap before it runs out',
    prompt: '> **To write:**',
  };
  for (const template of ['default', 'google-sre', 'pagerduty', 'atlassian']) {
    const md = exportRun(cwd, '--template', template);
    assert.equal(lint({ strings: { [template]: md } }).toString(), '', `${template} lints clean`);
    for (const [name, expected] of Object.entries(rows)) {
      assert.ok(typeof expected === 'string' ? md.includes(expected) : expected.test(md), `${template}: ${name} (${String(expected)})\n${md}`);
    }
    assert.equal(exportRun(cwd, '--template', template), md, `${template}: same journal, same bytes`);
  }
  assert.equal(exportRun(cwd), exportRun(cwd, '--template', 'default'), 'no --template is the default draft');

  // A team's own template, filled from named fields.
  const team = join(cwd, 'team-template.md');
  writeFileSync(team, '# {{ incident.title }}\n\n- Commander: {{ incident.commander }}\n- Detected: {{ times.detected }} ({{ durations.to_detect }})\n- Acknowledged: {{ times.acknowledged }}\n- Resolved: {{ times.resolved }} ({{ durations.to_resolve }})\n');
  const own = exportRun(cwd, '--template', team);
  assert.ok(own.includes(`- Commander: ${NEXT_IC}\n- Detected: ${utc(detected)} UTC (${span(started, detected)})\n- Acknowledged: ${utc(ack.ts)} UTC\n- Resolved: ${utc(resolved)} UTC (${span(started, resolved)})`), own);

  // The JSON carries the same facts.
  const json = JSON.parse(exportRun(cwd, '--format', 'json')) as { incident: Record<string, any>; events: unknown[] };
  const m = json.incident.keyTimes.milestones;
  const iso = (ms: number) => new Date(ms).toISOString();
  assert.deepEqual([m.started.at, m.detected.at, m.acknowledged.at, m.mitigated.at, m.resolved.at], [iso(started), iso(detected), iso(ack.ts), iso(mitigated), iso(resolved)]);
  assert.deepEqual(json.incident.keyTimes.durations, { toDetect: detected - started, toAcknowledge: ack.ts - detected, toMitigate: mitigated - started, toResolve: resolved - started });
  assert.deepEqual(json.incident.severityHistory.timeAt, [
    { severity: 'P1', durationMs: resolved - raise.ts },
    { severity: 'P2', durationMs: raise.ts - started },
  ]);
  assert.deepEqual(json.incident.severityHistory.changes, [{ at: iso(raise.ts), from: 'P2', to: 'P1', by: IC, reason: 'every checkout fails' }]);
  assert.deepEqual(json.incident.roles, { ic: NEXT_IC, scribe: IC, comms: null });
  assert.deepEqual(json.incident.responders.map((r: { name: string }) => r.name), [IC, NEXT_IC]);
  assert.equal(json.incident.evidence[0].source, evidence.data.source);
  assert.equal(json.incident.evidence[0].loggedAt, evidence.data.loggedAt);
  const checkoutImpact = json.incident.serviceImpact.find((i: { service: string }) => i.service === 'checkout-api');
  assert.equal(checkoutImpact?.from, iso(impactFrom));
  assert.equal(checkoutImpact?.worst, worst);
  assert.ok(json.incident.statusUpdates.length >= 1, 'the final status update');
  assert.ok(json.events.some((e) => (e as TimelineEvent).kind === 'escalation.sent' && (e as TimelineEvent).data.purpose === 'page'), 'the page');
  assert.deepEqual(json.incident.actionItems, ['alert on checkout-api heap before it runs out']);
  assert.equal(json.events.length, events.length);
});
