import type { RegisterCommand } from './commands.js';

/** `warroom check`: validates the config (and, once runbooks land, every runbook). */
export const registerCheck: RegisterCommand = (program) => {
  program
    .command('check')
    .description('validate the config and every runbook; problems name file:line:col')
    .option('-c, --config <file>', 'config file (default: warroom.yaml here)')
    .action(async (opts: { config?: string }) => {
      const [{ findConfigPath, loadConfig }, { formatProblem }, { lintConfig }] = await Promise.all([
        import('../config/load.js'),
        import('../config/errors.js'),
        import('../config/lint.js'),
      ]);
      const path = findConfigPath(process.cwd(), opts.config);
      const config = await loadConfig(path);
      const warnings = lintConfig(config);
      for (const warning of warnings) process.stdout.write(`warning: ${formatProblem(warning)}\n`);
      const rows = config.services.reduce((n, s) => n + s.checks.length, 0);
      process.stdout.write(`${path}: ok — ${config.services.length} services, ${rows} checks, ${warnings.length} warnings\n`);
    });
};
