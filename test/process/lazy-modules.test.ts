import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths';
import { assertBuilt } from '../helpers/built';

/*
 * Libraries that only some requests need are loaded at their first use, not with the app: every server start and every
 * test file pays for what the app loads. The built app is loaded in a fresh Node process, as the server loads it.
 */
const LAZY = ['qrcode', 'nodemailer'];

function loadedAfter(script: string): string[] {
  assertBuilt();
  const out = execFileSync(process.execPath, ['-e', script], { cwd: ROOT_DIR, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  return JSON.parse(out.trim().split('\n').pop()!) as string[];
}

const report = `
  const loaded = ${JSON.stringify(LAZY)}.filter((name) =>
    Object.keys(require.cache).some((f) => f.includes(\`\${require('node:path').sep}node_modules\${require('node:path').sep}\${name}\${require('node:path').sep}\`)));
  console.log(JSON.stringify(loaded));`;

test('When the app is loaded, then qrcode and nodemailer are not', () => {
  const app = path.join(ROOT_DIR, 'dist', 'app.js');
  expect(loadedAfter(`require(${JSON.stringify(app)});${report}`)).toEqual([]);
});

test('When the first QR code is made, then qrcode is loaded and draws an SVG', () => {
  const qr = path.join(ROOT_DIR, 'dist', 'http', 'qr.js');
  const script = `require(${JSON.stringify(qr)}).qrSvg('https://example.nl/join/ABC123').then((svg) => {
    if (!svg.startsWith('<svg')) throw new Error('not an SVG');${report}
  });`;
  expect(loadedAfter(script)).toEqual(['qrcode']);
});
