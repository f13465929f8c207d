import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL: the app connects through it, and a test cuts it to
 * make the database unreachable for that app alone (the shared server keeps running for everyone
 * else), then restores it on the same port.
 */
export interface TcpProxy {
  /** `url` with its host and port replaced by the proxy's. */
  url: string;
  /** Refuses new connections and breaks the open ones, as a database that went away. */
  cut(): Promise<void>;
  /** Breaks the open connections and accepts new ones that never reach the database (a network partition). */
  stall(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const newServer = (): Server =>
    createServer((client) => {
      track(client);
      if (stalled) return; // accepted, never answered
      const upstream = createConnection({ host: targetHost, port: targetPort });
      track(upstream);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
  const listen = (server: Server, port: number): Promise<number> =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
    });
  let stalled = false;
  let server: Server | null = newServer();
  const port = await listen(server, 0);
  const closeServer = (): Promise<void> => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    return current ? new Promise((resolve) => current.close(() => resolve())) : Promise.resolve();
  };
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut: closeServer,
    stall: () => {
      stalled = true;
      for (const socket of sockets) socket.destroy();
      return Promise.resolve();
    },
    restore: async () => {
      stalled = false;
      for (const socket of sockets) socket.destroy(); // stalled ones
      if (server) return;
      server = newServer();
      await listen(server, port);
    },
    close: closeServer,
  };
}
