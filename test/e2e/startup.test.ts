// Start-up (benchmark B5): which build the launcher runs, what the compiled CLI loads before it
// does anything, and the order in which `warroom demo` draws and starts, seen in a real
// pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PtyRun } from '../bench/pty.js';

const bin = fileURLToPath(new URL('../../bin/warroom.js', import.meta.url));
const main = new URL('../../dist/src/cli/main.js', import.meta.url).href;
const noScript = spawnSync('script', ['--version']).error ? 'util-linux `script` is not installed' : false;

/** Packages no command needs to be registered: each is imported by the command (or pane) that uses it. */
const HEAVY = ['ink', 'react', 'react-reconciler', 'yoga-layout', 'undici', 'ssh2', 'prom-client', 'yaml', 'zod', 'micromark', 'mdast-util-from-markdown', 'markdown-it', 'blessed', 'blessed-contrib'];

test('the launcher runs the bundle when it is as new as the compiled modules, and those when it is older', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-launcher-'));
  try {
    // The real launcher in a package of two stand-in builds that say which one ran.
    mkdirSync(join(dir, 'bin'));
    copyFileSync(bin, join(dir, 'bin', 'warroom.js'));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    const builds = { compiled: join(dir, 'dist', 'src', 'cli', 'main.js'), bundled: join(dir, 'dist', 'bundle', 'main.js') };
    for (const [name, file] of Object.entries(builds)) {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, `export function main(argv) { console.log(${JSON.stringify(name)}, argv.slice(2).join(' ')); }\n`);
    }
    const ran = () => spawnSync(process.execPath, [join(dir, 'bin', 'warroom.js'), 'status', '--json'], { encoding: 'utf8' }).stdout.trim();
    const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

    at(builds.compiled, 1_000);
    at(builds.bundled, 2_000);
    assert.equal(ran(), 'bundled status --json', 'a bundle built after tsc');
    at(builds.bundled, 1_000);
    assert.equal(ran(), 'bundled status --json', 'built in the same instant');
    at(builds.compiled, 3_000);
    assert.equal(ran(), 'compiled status --json', 'tsc ran again after the bundle: the bundle is stale');
    rmSync(join(dir, 'dist', 'bundle'), { recursive: true });
    assert.equal(ran(), 'compiled status --json', 'no bundle');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('building the program (every command registered) loads none of the heavy packages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warroom-startup-'));
  try {
    // A load hook (Node runs it on its own thread) notes every module the ESM loader loads; the
    // CommonJS cache shows what was required directly.
    const log = join(dir, 'loaded.txt');
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
    );
    writeFileSync(log, '');
    const script = [
      `import { register, createRequire } from 'node:module';`,
      `register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`,
      `const { buildProgram } = await import(${JSON.stringify(main)});`,
      `const program = buildProgram();`,
      `console.log(JSON.stringify({ commands: program.commands.map((c) => c.name()), required: Object.keys(createRequire(import.meta.url).cache) }));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const { commands, required } = JSON.parse(run.stdout) as { commands: string[]; required: string[] };
    assert.deepEqual(commands, ['open', 'demo', 'status', 'check', 'export', 'incidents', 'runbook']);
    const loaded = [...readFileSync(log, 'utf8').trim().split('\n'), ...required];
    assert.ok(loaded.some((url) => url.includes('commander')), 'the hook saw the modules main.js loads');
    for (const name of HEAVY) {
      const hits = loaded.filter((url) => url.includes(`/node_modules/${name}/`));
      assert.deepEqual(hits, [], `${name} is loaded when the commands are registered`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('warroom demo draws its first frame before the engine starts, then the panes fill in', { skip: noScript }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'warroom-startup-'));
  const run = new PtyRun(`${process.execPath} ${bin} demo`, { columns: 160, rows: 48, cwd });
  try {
    await run.waitFor((out) => out.includes('4 Runbook') && out.includes('INC-'));
    // Ink writes a frame top to bottom: by the last pane's title, the first row of panes is drawn.
    assert.match(run.output, /Starting…/, 'the first frame says the panes are starting');
    await run.waitFor((out) => /\d+ UP · \d+ DEGRADED · \d+ DOWN/.test(out) && out.includes('$ curl'));
    assert.doesNotMatch(run.output, /No (checks|log sources|metrics panels|runbook) configured/, 'no pane claimed to be unconfigured while starting');
  } finally {
    await run.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
  assert.equal(await run.exited, 0);
});
