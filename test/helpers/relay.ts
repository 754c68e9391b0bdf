import net from 'node:net';
import { TEST_DATABASE_URL, urlWithSchema } from './backend';

/**
 * A TCP relay to the test PostgreSQL server, for faults a real network has: `freeze` makes the open
 * connections silent without a reset (half-open), `cut` breaks them and refuses new ones.
 */
export async function pgRelay(schema: string): Promise<{ url: string; freeze: () => void; cut: () => Promise<void> }> {
  const target = new URL(TEST_DATABASE_URL);
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname || '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    for (const s of pair) {
      s.on('error', () => undefined);
      s.on('close', () => pairs.delete(pair));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = new URL(urlWithSchema(TEST_DATABASE_URL, schema));
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => {
      for (const [c, u] of pairs) {
        c.unpipe(u);
        u.unpipe(c);
        c.pause();
        u.pause();
      }
    },
    cut: async () => {
      const closed = new Promise((r) => server.close(r));
      for (const pair of pairs) for (const s of pair) s.destroy();
      await closed;
    },
  };
}
