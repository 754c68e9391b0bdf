import type { Page } from 'playwright-core';
import { PAGE_CHECKS } from './backend';

type Rgba = [number, number, number, number];

/** Parses the rgb()/rgba() strings getComputedStyle returns. */
export function parseColour(css: string): Rgba | null {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

/** WCAG relative luminance of an sRGB colour (0–255 channels). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export type FocusRing = { element: string; background: string; outline: string; outlineWidth: number; halo: string[] };

/** The focused element's indicator: outline colour and width, box-shadow colours (a halo), and the opaque background behind it. */
export async function focusRing(page: Page): Promise<FocusRing | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    let background = 'rgb(255, 255, 255)';
    for (let p = el.parentElement; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(bg)) {
        background = bg;
        break;
      }
    }
    return {
      element: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${(el.textContent ?? '').trim().slice(0, 30)}`,
      background,
      outline: style.outlineStyle === 'none' ? 'rgba(0, 0, 0, 0)' : style.outlineColor,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      halo: style.boxShadow === 'none' ? [] : (style.boxShadow.match(/rgba?\([^)]*\)/g) ?? []),
    };
  });
}

/** The best contrast any ring of the indicator (an outline of 2 px or more, or a halo) has with the background it sits on. */
export function focusContrast(ring: FocusRing): number {
  const bg = parseColour(ring.background)!;
  const colours = [...(ring.outlineWidth >= 2 ? [ring.outline] : []), ...ring.halo].map(parseColour).filter((c) => c && c[3] > 0.9);
  return Math.max(1, ...colours.map((c) => contrastRatio(c!, bg)));
}

/** Tabs through the first `count` focus stops and fails on any whose indicator has less than 3:1 contrast with its background. */
export async function expectVisibleFocus(page: Page, label: string, count = 12): Promise<void> {
  if (!PAGE_CHECKS) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const weak: string[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    if (!ring) continue;
    const ratio = focusContrast(ring);
    if (ratio < 3) weak.push(`${ring.element}: ${ratio.toFixed(2)}:1 (outline ${ring.outline} on ${ring.background})`);
  }
  expect({ page: label, weak }).toEqual({ page: label, weak: [] });
}
