// The demo's TCP-only "database": it accepts connections and speaks a tiny line protocol, so a
// `tcp:` check (connect within the timeout) has something real to connect to.
import { createServer } from 'node:net';
import { closeServer, listenOnLoopback, trackSockets } from './loopback.js';

/** A running demo database. */
export interface DemoDatabase {
  port: number;
  stop(): Promise<void>;
}

/** Starts the database on an ephemeral loopback port. */
export async function startDemoDatabase(name: string): Promise<DemoDatabase> {
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.write(`${name} 15.4 ready for connections\r\n`);
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const command = buffered.slice(0, newline).trim().toUpperCase();
        buffered = buffered.slice(newline + 1);
        if (command === 'QUIT') {
          socket.end('BYE\r\n');
          return;
        }
        socket.write(command === 'PING' ? 'PONG\r\n' : `ERR unknown command ${JSON.stringify(command)}\r\n`);
      }
      // A client that never sends a newline must not grow memory without bound.
      if (buffered.length > 4096) socket.destroy();
    });
  });
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return { port, stop: () => closeServer(server, sockets) };
}
