import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RegisterCommand } from './commands.js';
import { UsageError } from './usage-error.js';
import { loadViews } from './views-loading.js';

interface DemoFlags {
  printConfig?: boolean;
  as?: string;
  dryRun?: boolean;
  readOnly?: boolean;
  metricsPort?: string;
  speed?: string;
  timelineDir?: string;
}

/** `warroom demo`: starts the built-in estate on loopback and opens the console on it. */
export const registerDemo: RegisterCommand = (program) => {
  program
    .command('demo')
    .description('the console on a built-in demo estate on loopback (no setup, no network)')
    .option('--print-config', 'print the demo estate\'s warroom.yaml and exit')
    .option('--as <name>', 'operator name (default: $USER@hostname)')
    .option('--dry-run', 'show and record actions, never run them')
    .option('--metrics-port <port>', "serve warroom's own /metrics on 127.0.0.1 (off by default)")
    .option('--read-only', 'nothing can be run from this console')
    .option('--speed <n>', 'run the scripted incident n times faster', '1')
    .option('--timeline-dir <dir>', 'where the demo incident is recorded', '.warroom/incidents')
    .action(async (flags: DemoFlags) => {
      const speed = Number(flags.speed ?? '1');
      if (!Number.isFinite(speed) || speed <= 0) throw new UsageError(`--speed must be a positive number, got ${flags.speed}`);
      // The console's views load while the estate starts (on a terminal: elsewhere the console refuses to start).
      if (!flags.printConfig && process.stdout.isTTY && process.stdin.isTTY) void loadViews();
      const [{ loadConfigText }, { startDemoEstate }, { runIncidentConsole }] = await Promise.all([
        import('../config/load.js'),
        import('../demo/index.js'),
        import('./incident-session.js'),
      ]);
      const estate = await startDemoEstate({
        speed,
        timelineDir: resolve(flags.timelineDir ?? '.warroom/incidents'),
      });
      try {
        const yaml = estate.configYaml();
        if (flags.printConfig) {
          process.stdout.write(yaml);
          return;
        }
        // The runbook's commands read these (CHECKOUT_URL, CONTROL_URL...): the console's children inherit them.
        Object.assign(process.env, estate.env());
        const file = join(estate.info.dir, 'warroom.yaml');
        await writeFile(file, yaml);
        const config = loadConfigText(yaml, file, process.env);
        await runIncidentConsole(config, { ...flags, onOpenIncident: 'new' });
      } finally {
        await estate.stop();
      }
    });
};
