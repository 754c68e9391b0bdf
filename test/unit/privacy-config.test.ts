import { ConfigError, loadConfig } from '../../src/config';
import { contactHref } from '../../src/routes/assessments/start-pages';

describe('privacy settings', () => {
  test('When ORGANISATION_NAME and PRIVACY_CONTACT are unset or empty, then both are null', () => {
    expect(loadConfig({}).privacy).toEqual({ organisation: null, contact: null });
    expect(loadConfig({ ORGANISATION_NAME: '  ', PRIVACY_CONTACT: '' }).privacy).toEqual({ organisation: null, contact: null });
  });

  test('When they are set, then they are trimmed', () => {
    expect(loadConfig({ ORGANISATION_NAME: ' Gemeente X ', PRIVACY_CONTACT: ' fg@x.nl ' }).privacy).toEqual({
      organisation: 'Gemeente X',
      contact: 'fg@x.nl',
    });
  });

  test.each([
    ['ORGANISATION_NAME', 'a\nb'],
    ['ORGANISATION_NAME', 'x'.repeat(121)],
    ['PRIVACY_CONTACT', 'x'.repeat(201)],
  ])('When %s is not one short line, then start-up stops naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(key);
  });

  test.each([
    ['fg@gemeente.nl', 'mailto:fg@gemeente.nl'],
    ['https://gemeente.nl/privacy', 'https://gemeente.nl/privacy'],
    ['Bel 030 123 45 67', null],
    ['javascript:alert(1)', null],
  ])('When the contact is %s, then its link is %s', (contact, href) => {
    expect(contactHref(contact)).toBe(href);
  });
});
