import path from 'node:path';
import ejs from 'ejs';
import type { Lang } from '../domain/drives';
import { VIEWS_DIR } from '../paths';
import type { MailMessage } from '../services/mail';

/** What a mail says: a greeting, a few short paragraphs, one link (the reason for the mail) and a closing line. */
export type MailContent = { subject: string; greeting: string; paragraphs: string[]; link: { url: string; label: string }; footer: string };

const TEMPLATE = path.join(VIEWS_DIR, 'mail', 'message.ejs');

/** The plain-text part and the HTML part (EJS escapes every value) of one mail. */
export async function composeMail(to: string, lang: Lang, c: MailContent): Promise<MailMessage> {
  const text = [c.greeting, ...c.paragraphs, `${c.link.label}:\n${c.link.url}`, c.footer].join('\n\n') + '\n';
  const html = await ejs.renderFile(TEMPLATE, { c, lang }, { async: false });
  return { to, subject: c.subject, text, html };
}
