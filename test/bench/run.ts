// `npm run bench [-- --quick] [-- b1 b2 ...]`: runs every benchmark script in this folder
// (files named bN-*.ts exporting `main({ quick })`), one after another so they do not compete
// for the two cores. A benchmark reports figures; it fails only when it breaks.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());

const scripts = readdirSync(dir)
  .filter((name) => /^b\d+-.*\.ts$/.test(name))
  .sort((a, b) => Number(a.slice(1).split('-')[0]) - Number(b.slice(1).split('-')[0]))
  .filter((name) => only.length === 0 || only.some((o) => name.startsWith(`${o}-`)));

let failed = 0;
for (const name of scripts) {
  process.stdout.write(`\n=== ${name}${quick ? ' (quick)' : ''}\n`);
  const started = Date.now();
  try {
    const bench = (await import(pathToFileURL(join(dir, name)).href)) as { main?: (o: { quick: boolean }) => Promise<void> };
    if (typeof bench.main !== 'function') throw new Error('exports no main()');
    await bench.main({ quick });
  } catch (error) {
    failed++;
    process.stdout.write(`BROKEN: ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.stdout.write(`(${name} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
process.stdout.write(`\n${scripts.length - failed} benchmarks ran, ${failed} broke\n`);
process.exit(failed > 0 ? 1 : 0);
