// Commands over SSH, one channel each on the host's shared connection. A command is stopped by
// a TERM signal request and then closing its channel: sshd ignores signal requests for root
// sessions, and a remote process without a terminal only dies from the closed channel (SIGPIPE
// on its next write), so closing is what actually ends it.
import type { Client, ClientChannel } from 'ssh2';
import { formatSetting } from '../time/duration-text.js';
import { hasValues, remoteLaunch, type CommandEnv } from './command-env.js';
import { DEFAULT_TIMEOUT_MS } from './command-line.js';
import { commandLineSplitter } from './output-buffer.js';
import type { SshHost } from './ssh-host.js';
import { RunOutput } from './run-output.js';
import type { RunOptions, RunResult, StreamHandle, StreamOptions } from './types.js';

/** How a channel ended: with an exit status, or without one (closed, or the connection dropped). */
interface ChannelEnd {
  exitCode: number | null;
  signal: string | null;
  /** False when the channel closed with no exit status. */
  exited: boolean;
}

/** An open channel and the promise of its end. */
interface OpenChannel {
  channel: ClientChannel;
  ended: Promise<ChannelEnd>;
}

// Listeners go on inside ssh2's callback, synchronously: a quick command's data, exit status and
// close can arrive in the same socket read as the channel confirmation, before any await resumes.
// A command with values goes through remoteLaunch: the values travel on the channel's input.
function openChannel(
  client: Client,
  command: string,
  env: CommandEnv | undefined,
  onData: (chunk: Buffer, stream: 'stdout' | 'stderr') => void,
): Promise<OpenChannel> {
  const launch = hasValues(env) ? remoteLaunch(command, env) : { exec: command, input: undefined };
  return new Promise((resolve, reject) => {
    try {
      client.exec(launch.exec, (error, channel) => {
        if (error) return reject(error);
        const ended = watchChannel(channel, onData);
        if (launch.input !== undefined) channel.end(launch.input);
        resolve({ channel, ended });
      });
    } catch (error) {
      reject(error as Error);
    }
  });
}

function watchChannel(channel: ClientChannel, onData: (chunk: Buffer, stream: 'stdout' | 'stderr') => void): Promise<ChannelEnd> {
  channel.on('data', (chunk: Buffer) => onData(chunk, 'stdout'));
  channel.stderr.on('data', (chunk: Buffer) => onData(chunk, 'stderr'));
  return new Promise((resolve) => {
    const end: ChannelEnd = { exitCode: null, signal: null, exited: false };
    channel.on('exit', (code: number | null, signal?: string) => {
      end.exited = true;
      end.exitCode = code ?? null;
      // ssh2 reports `SIGTERM`; the wire form is `TERM`. Normalise to the local form.
      end.signal = signal ? (signal.startsWith('SIG') ? signal : `SIG${signal}`) : null;
    });
    channel.on('close', () => resolve(end));
  });
}

function stopChannel(channel: ClientChannel): void {
  try {
    channel.signal('TERM');
  } catch {
    // The channel is already closing.
  }
  channel.close();
}

/** Runs a command to completion on `host`. */
export async function runSsh(host: SshHost, command: string, options: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const output = new RunOutput(options);
  const result = (fields: Partial<RunResult>) => output.result(fields);
  if (options.signal?.aborted) return result({ cancelled: true, error: 'cancelled' });

  // The timeout covers connecting and waiting for a channel slot too.
  let stoppedBy: 'timeout' | 'cancel' | undefined;
  let channel: ClientChannel | undefined;
  let wake: () => void = () => undefined;
  const interrupted = new Promise<void>((resolve) => (wake = resolve));
  const stop = (why: 'timeout' | 'cancel') => {
    stoppedBy ??= why;
    if (channel) stopChannel(channel);
    wake();
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancel');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const stopped = () =>
    stoppedBy === 'timeout'
      ? { timedOut: true, error: `timed out after ${formatSetting(timeoutMs)}` }
      : { cancelled: true, error: 'cancelled' };

  let release: (() => void) | undefined;
  try {
    const client = await Promise.race([host.connect(), interrupted.then(() => undefined)]);
    if (!client) return result(stopped());
    const slot = host.acquireChannel();
    release = await Promise.race([slot, interrupted.then(() => undefined)]);
    if (!release) {
      // Stopped while queued: hand the slot straight back when it comes.
      void slot.then((give) => give());
      return result(stopped());
    }
    const opened = await openChannel(client, command, options.env, (chunk, stream) => {
      output.push(chunk, stream);
    });
    channel = opened.channel;
    if (stoppedBy) stopChannel(channel);
    const end = await opened.ended;
    output.flush();
    if (stoppedBy) return result({ exitCode: end.exitCode, signal: end.signal, ...stopped() });
    if (!end.exited) return result({ error: `${host.label}: connection lost while running` });
    return result({ exitCode: end.exitCode, signal: end.signal });
  } catch (error) {
    if (stoppedBy) return result(stopped());
    return result({ error: (error as Error).message });
  } finally {
    release?.();
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Streams a long-running command on `host`. When the connection drops the stream waits for the
 * host to come back and starts the command again; a command that ends by itself reports onExit.
 */
export function streamSsh(host: SshHost, command: string, options: StreamOptions): StreamHandle {
  let stopped = false;
  let channel: ClientChannel | undefined;
  let wake: () => void = () => undefined;
  const releaseHold = host.hold();
  const offNotice = options.onNotice ? host.onNotice(options.onNotice) : () => undefined;
  const offConnected = host.onConnected(() => wake());
  const waitForHost = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      // It may have come back between our failed connect() and now.
      if (host.hostState.state === 'connected') resolve();
    });

  const loop = async (): Promise<void> => {
    while (!stopped) {
      let client: Client;
      try {
        client = await host.connect();
      } catch {
        // The host's reconnect loop (held above) retries with backoff; wait for it.
        await waitForHost();
        continue;
      }
      const release = await host.acquireChannel();
      let end: ChannelEnd;
      const splitters = {
        stdout: commandLineSplitter((line) => options.onLine(line, 'stdout')),
        stderr: commandLineSplitter((line) => options.onLine(line, 'stderr')),
      };
      try {
        if (stopped) return;
        const opened = await openChannel(client, command, options.env, (chunk, stream) => splitters[stream].push(chunk));
        channel = opened.channel;
        if (stopped) stopChannel(channel);
        end = await opened.ended;
      } catch (error) {
        if (stopped) return;
        if (host.isLive(client)) {
          options.onExit?.({ exitCode: null, signal: null, error: `${host.label}: ${(error as Error).message}` });
          return;
        }
        options.onInterrupted?.();
        continue;
      } finally {
        release();
        channel = undefined;
      }
      splitters.stdout.flush();
      splitters.stderr.flush();
      if (stopped) return;
      if (end.exited) {
        options.onExit?.({ exitCode: end.exitCode, signal: end.signal });
        return;
      }
      // No exit status: either the connection dropped (resume) or the server closed the channel.
      // The channel's close can arrive just before the connection's own, so give it a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (host.isLive(client)) {
        options.onExit?.({ exitCode: null, signal: null, error: `${host.label}: the server closed the channel` });
        return;
      }
      if (!stopped) options.onInterrupted?.();
    }
  };
  const finished = loop().finally(() => {
    releaseHold();
    offNotice();
    offConnected();
  });

  return {
    stop: async () => {
      stopped = true;
      wake();
      if (channel) stopChannel(channel);
      // A dead server may never confirm the close; the connection's own drop ends it later.
      await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    },
  };
}
