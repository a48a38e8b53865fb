import type { RegisterCommand } from './commands.js';
import { loadViews } from './views-loading.js';

/** `warroom open` (also plain `warroom`): the console on the config in this folder. */
export const registerOpen: RegisterCommand = (program) => {
  program
    .command('open')
    .description('open the console for a new incident, or continue one')
    .option('-c, --config <file>', 'config file (default: warroom.yaml here)')
    .option('-i, --incident <id>', 'continue this incident')
    .option('--as <name>', 'operator name (default: $USER@hostname)')
    .option('--dry-run', 'show and record actions, never run them (drills)')
    .option('--metrics-port <port>', "serve warroom's own /metrics on 127.0.0.1 (off by default)")
    .option('--read-only', 'nothing can be run from this console (shared screen)')
    .action(async (opts: { config?: string; incident?: string; as?: string; dryRun?: boolean; readOnly?: boolean; metricsPort?: string }) => {
      // Imported when run, not when registered: `warroom --help` and other commands stay fast.
      const [{ findConfigPath, loadConfig }, { runIncidentConsole }] = await Promise.all([
        import('../config/load.js'),
        import('./incident-session.js'),
      ]);
      const config = await loadConfig(findConfigPath(process.cwd(), opts.config));
      // The console's views load while the incident is opened (on a terminal: elsewhere the console refuses to start).
      if (process.stdout.isTTY && process.stdin.isTTY) void loadViews();
      await runIncidentConsole(config, { ...opts, onOpenIncident: 'ask' });
    });
};
