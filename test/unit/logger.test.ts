import { redactUrl } from '../../src/logger';

const TOKEN = 'Abc123_-Xyz789_-Qrs456_-';

describe('redactUrl', () => {
  test.each([
    ['/a/TOKEN/3', '/a/[token]/3'],
    ['/p/TOKEN', '/p/[token]'],
    ['/p/TOKEN/delete', '/p/[token]/delete'],
    ['/api/assessments/TOKEN/answers', '/api/assessments/[token]/answers'],
    ['/P/TOKEN', '/P/[token]'],
    ['/A/TOKEN/1', '/A/[token]/1'],
    ['/API/Assessments/TOKEN', '/API/Assessments/[token]'],
    ['/%70/TOKEN', '/p/[token]'],
    ['/%2570/TOKEN', '/p/[token]'],
    ['/p%2FTOKEN', '/p/[token]'],
    ['/p/%41bc123_-Xyz789_-Qrs456_-', '/p/[token]'],
    ['/a/short', '/a/[token]'],
    ['/p\\TOKEN', '/p/[token]'],
    ['/p;x=1/TOKEN', '/p;x=1/[token]'],
    ['http://example.nl/p/TOKEN', 'http://example.nl/p/[token]'],
    ['/me/profiles?token=TOKEN', '/me/profiles?token=[token]'],
    ['/x?Token=abc', '/x?Token=[token]'],
    ['/me?link=https%3A%2F%2Fexample.nl%2Fp%2FTOKEN', '/me?link=https://example.nl/p/[token]'],
    ['/x?TOKEN', '/x?[token]'],
    ['/p/%E0%A4%A', '/p/[token]'],
  ])('When the URL is %s, then the log gets %s', (url, logged) => {
    const out = redactUrl(url.replace('TOKEN', TOKEN));
    expect(out).toBe(logged);
    expect(out).not.toContain(TOKEN);
  });

  test.each([
    ['/trainer/sessions/AbCdEfGhIjKlMnOp', '/trainer/sessions/AbCdEfGhIjKlMnOp'],
    ['/join/ABC234?lang=en', '/join/ABC234?lang=en'],
    ['/api/assessments', '/api/assessments'],
    ['/static/abcdef1234/app.css', '/static/abcdef1234/app.css'],
  ])('When the URL %s carries no token, then it is logged as it is', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});
