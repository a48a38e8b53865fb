// Loading the views (Ink, React, Yoga: the heaviest import of all, a few hundred ms on a small
// machine), once. A console command starts it as soon as it knows it will draw a console, so the
// load runs alongside its own start-up (the demo estate, the config, the journal) instead of
// after it; the console session then waits for the same load.

import { chalkLevel, detectColourSupport } from '../terminal/colour-support.js';

/** The views module: what the console session draws with. */
export type ViewsModule = typeof import('../../views/console.js');

let loading: Promise<ViewsModule> | undefined;

/**
 * Loads the views with three settings that only matter while they load (Ink, chalk and React
 * read them once, when first imported):
 * - Ink's CI detection off: with CI=true in the environment Ink draws nothing until exit, and
 *   this console only ever runs on a terminal someone is looking at (requireTerminal).
 * - chalk's colour level set to what the terminal shows (colour-support.ts). chalk counts ANY
 *   CI variable (CI=0 included) as a CI run without colour; with CI set, it takes FORCE_COLOR
 *   as its level exactly, so the pair below gives it the level detected from TERM, COLORTERM,
 *   NO_COLOR and FORCE_COLOR, and the CI variables the user had make no difference.
 * - React's production build: React picks its build from NODE_ENV when first imported, and the
 *   development build (the default when NODE_ENV is unset, or "development" in a developer's
 *   shell) roughly doubles the cost of every frame.
 * The variables are put back right after, so the commands warroom runs (restarts, runbook steps)
 * see the environment exactly as it was; nothing is run before the console is drawn.
 */
async function importViews(): Promise<ViewsModule> {
  const level = chalkLevel(detectColourSupport(process.env, process.stdout.isTTY === true));
  const forLoading = { CI: '0', CONTINUOUS_INTEGRATION: '0', FORCE_COLOR: String(level), NODE_ENV: 'production' };
  const saved = Object.fromEntries(Object.keys(forLoading).map((name) => [name, process.env[name]]));
  Object.assign(process.env, forLoading);
  try {
    return await import('../../views/console.js');
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The views, loading started on the first call; later calls share that load. */
export function loadViews(): Promise<ViewsModule> {
  if (!loading) {
    loading = importViews();
    // Started ahead of need: if the command fails before it draws, nobody awaits this load, and
    // its failure must not surface as an unhandled rejection (whoever awaits it still sees it).
    loading.catch(() => undefined);
  }
  return loading;
}
