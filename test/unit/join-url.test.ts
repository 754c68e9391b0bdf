import type { NetworkInterfaceInfo } from 'node:os';
import { isLoopbackHost, joinBase, networkAddresses, type Interfaces } from '../../src/domain/join-url';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
});
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: null,
  scopeid: 0,
});
const LAPTOP: Interfaces = {
  lo: [v4('127.0.0.1', true), v6('::1', true)],
  wlan0: [v6('fe80::1'), v6('fd00::7'), v4('192.168.1.23')],
  eth0: [v4('10.0.0.5')],
};
const never = () => {
  throw new Error('interfaces read when not needed');
};

describe('the join address', () => {
  test.each([
    'localhost',
    'localhost:3000',
    'app.localhost:8080',
    '127.0.0.1:3000',
    '127.1.2.3',
    '[::1]:3000',
    '::1',
    '0.0.0.0:3000',
    'LOCALHOST',
  ])('When the host is %s, then it is a loopback name', (host) => expect(isLoopbackHost(host)).toBe(true));

  test.each(['drijfveer.example.nl', '192.168.1.23:3000', '[fd00::7]:3000', 'localhost.example.nl', '10.127.0.1'])(
    'When the host is %s, then it is not loopback',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );

  test('When the machine has addresses, then the non-internal IPv4 ones come first, IPv6 after, without link-local ones', () => {
    expect(networkAddresses(LAPTOP)).toEqual(['192.168.1.23', '10.0.0.5', '[fd00::7]']);
  });

  test('When PUBLIC_URL is set, then it is used and the interfaces are not read', () => {
    expect(joinBase({ publicUrl: 'https://dv.example.nl', protocol: 'http', host: 'localhost:3000', interfaces: never })).toEqual({
      base: 'https://dv.example.nl',
      kind: 'public',
      others: [],
    });
  });

  test('When the trainer uses a name others can reach, then it is used and the interfaces are not read', () => {
    expect(joinBase({ publicUrl: null, protocol: 'https', host: 'dv.example.nl', interfaces: never })).toEqual({
      base: 'https://dv.example.nl',
      kind: 'request',
      others: [],
    });
  });

  test("When the trainer uses localhost, then the machine's network address with the port is used, the others listed", () => {
    expect(joinBase({ publicUrl: null, protocol: 'http', host: 'localhost:3000', interfaces: () => LAPTOP })).toEqual({
      base: 'http://192.168.1.23:3000',
      kind: 'network',
      others: ['http://10.0.0.5:3000', 'http://[fd00::7]:3000'],
    });
    expect(joinBase({ publicUrl: null, protocol: 'http', host: '[::1]', interfaces: () => LAPTOP }).base).toBe('http://192.168.1.23');
  });

  test('When the machine has no network address, then the loopback address stays, marked as such', () => {
    expect(
      joinBase({ publicUrl: null, protocol: 'http', host: '127.0.0.1:3000', interfaces: () => ({ lo: [v4('127.0.0.1', true)] }) }),
    ).toEqual({
      base: 'http://127.0.0.1:3000',
      kind: 'loopback',
      others: [],
    });
  });
});
