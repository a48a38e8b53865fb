#!/usr/bin/env node
// The launcher: everything lives in the compiled CLI. `npm run build` also bundles it into a few
// files (dist/bundle, scripts/bundle.mjs), which start in half the time of tsc's output and its
// dependencies loaded as ~900 separate modules; the bundle runs when it is at least as new as
// that tsc output, so a build by tsc alone is never shadowed by an older bundle.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// The console runs for hours on a small live heap (~20 MB under a 20,000 lines/s log flood), yet
// V8's default growing factor (up to 4x) let the old generation fill with ~100 MB of garbage
// between full collections: B7 measured an RSS peak of 225-237 MB with the default and ~155 MB
// with 1.5x, at the same CPU (a full collection of a 20 MB heap every ~2 s of flood). V8 reads
// the factor at each collection, so setting it here, before anything is loaded, is enough.
setFlagsFromString('--heap-growing-percent=50');

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
