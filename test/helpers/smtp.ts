import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { to: string[]; raw: string; text: string; links: string[] };

/** Quoted-printable (what nodemailer uses for long lines) back to text: soft breaks joined, =XX decoded. */
const unQuote = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/**
 * A real SMTP server in the test process on 127.0.0.1 (a free port), without TLS or login: it keeps every mail
 * and lets a test wait for the next one, read it and pull the links out of it.
 */
export async function startSmtp() {
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        const text = unQuote(raw);
        const links = [...new Set([...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((m) => m[0]))];
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text, links });
        waiters.splice(0).forEach((w) => w());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Drijfveer <drijfveer@example.nl>' },
    mails,
    /**
     * The first mail to `address` from number `from` (0-based) on, once it has arrived. By recipient: mails sent after
     * the answer (reset links) can arrive after mails of a later test.
     */
    async mailTo(address: string, from = 0): Promise<ReceivedMail> {
      for (;;) {
        const found = mails.slice(from).find((m) => m.to.includes(address));
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The path (and query) of the first link in a mail that contains `part`, for supertest. */
export const linkPath = (mail: ReceivedMail, part: string): string => {
  const link = mail.links.find((l) => l.includes(part));
  if (!link) throw new Error(`no link with ${part} in the mail:\n${mail.text}`);
  const u = new URL(link);
  return u.pathname + u.search;
};
