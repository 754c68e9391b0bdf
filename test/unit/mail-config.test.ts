import type { Request } from 'express';
import { ConfigError, loadConfig } from '../../src/config';
import { createPasswords } from '../../src/services/passwords';
import { linkBase } from '../../src/http/link-base';

describe('e-mail configuration', () => {
  test('When SMTP_URL and MAIL_FROM are both set, then mail is configured; when neither, it is null', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://user%40x.nl:pw@smtp.example.nl:587', MAIL_FROM: 'Drijfveer <drijfveer@example.nl>' });
    expect(config.mail).toEqual({ smtpUrl: 'smtp://user%40x.nl:pw@smtp.example.nl:587', from: 'Drijfveer <drijfveer@example.nl>' });
    expect(loadConfig({}).mail).toBeNull();
    expect(loadConfig({ SMTP_URL: '', MAIL_FROM: '' }).mail).toBeNull();
  });

  test('When only one of them is set, or either is malformed, then start-up stops naming the variable', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay:25' })).toThrow(/MAIL_FROM: required when SMTP_URL is set/);
    expect(() => loadConfig({ MAIL_FROM: 'a@example.nl' })).toThrow(/SMTP_URL: required when MAIL_FROM is set/);
    expect(() => loadConfig({ SMTP_URL: 'http://relay:25', MAIL_FROM: 'a@example.nl' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'http://relay:25', MAIL_FROM: 'a@example.nl' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay:25', MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay:25', MAIL_FROM: 'a@example.nl\nBcc: x@evil.example' })).toThrow(/MAIL_FROM/);
  });
});

describe('a user without a password', () => {
  test('When a password is checked against the empty hash (invited or single sign-on user), then it never verifies, and it costs a hash like a wrong password', async () => {
    let derived = 0;
    const passwords = createPasswords({
      costLog2: 10,
      maxRunning: 1,
      maxWaiting: 5,
      derive: (p, salt) => {
        derived++;
        return Promise.resolve(Buffer.concat([Buffer.from(p), salt]).subarray(0, 32));
      },
    });
    for (const attempt of ['', 'anything', 'scrypt']) expect(await passwords.verify(attempt, '')).toBe(false);
    expect(derived).toBe(3);
  });
});

describe('links in mails', () => {
  const req = (host: string) => ({ protocol: 'https', get: () => host }) as unknown as Request;
  const secret = { SESSION_SECRET: 'a-test-secret-of-at-least-32-characters' };
  test('When running in production, then links start with PUBLIC_URL only, never the Host header; without it the mail features say what is missing', () => {
    const withUrl = loadConfig({ NODE_ENV: 'production', ...secret, PUBLIC_URL: 'https://drijfveer.example.nl/' });
    expect(linkBase(withUrl, req('evil.example'))).toBe('https://drijfveer.example.nl');
    const without = loadConfig({ NODE_ENV: 'production', ...secret });
    expect(() => linkBase(without, req('evil.example'))).toThrow(/PUBLIC_URL/);
    expect(linkBase(loadConfig({ NODE_ENV: 'test' }), req('localhost:3000'))).toBe('https://localhost:3000');
  });
});
