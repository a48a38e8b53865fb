// A server binary the tests run for real (Prometheus, Alertmanager): started on a free loopback
// port, waited for until its `/-/ready` answers 200, stopped (TERM, then KILL after 10 s) with its
// temp folder removed. A server that exits or never gets ready fails with its last stderr.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { request } from 'undici';
import { freePort } from './free-port.js';
import { waitFor } from './wait-for.js';

/** A running server: its base URL, and how to stop it. */
export interface ReadyServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `binary` with `args(port)` and resolves once it is ready; `dir` is removed at stop. */
export async function startReadyServer(name: string, binary: string, args: (port: number) => string[], dir: string): Promise<ReadyServer> {
  const port = await freePort();
  const child = spawn(binary, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
        const res = await request(`${url}/-/ready`);
        await res.body.dump();
        return res.statusCode === 200;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: `${name} to be ready` },
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; stderr: ${stderr}`);
  }
  return { url, stop };
}
