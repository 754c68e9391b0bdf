import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../../src/logger';
import { requestLog } from '../../src/http/request-log';

type Line = { level: number; msg: string; req: { method: string; url: string }; res: { statusCode: number }; responseTime: number };

/** An app with only the request log in front of a few routes, and the lines it wrote. */
function logged() {
  const lines: Line[] = [];
  let waiting: (() => void) | undefined;
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Line);
      waiting?.();
      done();
    },
  });
  const app = express();
  app.use(requestLog(createLogger('info', sink)));
  app.get('/a/:token/1', (_req, res) => res.send('page'));
  app.get('/broken', () => {
    throw new Error('boom');
  });
  let arrived: () => void = () => undefined;
  const hasArrived = new Promise<void>((resolve) => (arrived = resolve));
  app.get('/never', () => arrived());
  const next = () => new Promise<void>((resolve) => (waiting = resolve));
  return { app, lines, next, hasArrived };
}

test('When a page is asked for, then one "request completed" line has method, the URL without its token, status and time', async () => {
  const { app, lines } = logged();
  const token = 'Abcdefghijklmnopqrstuvwx';
  await request(app).get(`/a/${token}/1?x=1`).set('Cookie', 'dv.sid=secret').expect(200);
  expect(lines).toEqual([
    {
      level: 30,
      time: expect.any(Number),
      pid: expect.any(Number),
      hostname: expect.any(String),
      msg: 'request completed',
      req: { method: 'GET', url: '/a/[token]/1?x=1' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    },
  ]);
  expect(JSON.stringify(lines)).not.toContain('secret');
});

test('When a handler fails, then the line is "request errored" at level error with status 500', async () => {
  const { app, lines } = logged();
  await request(app).get('/broken').expect(500);
  expect(lines.map((l) => [l.level, l.msg, l.res.statusCode])).toEqual([[50, 'request errored', 500]]);
});

test('When the client goes away before the answer, then the line says "request aborted"', async () => {
  const { app, lines, next, hasArrived } = logged();
  const server = app.listen(0);
  try {
    const logWritten = next();
    const { port } = server.address() as AddressInfo;
    const req = http.get({ port, path: '/never' });
    req.on('error', () => undefined);
    // The handler never answers: once it has the request, the client hangs up.
    await hasArrived;
    req.destroy();
    await logWritten;
    expect(lines.map((l) => [l.msg, l.req.url])).toEqual([['request aborted', '/never']]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('When a request line is written, then it is byte for byte the line pino itself writes for the same fields, quotes and newlines escaped', async () => {
  const raw: string[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      raw.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger('info', sink);
  const app = express();
  app.use(requestLog(logger));
  app.get('/p/:token', (_req, res) => res.status(404).send('gone'));
  // A decoded newline must not start a forged line of its own.
  await request(app).get('/p/Abcdefghijklmnopqrstuvwx?lang=en&q=%22quoted%22%0A%7B%22level%22:60%7D').expect(404);
  const ours = JSON.parse(raw[0]!) as { time: number; responseTime: number };
  // pino's own line for the same fields at the same time: key order, bindings and escaping must be the same.
  const now = Date.now;
  Date.now = () => ours.time;
  try {
    logger.info(
      {
        req: { method: 'GET', url: '/p/[token]?lang=en&q="quoted"\n{"level":60}' },
        res: { statusCode: 404 },
        responseTime: ours.responseTime,
      },
      'request completed',
    );
  } finally {
    Date.now = now;
  }
  expect(raw).toHaveLength(2);
  expect(raw[0]).toBe(raw[1]);
  expect(raw[0]!.trimEnd()).not.toContain('\n');
});
