import type { NetworkInterfaceInfo } from 'node:os';

/** What os.networkInterfaces() returns: interface name → its addresses. */
export type Interfaces = Record<string, NetworkInterfaceInfo[] | undefined>;

/**
 * Where the join link points:
 * - public: PUBLIC_URL is set;
 * - request: the address the trainer used, which others can reach too;
 * - network: the trainer uses a loopback address (localhost), so the link uses this machine's network address instead;
 * - loopback: the trainer uses a loopback address and the machine has no network address: phones cannot open the link.
 */
export type JoinBase = { base: string; kind: 'public' | 'request' | 'network' | 'loopback'; others: string[] };

/** A Host header's name and port: "localhost:3000", "[::1]:3000", "example.nl". */
export function splitHost(host: string): { name: string; port: string } {
  const v6 = /^\[([^\]]*)\](?::(\d+))?$/.exec(host);
  if (v6) return { name: v6[1]!.toLowerCase(), port: v6[2] ?? '' };
  const m = /^([^:]*)(?::(\d+))?$/.exec(host);
  if (m) return { name: m[1]!.toLowerCase(), port: m[2] ?? '' };
  return { name: host.toLowerCase(), port: '' };
}

/** Whether a Host header names this machine only (localhost, 127.x.x.x, ::1, or the "any address" 0.0.0.0). */
export function isLoopbackHost(host: string): boolean {
  const { name } = splitHost(host.trim());
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) ||
    name === '::1' ||
    name === '0:0:0:0:0:0:0:1' ||
    name === '0.0.0.0' ||
    name === '::'
  );
}

/** This machine's addresses that others on the network may reach: IPv4 first, then IPv6 (no link-local ones, they need a zone). */
export function networkAddresses(interfaces: Interfaces): string[] {
  const all = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal);
  const v4 = all.filter((a) => a.family === 'IPv4').map((a) => a.address);
  const v6 = all.filter((a) => a.family === 'IPv6' && !/^fe[89ab]/i.test(a.address)).map((a) => `[${a.address}]`);
  return [...new Set([...v4, ...v6])];
}

/**
 * The base of join links and QR codes. `interfaces` is only called when the trainer uses a loopback address
 * and PUBLIC_URL is unset.
 */
export function joinBase(input: { publicUrl: string | null; protocol: string; host: string; interfaces: () => Interfaces }): JoinBase {
  if (input.publicUrl) return { base: input.publicUrl, kind: 'public', others: [] };
  const own = `${input.protocol}://${input.host}`;
  if (!isLoopbackHost(input.host)) return { base: own, kind: 'request', others: [] };
  const { port } = splitHost(input.host);
  const bases = networkAddresses(input.interfaces()).map((a) => `${input.protocol}://${a}${port ? `:${port}` : ''}`);
  if (bases.length === 0) return { base: own, kind: 'loopback', others: [] };
  return { base: bases[0]!, kind: 'network', others: bases.slice(1) };
}
