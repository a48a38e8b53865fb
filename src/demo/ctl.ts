#!/usr/bin/env node
// The demo's stand-in for `systemctl`: a local command that acts on the running demo estate
// through its control endpoint. The demo config's restart actions run it, so restarting from
// the console exercises the real action path (a child process, its output and exit code).
//   node ctl.js restart checkout-api --control http://127.0.0.1:PORT
import { parseArgs } from 'node:util';
import { request } from 'undici';

const USAGE = 'usage: ctl <restart|fail|status> [service] [--control URL] [--mode degrade|down]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { control: { type: 'string' }, mode: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`ctl: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [verb, service] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const control = parsed.values.control ?? process.env.CONTROL_URL;
  if (!control || !verb || !['restart', 'fail', 'status'].includes(verb) || (verb !== 'status' && !service)) {
    process.stderr.write(`${USAGE}\n${control ? '' : 'ctl: no control endpoint (pass --control URL or set CONTROL_URL)\n'}`);
    return 2;
  }
  if (!URL.canParse(control)) {
    process.stderr.write(`ctl: --control must be a URL such as http://127.0.0.1:8080, not ${JSON.stringify(control)}\n`);
    return 2;
  }
  const mode = parsed.values.mode === 'down' ? '?mode=down' : '';
  const path = verb === 'status' ? '/status' : `/${verb}/${encodeURIComponent(service!)}${verb === 'fail' ? mode : ''}`;
  const started = Date.now();
  if (verb === 'restart') process.stdout.write(`restarting ${service} via ${control} ...\n`);
  try {
    const response = await request(new URL(path, control), { method: verb === 'status' ? 'GET' : 'POST', headersTimeout: 30_000 });
    const body = (await response.body.json()) as Record<string, unknown>;
    if (response.statusCode >= 400) {
      process.stderr.write(`ctl: ${verb} ${service ?? ''} failed (HTTP ${response.statusCode}): ${String(body.error ?? 'unknown error')}\n`);
      return 1;
    }
    process.stdout.write(`${describe(verb, body, Date.now() - started)}\n`);
    return 0;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    process.stderr.write(`ctl: cannot reach the demo control endpoint at ${control}: ${reason}\n`);
    return 1;
  }
}

function describe(verb: string, body: Record<string, unknown>, elapsedMs: number): string {
  if (verb === 'restart') {
    return `${String(body.service)} restarted (was ${String(body.previousPhase)}), listening on port ${String(body.port)}, now ${String(body.phase)} after ${(elapsedMs / 1000).toFixed(1)}s`;
  }
  if (verb === 'fail') return `${String(body.service)} is failing now`;
  return JSON.stringify(body, null, 2);
}

process.exitCode = await main(process.argv.slice(2));
