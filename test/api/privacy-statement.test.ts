import { makeApp } from '../helpers/app';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const CONFIGURED = {
  ORGANISATION_NAME: 'Gemeente Voorbeeldstad',
  PRIVACY_CONTACT: 'privacy@voorbeeldstad.nl',
  RETENTION_UNFINISHED_DAYS: '21',
  RETENTION_SESSION_DAYS: '90',
  RETENTION_SURVEY_DAYS: '120',
  SESSION_HOURS: '6',
  LOGIN_SESSION_MAX_HOURS: '10',
};

describe('the privacy statement', () => {
  test('When the organisation and contact are configured, then the Dutch page names them, the legal basis, each retention period and the Autoriteit Persoonsgegevens', async () => {
    const t = await makeApp(CONFIGURED);
    const html = (await t.http().get('/privacy?lang=nl').expect(200)).text;
    const page = text(html);
    expect(page).toContain('Wie is verantwoordelijk');
    expect(page).toContain('Gemeente Voorbeeldstad gebruikt Drijfveer en is verantwoordelijk voor je gegevens.');
    expect(html).toContain('<a href="mailto:privacy@voorbeeldstad.nl">privacy@voorbeeldstad.nl</a>');
    expect(html).not.toContain('data-privacy-unconfigured');
    expect(page).toContain('toestemming');
    expect(page).toContain('artikel 6, lid 1, onder a van de AVG');
    expect(page).toMatch(/accounts van trainers en consultants[^.]*afspraak met de organisatie[^.]*gerechtvaardigd belang/);
    expect(page).toContain('Een vragenlijst die niet is afgemaakt: we verwijderen hem 21 dagen na het begin.');
    expect(page).toContain('we verwijderen hem 90 dagen na het aanmaken');
    expect(page).toContain('we verwijderen haar 120 dagen nadat de adviseur haar sloot');
    expect(page).toContain('die stopt na 6 uur zonder gebruik, en uiterlijk 10 uur na het inloggen');
    expect(page).toContain('Tellingen tegen misbruik: we wissen ze binnen een uur');
    expect(page).toContain('Autoriteit Persoonsgegevens');
    // The anonymised export for research (cli export-responses) is named, with what it holds and what not.
    expect(page).toContain('zonder naam doorgeven aan een onderzoeker');
    expect(page).toContain('geen naam, geen link, geen sessie en geen datum');
    expect(html).toContain('<a href="https://autoriteitpersoonsgegevens.nl/">autoriteitpersoonsgegevens.nl</a>');
    expect(page).not.toMatch(/\{\w+\}/);
  });

  test('When the organisation and contact are configured, then the English page says the same', async () => {
    const t = await makeApp({ ...CONFIGURED, PRIVACY_CONTACT: 'https://voorbeeldstad.nl/privacy' });
    const html = (await t.http().get('/privacy?lang=en').expect(200)).text;
    const page = text(html);
    expect(page).toContain('Gemeente Voorbeeldstad uses Drijfveer and is responsible for your data.');
    expect(html).toContain('<a href="https://voorbeeldstad.nl/privacy">https://voorbeeldstad.nl/privacy</a>');
    expect(page).toContain('Article 6(1)(a) GDPR');
    expect(page).toMatch(/accounts of trainers and consultants[^.]*agreement with the organisation[^.]*legitimate interest/);
    expect(page).toContain('we delete it 21 days after it was started');
    expect(page).toContain('we delete it 90 days after it was created');
    expect(page).toContain('we delete it 120 days after the consultant closed it');
    expect(page).toContain('it ends after 6 hours without use, and at the latest 10 hours after logging in');
    expect(page).toContain('Counts against abuse: we delete them within an hour');
    expect(page).toContain('Autoriteit Persoonsgegevens');
    expect(page).not.toMatch(/\{\w+\}/);
  });

  test('When nothing is configured, then the organisation that runs Drijfveer is responsible and a note asks the administrator to fill it in', async () => {
    const t = await makeApp();
    const page = text((await t.http().get('/privacy?lang=nl').expect(200)).text);
    expect(page).toContain('De organisatie die Drijfveer gebruikt en aanbiedt, is verantwoordelijk voor je gegevens.');
    expect(page).toContain(
      'Voor de beheerder: vul de naam van de organisatie en een contactadres voor privacy in (ORGANISATION_NAME en PRIVACY_CONTACT).',
    );
    expect(page).toContain('30 dagen na het begin');
    expect(page).toContain('365 dagen na het aanmaken');
    expect(page).toContain('na 8 uur zonder gebruik, en uiterlijk 12 uur na het inloggen');
  });

  test('When the contact is plain text, then it is shown as text, escaped', async () => {
    const t = await makeApp({ ORGANISATION_NAME: 'Bureau <Vos> & Co', PRIVACY_CONTACT: 'Bel 030 123 45 67' });
    const html = (await t.http().get('/privacy?lang=nl').expect(200)).text;
    expect(html).toContain('Bureau &lt;Vos&gt; &amp; Co gebruikt Drijfveer');
    expect(text(html)).toContain('Neem contact op: Bel 030 123 45 67 ');
    expect(html).not.toContain('href="Bel');
  });
});
