#!/usr/bin/env node
// The launcher: everything lives in the compiled CLI. `npm run build` also bundles it into a few
// files (dist/bundle, scripts/bundle.mjs), which start in half the time of tsc's output and its
// dependencies loaded as ~900 separate modules; the bundle runs when it is at least as new as
// that tsc output, so a build by tsc alone is never shadowed by an older bundle.
import { statSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const bundled = new URL('../dist/bundle/main.js', import.meta.url);

function bundleIsCurrent() {
  try {
    return statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs;
  } catch {
    return false;
  }
}

import(bundleIsCurrent() ? bundled : compiled).then((cli) => cli.main(process.argv));
