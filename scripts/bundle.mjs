#!/usr/bin/env node
// Bundles the compiled CLI (dist/src, from tsc) into dist/bundle, which bin/warroom.js runs when
// it is newer than the compiled modules: start-up (benchmark B5). Loaded as ~900 separate ES
// modules (Ink alone pulls in 400 files of es-toolkit for one throttle function), the console
// spends most of its first half-second in Node's module loader; bundled, the same code loads
// as a few files. Code splitting keeps every dynamic import() a separate chunk, so what the CLI
// loads lazily (the views, the engine, the Markdown parser, each command's modules) stays lazy.
//
// Run after tsc: `npm run build` does both. A build by tsc alone leaves the bundle older than
// the compiled modules, and the launcher then runs those instead.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'dist/src/cli/main.js',
    // The demo's control command runs as its own process, from the folder of the module that
    // names it (src/demo/locations.ts): here, next to the chunks.
    ctl: 'dist/src/demo/ctl.js',
    // The runbook parser's worker thread is started from its own file, looked up next to the
    // chunk that starts it (src/runbooks/parse-off-thread.ts): here too.
    'parse-worker': 'dist/src/runbooks/parse-worker.js',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // React's production build, as the launcher loads it unbundled (see src/cli/views-loading.ts):
  // React, its reconciler and scheduler are the only bundled packages that read NODE_ENV.
  define: { 'process.env.NODE_ENV': '"production"' },
  external: [
    // Native add-ons, optional: ssh2 is loaded with createRequire at the first SSH connection.
    'ssh2',
    'cpu-features',
    // Ink's React DevTools bridge, imported only with DEV=true and not installed.
    'react-devtools-core',
  ],
  // Bundled CommonJS packages (commander, yaml, undici...) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __warroomCreateRequire } from 'node:module'; const require = __warroomCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
