import { makeApp } from '../helpers/app';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the accessibility statement', () => {
  test('When the organisation is configured, then the Dutch page follows the model statement: standard, status, checks, limits, contact, date', async () => {
    const t = await makeApp({ ORGANISATION_NAME: 'Gemeente Voorbeeldstad', PRIVACY_CONTACT: 'digitaal@voorbeeldstad.nl' });
    const html = (await t.http().get('/toegankelijkheid?lang=nl').expect(200)).text;
    const page = text(html);
    const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Verklaring',
      'Welke eisen',
      'Status',
      'Hoe we het controleren',
      'Wat nog niet goed werkt',
      'Iets melden',
      'Niet tevreden?',
      'Datum',
    ]);
    expect(page).toContain('Gemeente Voorbeeldstad gebruikt Drijfveer');
    expect(page).toContain('WCAG 2.1, niveau A en AA');
    expect(page).toContain('EN 301 549');
    expect(page).toContain('status C: eerste maatregelen genomen');
    expect(page).toContain('axe-core');
    expect(page).toContain('Nog niet gedaan: een test met schermlezers');
    expect(page).toMatch(/Grafieken:.*PDF:.*Tijd in oefeningen:/);
    expect(html).toContain('<a href="mailto:digitaal@voorbeeldstad.nl">digitaal@voorbeeldstad.nl</a>');
    expect(html).not.toContain('data-a11y-unconfigured');
    expect(html).toContain('href="https://www.nationaleombudsman.nl/"');
    expect(page).toContain('2 december 2026');
    expect(page).not.toMatch(/\{\w+\}/);
  });

  test('When English is chosen, then the same statement is in English; /accessibility leads to it', async () => {
    const t = await makeApp();
    const html = (await t.http().get('/toegankelijkheid?lang=en').expect(200)).text;
    expect(html).toContain('<html lang="en">');
    const page = text(html);
    expect(page).toContain('The organisation that uses Drijfveer wants this website to be accessible.');
    expect(page).toContain('status C: first measures taken');
    expect(html).toContain('data-a11y-unconfigured');
    expect((await t.http().get('/accessibility').expect(301)).headers.location).toBe('/toegankelijkheid?lang=en');
  });

  test('When any page is shown, then its footer links to the statement', async () => {
    const t = await makeApp();
    for (const path of ['/', '/privacy', '/login', '/toegankelijkheid']) {
      expect((await t.http().get(path).expect(200)).text).toContain('<a href="/toegankelijkheid">Toegankelijkheid</a>');
    }
  });
});
