import type { Translate } from '../content/texts';
import type { MailContent } from './compose';

/** The mails' words, in the recipient's language (texts under "mail." in data/texts/<lang>/admin.json). */
export const inviteMail = (t: Translate, p: { name: string; url: string; hours: number }): MailContent => ({
  subject: t('mail.invite.subject'),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('mail.invite.body'), t('mail.invite.valid', { hours: p.hours })],
  link: { url: p.url, label: t('mail.invite.link') },
  footer: t('mail.invite.footer'),
});

export const resetMail = (t: Translate, p: { name: string; url: string; minutes: number }): MailContent => ({
  subject: t('mail.reset.subject'),
  greeting: t('mail.greeting', { name: p.name }),
  paragraphs: [t('mail.reset.body'), t('mail.reset.valid', { minutes: p.minutes })],
  link: { url: p.url, label: t('mail.reset.link') },
  footer: t('mail.reset.footer'),
});

export const privateLinkMail = (t: Translate, p: { url: string }): MailContent => ({
  subject: t('mail.privateLink.subject'),
  greeting: t('mail.privateLink.greeting'),
  paragraphs: [t('mail.privateLink.body'), t('mail.privateLink.keep')],
  link: { url: p.url, label: t('mail.privateLink.link') },
  footer: t('mail.privateLink.footer'),
});
