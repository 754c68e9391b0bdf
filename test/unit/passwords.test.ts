import { createPasswords } from '../../src/services/passwords';

const at = (costLog2: number) => createPasswords({ costLog2, maxRunning: 2, maxWaiting: 6 });

describe('password hashes', () => {
  test('When a hash was made at another cost, then verification uses the cost stored with it', async () => {
    const stored = await at(10).hash('a-long-password-here');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    await expect(at(11).verify('a-long-password-here', stored)).resolves.toBe(true);
    await expect(at(11).verify('another-password', stored)).resolves.toBe(false);
  });

  test('When an e-mail is unknown, then the dummy hash it is checked against has the configured cost and matches nothing', async () => {
    const passwords = at(11);
    expect(passwords.dummyHash()).toMatch(/^scrypt\$2048\$8\$1\$/);
    await expect(passwords.verify('', passwords.dummyHash())).resolves.toBe(false);
  });
});
