// `warroom status [--json]`: one sweep of every check, for scripts, cron and non-TTY use.
// Exit code 0 when every row is UP, 1 otherwise, 2 on a config error (thrown to main.ts).
// The config loader and the probes (YAML, zod, undici) are imported when the command runs, not
// when it is registered: every other command, the console included, starts without them.
import type { Command } from 'commander';
import type { WarroomConfig } from '../config/types.js';
import { createExecutor } from '../exec/index.js';
import type { Executor } from '../exec/types.js';
import { redactOutcome } from '../probes/row-redaction.js';
import { statusExitCode, statusJson, statusTable } from '../probes/status-report.js';
import { sweepOnce } from '../probes/sweep.js';
import { terminalSafeJson } from '../text/json.js';
import { createRedactor } from '../text/redact.js';
import type { RegisterCommand } from './commands.js';

/** What the command needs from the rest of warroom (injected so tests can run it in-process). */
export interface StatusCommandDeps {
  /** Loads and validates the config (`--config FILE`, else warroom.yaml found from the cwd). */
  loadConfig: (configOption: string | undefined) => Promise<WarroomConfig>;
  /** The executor command checks run through. */
  createExecutor: (config: WarroomConfig) => Executor;
  /** Where the table or JSON goes. */
  write: (text: string) => void;
}

/** Options of `warroom status`. */
interface StatusOptions {
  json?: boolean;
  config?: string;
}

/** Runs one sweep of `config` and prints it; returns the exit code. */
export async function runStatus(config: WarroomConfig, executor: Executor, json: boolean, write: (text: string) => void): Promise<0 | 1> {
  const [{ createChecks }, { createHttpPool }] = await Promise.all([import('../probes/check-factory.js'), import('../probes/http-pool.js')]);
  const pool = createHttpPool();
  try {
    const redactor = createRedactor(config);
    const rows = (await sweepOnce(createChecks(config, { executor, pool }))).map((row) => redactOutcome(row, redactor));
    write(json ? `${terminalSafeJson(statusJson(rows), 2)}\n` : statusTable(rows));
    return statusExitCode(rows);
  } finally {
    await pool.close();
  }
}

/** Builds the `status` subcommand around its dependencies. */
export function statusCommand(deps: StatusCommandDeps): RegisterCommand {
  return (program: Command) => {
    program
      .command('status')
      .description('one sweep of the status board: exit 0 when all UP, 1 otherwise, 2 on a config error')
      .option('--json', 'print an array of {service, instance, check, target, state, latencyMs, reason}')
      .option('-c, --config <file>', 'config file (default: warroom.yaml here)')
      .action(async (options: StatusOptions) => {
        const config = await deps.loadConfig(options.config);
        const executor = deps.createExecutor(config);
        try {
          process.exitCode = await runStatus(config, executor, options.json === true, deps.write);
        } finally {
          await executor.close();
        }
      });
  };
}

/** `warroom status`, registered in command-list.ts. */
export const registerStatus: RegisterCommand = statusCommand({
  loadConfig: async (configOption) => {
    const { findConfigPath, loadConfig } = await import('../config/load.js');
    return loadConfig(findConfigPath(process.cwd(), configOption));
  },
  createExecutor: (config) => createExecutor({ hosts: config.hosts }),
  write: (text) => process.stdout.write(text),
});
