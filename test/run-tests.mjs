#!/usr/bin/env node
// Runs the whole suite: type-check and build first (the end-to-end tests drive the compiled CLI),
// then every test/**/*.test.ts(x) outside test/bench through Node's own runner with tsx.
// Node 20's --test does not expand globs itself, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'bench' && name !== 'fixtures') found.push(...findTests(path));
    } else if (/\.test\.tsx?$/.test(name)) {
      found.push(relative(root, path));
    }
  }
  return found;
}

// Build src/ and views/ to dist/, then type-check the tests against them too (tsx runs them unchecked).
for (const project of ['tsconfig.json', 'tsconfig.test.json']) {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
// Bundle it as `npm run build` does: the end-to-end tests run bin/warroom.js, which runs the bundle.
const bundle = spawnSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
if (bundle.status !== 0) process.exit(bundle.status ?? 1);

const files = (only.length > 0 ? only : findTests(join(root, 'test'))).sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=3', '--test-timeout=120000', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
