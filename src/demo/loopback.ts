// Listening and closing on loopback. Every demo server binds 127.0.0.1 only, and closing must
// leave no port listening even while clients hold keep-alive connections open.
import type { Server as HttpServer } from 'node:http';
import type { Server as NetServer, Socket } from 'node:net';

/** The only address the demo ever binds. */
export const LOOPBACK = '127.0.0.1';

/** Listens on `port` (0 = an ephemeral one) and resolves with the port actually bound. */
export function listenOnLoopback(server: NetServer | HttpServer, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error('loopback server has no TCP address'));
        return;
      }
      resolve(address.port);
    });
  });
}

/** Stops listening and drops open connections, so nothing lingers on the port. */
export function closeServer(server: NetServer | HttpServer, sockets?: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
    for (const socket of sockets ?? []) socket.destroy();
  });
}

/** Tracks a server's sockets so `closeServer` can end them (plain net servers keep them open). */
export function trackSockets(server: NetServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}
