import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { pageHelmetOptions, securityHeaders } from '../../src/http/security';

/** Helmet with the same options, run per request as helmet is meant to be run: what our precomputed headers must equal. */
function helmetPerRequest(isProduction: boolean) {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet(pageHelmetOptions(isProduction)));
  app.get('/page', (_req, res) => res.send('ok'));
  return app;
}

function ours(isProduction: boolean) {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(isProduction, '/api/'));
  app.get('/page', (_req, res) => res.send('ok'));
  return app;
}

const withoutDate = (h: Record<string, string>) => {
  const { date: _date, ...rest } = h;
  return rest;
};

test.each([true, false])('When a page is served (production %s), then its headers equal what helmet sets per request', async (prod) => {
  const expected = (await request(helmetPerRequest(prod)).get('/page')).headers as Record<string, string>;
  const actual = (await request(ours(prod)).get('/page')).headers as Record<string, string>;
  expect(withoutDate(actual)).toEqual(withoutDate(expected));
  expect(actual['content-security-policy']).toContain("script-src 'self'");
});
