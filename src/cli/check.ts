import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { oneLine } from '../text/neutralise.js';
import type { RegisterCommand } from './commands.js';

/** `warroom check`: validates the config (and, once runbooks land, every runbook). */
export const registerCheck: RegisterCommand = (program) => {
  program
    .command('check')
    .description('validate the config and every runbook; problems name file:line:col')
    .option('-c, --config <file>', 'config file (default: warroom.yaml here)')
    .action(async (opts: { config?: string }) => {
      const [{ findConfigPath, loadConfig }, { formatProblem }, { lintConfig, sshConfigKnows }, { checkRunbookFile }] = await Promise.all([
        import('../config/load.js'),
        import('../config/errors.js'),
        import('../config/lint.js'),
        import('./runbook.js'),
      ]);
      const path = findConfigPath(process.cwd(), opts.config);
      const config = await loadConfig(path);
      const warnings = lintConfig(config);
      for (const warning of warnings) process.stdout.write(`warning: ${formatProblem(warning)}\n`);
      // Every runbook the console can open: the configured one and the others in its folder.
      const runbooks = new Set<string>();
      if (config.incident.runbook) runbooks.add(config.incident.runbook);
      const folder = config.incident.runbooksDir ?? (config.incident.runbook ? dirname(config.incident.runbook) : undefined);
      if (folder && existsSync(folder)) {
        for (const name of readdirSync(folder)) if (name.endsWith('.md')) runbooks.add(join(folder, name));
      }
      const sshKnows = sshConfigKnows(join(homedir(), '.ssh', 'config'));
      const knows = (host: string) => host in config.hosts || sshKnows(host);
      let runbookProblems = 0;
      for (const file of [...runbooks].sort()) {
        for (const problem of await checkRunbookFile(file, knows, { prometheus: config.metrics?.prometheus !== undefined })) {
          runbookProblems++;
          // File names and messages quote the runbook's own text: one safe line each.
          process.stdout.write(`${oneLine(`warning: ${relative(process.cwd(), problem.file) || problem.file}:${problem.line}: ${problem.message}`)}\n`);
        }
      }
      const rows = config.services.reduce((n, s) => n + s.checks.length, 0);
      process.stdout.write(
        `${path}: ok — ${config.services.length} services, ${rows} checks, ${runbooks.size} runbooks, ${warnings.length + runbookProblems} warnings\n`,
      );
    });
};
