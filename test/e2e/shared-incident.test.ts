// Two consoles on two "laptops" (two folders, two configs, two tmux servers at 80x24) sharing one
// incident through a REAL nats-server -js on loopback, driven as their users drive them: ana
// opens the incident, bo joins it with --incident ID (his machine has never seen it), a note
// typed on one screen shows on the other, the header says who else is here, and with the server
// stopped both keep working under an OFFLINE · n unsynced badge (in colour) until it is back.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { NatsServer, natsServerMissing } from '../helpers/nats-server.js';
import { KEY_BYTES, stylesOf, TmuxSession, tmuxMissing, warroomExitCode, warroomShellLine } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait-for.js';

const skip = tmuxMissing() ?? natsServerMissing() ?? false;

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
    // Offline, the note is on bo's own screen at once and counted as unsynced (at 80 columns the
    // header cuts the badge after the count: "OFFLINE · 1 uns…").
    const styled = await bo.waitForStyledScreen((s) => s.includes('failover done from bo') && /OFFLINE · [1-9]\d* uns/.test(s), 'bo’s note shown, OFFLINE · n unsynced');
    const [badge] = stylesOf(styled, 'OFFLINE');
    // Drawn inverse in the warning colour: seen without reading the words.
    assert.ok(badge?.some((sgr) => sgr.split(';').includes('7')) && badge.some((sgr) => sgr.startsWith('38;')), `the OFFLINE badge is inverse and coloured (SGR ${JSON.stringify(badge)})`);
    assert.ok(!ana.screen().includes('failover done from bo'));

    await server.resume();
    await ana.waitForScreen((s) => s.includes('failover done from bo'), 'bo’s offline note on ana’s screen once the server is back', 60_000);
    await bo.waitForScreen((s) => s.includes('⇅ with ana'), 'bo back online, with ana', 60_000);
    // Quitting while sharing ends cleanly.
    for (const console of [bo, ana]) {
      console.send('q');
      assert.equal(await warroomExitCode(console), 0);
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
