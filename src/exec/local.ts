// Local commands: child_process in its own process group, so a timeout, a cancel or quitting the
// console takes the whole tree down (`sh -c 'tail -f x | grep y'` leaves nothing behind).
import { spawn, type ChildProcess } from 'node:child_process';
import { formatSetting } from '../time/duration-text.js';
import { childEnvironment, hasValues, type CommandEnv } from './command-env.js';
import { DEFAULT_TIMEOUT_MS, toArgv } from './command-line.js';
import { commandLineSplitter } from './output-buffer.js';
import { RunOutput } from './run-output.js';
import type { RunOptions, RunResult, StreamHandle, StreamOptions } from './types.js';

// How long a group gets between SIGTERM and SIGKILL, and how long pipes held open by a leftover
// background process may delay the result after the command itself exited.
const KILL_GRACE_MS = 2000;
const PIPE_GRACE_MS = 1000;

/** A spawned process group and a way to wait for it to be completely gone. */
interface GroupProcess {
  child: ChildProcess;
  /** Resolves once the process exited and its pipes closed (or were given up on). */
  done: Promise<{ exitCode: number | null; signal: string | null; error?: string }>;
  /** SIGTERM the group, SIGKILL it after a grace period; resolves with `done`. */
  terminate(): Promise<void>;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function spawnMessage(error: NodeJS.ErrnoException, program: string): string {
  if (error.code === 'ENOENT') return `command not found: ${program}`;
  if (error.code === 'EACCES') return `permission denied: ${program}`;
  return `could not start ${program}: ${error.message}`;
}

function spawnGroup(command: string, env: CommandEnv | undefined, onData: (chunk: Buffer, stream: 'stdout' | 'stderr') => void): GroupProcess {
  const [program, ...args] = toArgv(command);
  const child = spawn(program, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(hasValues(env) ? { env: childEnvironment(env) } : {}),
  });
  child.stdout!.on('data', (chunk: Buffer) => onData(chunk, 'stdout'));
  child.stderr!.on('data', (chunk: Buffer) => onData(chunk, 'stderr'));
  let killTimer: NodeJS.Timeout | undefined;
  const done = new Promise<{ exitCode: number | null; signal: string | null; error?: string }>((resolve) => {
    let pipeTimer: NodeJS.Timeout | undefined;
    child.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ exitCode: null, signal: null, error: spawnMessage(error, program) });
    });
    child.once('exit', () => {
      // A background grandchild may hold the pipes open forever; the command itself is done.
      pipeTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, PIPE_GRACE_MS);
      pipeTimer.unref();
    });
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(pipeTimer);
      clearTimeout(killTimer);
      resolve({ exitCode: code, signal });
    });
  });
  const terminate = async (): Promise<void> => {
    const pid = child.pid;
    if (pid !== undefined && groupAlive(pid)) {
      signalGroup(pid, 'SIGTERM');
      killTimer = setTimeout(() => {
        if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      }, KILL_GRACE_MS);
      killTimer.unref();
    }
    await done;
    // The leader may be gone while a member ignoring SIGTERM lives on.
    if (pid !== undefined && groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  };
  return { child, done, terminate };
}

/** Runs a command to completion on this machine. */
export async function runLocal(command: string, options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const output = new RunOutput(options);
  const result = (fields: Partial<RunResult>) => output.result(fields);
  if (options.signal?.aborted) return result({ cancelled: true, error: 'cancelled' });

  const group = spawnGroup(command, options.env, (chunk, stream) => {
    output.push(chunk, stream);
  });
  let stoppedBy: 'timeout' | 'cancel' | undefined;
  const stop = (why: 'timeout' | 'cancel') => {
    stoppedBy ??= why;
    void group.terminate();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancel');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const end = await group.done;
    if (stoppedBy) await group.terminate();
    output.flush();
    const stopped =
      stoppedBy === 'timeout'
        ? { timedOut: true, error: `timed out after ${formatSetting(timeoutMs)}` }
        : stoppedBy === 'cancel'
          ? { cancelled: true, error: 'cancelled' }
          : end.error
            ? { error: end.error }
            : {};
    return result({ exitCode: end.exitCode, signal: end.signal, ...stopped });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Streams a long-running command on this machine, line by line, until it ends or is stopped. */
export function streamLocal(command: string, options: StreamOptions): StreamHandle {
  const splitters = {
    stdout: commandLineSplitter((line) => options.onLine(line, 'stdout')),
    stderr: commandLineSplitter((line) => options.onLine(line, 'stderr')),
  };
  const group = spawnGroup(command, options.env, (chunk, stream) => splitters[stream].push(chunk));
  let stopped = false;
  void group.done.then((end) => {
    splitters.stdout.flush();
    splitters.stderr.flush();
    // A stream stopped on purpose did not "end": callers restart streams that end.
    if (!stopped) options.onExit?.(end);
  });
  return {
    stop: async () => {
      stopped = true;
      await group.terminate();
    },
  };
}
