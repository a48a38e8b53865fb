// Two consoles on two "laptops" (two folders, two configs, two tmux servers at 80x24) sharing one
// incident through a REAL nats-server -js on loopback, driven as their users drive them: ana
// opens the incident, bo joins it with --incident ID (his machine has never seen it), a note
// typed on one screen shows on the other, the header says who else is here, both claiming the
// commander role at once from the keyboard get one commander (the other is told who), with the
// server stopped both keep working under an OFFLINE·n badge (in colour, whole at 80 columns)
// until it is back, and a console that quits is seen leaving by the other at once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { KEY_BYTES, stylesOf, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const skip = tmuxMissing() ?? natsServerMissing() ?? false;

/** The header: the screen's first row. */
function firstRow(screen: string): string {
  return screen.split('\n')[0] ?? '';
}

/** Kind and operator of every event in a journal file (nothing when it does not exist yet). */
function journalKinds(path: string): { kind: string; operator: string }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { kind: string; operator: string });
}

function laptop(name: string, url: string): string {
  const dir = mkdtempSync(join(tmpdir(), `warroom-e2e-${name}-`));
  writeFileSync(
    join(dir, 'warroom.yaml'),
    ['incident:', '  title: orders stuck', 'services:', '  - name: api', '    checks:', '      - command: "true"', '        interval: 5s', 'share:', `  nats: "${url}"`, ''].join('\n'),
  );
  return dir;
}

test('two consoles share an incident through nats-server: notes both ways, who is here, OFFLINE in colour while the server is down', { skip, timeout: 240_000 }, async () => {
  const server = await NatsServer.start();
  const anaDir = laptop('ana', server.url);
  const boDir = laptop('bo', server.url);
  const sessions: TmuxSession[] = [];
  try {
    const ana = TmuxSession.start(warroomShellLine(`open --config ${join(anaDir, 'warroom.yaml')} --as ana`), { columns: 80, rows: 24, cwd: anaDir });
    sessions.push(ana);
    await ana.waitForScreen((s) => s.includes('⇅ SHARED'), 'ana’s console sharing');
    const id = await waitFor(() => readdirSync(join(anaDir, '.warroom', 'incidents'))[0], { what: 'ana’s incident folder' });

    const bo = TmuxSession.start(warroomShellLine(`open --config ${join(boDir, 'warroom.yaml')} --incident ${id} --as bo`), { columns: 80, rows: 24, cwd: boDir });
    sessions.push(bo);
    await bo.waitForScreen((s) => s.includes('⇅ with ana'), 'bo joined, with ana');
    await ana.waitForScreen((s) => s.includes('with bo'), 'ana sees bo here');

    // Both claim the commander role at once, each `:role ic me` and Enter in one write.
    ana.writeRaw(`:role ic me${KEY_BYTES.enter}`);
    bo.writeRaw(`:role ic me${KEY_BYTES.enter}`);
    const [anaSays, boSays] = await Promise.all(
      [ana, bo].map((console) => console.waitForScreen((s) => /incident commander: (ana|bo)|refused: (ana|bo) became incident commander first/.test(s), 'the outcome of :role ic')),
    );
    const refused = [anaSays, boSays].map((s) => /role change refused: (ana|bo) became incident commander first/.exec(s!)?.[1] ?? null);
    assert.equal(refused.filter((who) => who !== null).length, 1, `exactly one console is told it lost:\n${anaSays}\n---\n${boSays}`);
    const commander = refused[0] ?? refused[1]!;
    assert.equal(refused[0] === null ? 'ana' : 'bo', commander, 'the winner is the console that was not refused');
    // At 80 columns a long incident id leaves the header no room for the commander: read it wider.
    for (const console of [ana, bo]) {
      console.resize(120, 24);
      await console.waitForScreen((s) => firstRow(s).includes(`IC ${commander}`), `IC ${commander} in the header`);
      console.resize(80, 24);
    }

    // The timeline in place of the logs on both; a note typed on ana's (text and Enter in one write).
    for (const console of [ana, bo]) console.send('T');
    ana.send('n');
    await ana.waitForScreen((s) => /note/i.test(s), 'the note field');
    ana.writeRaw(`replica lag 40s, failing over${KEY_BYTES.enter}`);
    await bo.waitForScreen((s) => s.includes('replica lag 40s, failing over'), 'ana’s note on bo’s screen');

    await server.stop();
    await bo.waitForScreen((s) => s.includes('OFFLINE'), 'bo offline');
    bo.send('n');
    await bo.waitForScreen((s) => /note/i.test(s), 'bo’s note field');
    bo.writeRaw(`failover done from bo${KEY_BYTES.enter}`);
    // Offline, the note is on bo's own screen at once and counted as unsynced: at 80 columns the
    // header has no room for "OFFLINE · 1 unsynced" and says OFFLINE·1, whole, with the rest of the header.
    const styled = await bo.waitForStyledScreen((s) => s.includes('failover done from bo') && /OFFLINE·[1-9]/.test(s), 'bo’s note shown, OFFLINE·n');
    const header = firstRow(bo.screen());
    assert.match(header, /OFFLINE·[1-9]\d* +│ bo │ LIVE\s*$/, `the header row keeps the count and ends with the operator and mode: ${header}`);
    assert.ok(!header.includes('…'), `nothing in the badge is cut: ${header}`);
    const [badge] = stylesOf(styled, 'OFFLINE');
    // Drawn inverse in the warning colour: seen without reading the words.
    assert.ok(badge?.some((sgr) => sgr.split(';').includes('7')) && badge.some((sgr) => sgr.startsWith('38;')), `the OFFLINE badge is inverse and coloured (SGR ${JSON.stringify(badge)})`);
    assert.ok(!ana.screen().includes('failover done from bo'));

    await server.resume();
    await ana.waitForScreen((s) => s.includes('failover done from bo'), 'bo’s offline note on ana’s screen once the server is back', 60_000);
    await bo.waitForScreen((s) => s.includes('⇅ with ana'), 'bo back online, with ana', 60_000);
    // Quitting while sharing ends cleanly, and says goodbye: ana's journal has bo leaving at once.
    bo.send('q');
    assert.equal(await warroomExitCode(bo), 0);
    const anaJournal = join(anaDir, '.warroom', 'incidents', id, 'journal.jsonl');
    await waitFor(() => journalKinds(anaJournal).some((e) => e.kind === 'operator.left' && e.operator === 'bo'), { what: 'bo’s operator.left in ana’s journal while bo is gone', timeoutMs: 10_000 });
    ana.send('q');
    assert.equal(await warroomExitCode(ana), 0);
    // One commander on record on both machines: the console that lost recorded no change.
    for (const dir of [anaDir, boDir]) {
      const roles = journalKinds(join(dir, '.warroom', 'incidents', id, 'journal.jsonl')).filter((e) => e.kind === 'incident.role');
      assert.deepEqual(roles.map((e) => e.operator), [commander], `one role change, by ${commander}, in ${dir}`);
    }
  } finally {
    for (const session of sessions) session.kill();
    await server.close();
    // A console killed by the tmux kill may still be writing its last lines: never hide the test's own failure.
    for (const dir of [anaDir, boDir]) {
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {
        // left in the temp folder
      }
    }
  }
});
