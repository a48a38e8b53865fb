import assert from 'node:assert/strict';
import { exec, spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { startDemoEstate } from '../../src/demo/index.js';
import { demoRunbookPath } from '../../src/demo/locations.js';
import { endlessReason } from '../../src/runbooks/endless.js';

const run = promisify(exec);

/** Starts a never-ending command, returns what it printed first and stops it (it must still be running then). */
function firstOutput(command: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { env, detached: true });
    let out = '';
    const timer = setTimeout(() => finish(new Error(`no output within 20 s: ${command}`)), 20_000);
    let finished = false;
    // Once: the exit that the SIGTERM below causes calls it again, and by then the group is gone
    // (killing it again threw ESRCH, failing the test after it had passed).
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch (killError) {
          if ((killError as NodeJS.ErrnoException).code !== 'ESRCH') throw killError;
        }
      }
      if (error) reject(error);
      else resolve(out);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) finish();
    });
    child.on('exit', (code) => finish(new Error(`it ended by itself (exit ${code}): ${command}`)));
  });
}

/** The fenced bash blocks of a Markdown file, in order (the runbook parser is tested elsewhere). */
function bashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^[ \t]*```bash\n([\s\S]*?)^[ \t]*```/gm)].map((m) => m[1]!.replace(/^[ \t]+/gm, ''));
}

test('every command in the demo runbook works against a running estate', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'warroom-demo-test-'));
  const estate = await startDemoEstate({ dir, scriptedIncident: false });
  try {
    const env = { ...process.env, ...estate.env() };
    const blocks = bashBlocks(await readFile(demoRunbookPath(), 'utf8'));
    assert.ok(blocks.length >= 10, `found ${blocks.length} commands`);
    for (const block of blocks) {
      if (endlessReason(block) !== undefined) {
        // A command that never ends (`tail -f`) must print, then keep going until stopped.
        assert.notEqual(await firstOutput(block, env), '', `${block}\nprinted nothing`);
        continue;
      }
      // The commands run in the console's process tree; exec keeps this event loop (and the estate) alive.
      const result = await run(block, { env, shell: '/bin/sh', timeout: 20_000 }).catch((error: Error & { stderr?: string }) => {
        assert.fail(`${block}\nfailed: ${error.message}`);
      });
      assert.equal(result.stderr, '', block);
      assert.notEqual(result.stdout.trim(), '', `${block}\nprinted nothing`);
    }
  } finally {
    await estate.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
