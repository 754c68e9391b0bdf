import { createHash } from 'node:crypto';
import type { Model } from '../domain/model';

/**
 * The drive colours as CSS, made from the model (its `hex` per drive is the one source): a custom property per
 * drive and the `drive--<id>` classes that set `--drive` for swatches, borders and highlights. Served as a file
 * from our own origin, since the CSP allows no inline styles.
 */
export function driveStylesheet(model: Model): { css: string; version: string } {
  const lines = [
    '/* Made from the drive model (data/model): edit the colours there. */',
    `:root { ${model.drives.map((d) => `--drive-${d.id}: ${d.hex};`).join(' ')} }`,
    ...model.drives.map((d) => `.drive--${d.id} { --drive: var(--drive-${d.id}); }`),
  ];
  const css = `${lines.join('\n')}\n`;
  return { css, version: createHash('sha256').update(css).digest('base64url').slice(0, 10) };
}
