import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import { AppError } from '../errors';

/** One composed e-mail: plain text and simple HTML with the same content (src/mail/compose.ts). */
export type MailMessage = { to: string; subject: string; text: string; html: string };

export const MAIL_NOT_CONFIGURED =
  'E-mail is not set up on this server, so no mail can be sent. The administrator can set SMTP_URL and MAIL_FROM (see docs/deploy.md).';

/**
 * Sends mail through the SMTP relay of SMTP_URL (nodemailer; smtp:// upgrades with STARTTLS when the server offers
 * it, smtps:// is TLS from the start), from MAIL_FROM. Without them `configured` is false and `send` refuses with
 * `mail_not_configured`, so the features that need mail can say so instead of failing.
 */
export function createMailer(mail: Config['mail'], onSendFailed: (err: unknown) => void = () => undefined) {
  // Made at the first mail (nodemailer loaded then, not with the app: most requests and test apps never send one); one
  // promise, so two first mails at once share one transport.
  let transport: Promise<Transporter> | null = null;
  return {
    configured: mail !== null,
    /** Throws mail_not_configured when there is no relay: call it before doing work that only makes sense with mail. */
    requireConfigured(): void {
      if (!mail) throw new AppError('mail_not_configured', MAIL_NOT_CONFIGURED);
    },
    async send(message: MailMessage): Promise<void> {
      if (!mail) throw new AppError('mail_not_configured', MAIL_NOT_CONFIGURED);
      const smtpUrl = mail.smtpUrl;
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      try {
        await (await transport).sendMail({ from: mail.from, ...message });
      } catch (err) {
        // The relay's answer is for the operator's log; the person gets a plain "try again later".
        onSendFailed(err);
        throw new AppError('unavailable', 'The mail could not be sent. Try again later.', undefined, { retryAfterSeconds: 60 });
      }
    },
    close(): void {
      void transport?.then((t) => t.close());
    },
  };
}
export type Mailer = ReturnType<typeof createMailer>;
