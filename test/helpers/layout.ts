import { BACKEND } from './backend';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoSeriousAxeViolations } from './axe';

/**
 * A browser context whose layout viewport stays at `width`: isMobile false, so a page wider than the screen scrolls sideways
 * instead of zooming out (in mobile emulation the layout viewport grows with the page and hides the overflow).
 */
export function fixedWidthContext(browser: Browser, width: number, height = 844): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height }, isMobile: false });
}

/** How far the page scrolls sideways, with the elements that stick out furthest past the right edge (for the failure message). */
export async function sidewaysScroll(page: Page): Promise<{ overflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Content inside its own scrolling (or clipped) box does not make the page scroll: leave it out of the list.
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const st = getComputedStyle(p);
        if (st.overflowX !== 'visible' || st.clipPath !== 'none') return true;
      }
      return false;
    };
    const out = Array.from(document.querySelectorAll('body *'))
      .map((el) => ({ el, right: el.getBoundingClientRect().right }))
      .filter((x) => x.right > width + 0.5 && !clipped(x.el))
      .sort((a, b) => b.right - a.right)
      .slice(0, 5)
      .map(
        (x) =>
          `${x.el.tagName.toLowerCase()}${x.el.id ? `#${x.el.id}` : ''}.${Array.from(x.el.classList).join('.')}:${Math.round(x.right)}`,
      );
    return { overflow: document.documentElement.scrollWidth - width, widest: out };
  });
}

/** Fails when the page is wider than the window: no sideways scrolling (WCAG 1.4.10 reflow). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { overflow, widest } = await sidewaysScroll(page);
  expect({ page: label, overflow: Math.max(0, overflow), widest: overflow > 0 ? widest : [] }).toEqual({
    page: label,
    overflow: 0,
    widest: [],
  });
}

export const PHONE = 390;
export const SMALL_PHONE = 320;
const SCREENS = [
  { width: SMALL_PHONE, height: 700 },
  { width: PHONE, height: 844 },
  { width: 1366, height: 900 },
  { width: 1920, height: 1080 },
];

/**
 * Opens `url` with the same cookies as `from` at 320×700, 390×844, 1366×900 and 1920×1080 (fixed layout viewport),
 * optionally acts to reach a state, checks there is no sideways scrolling and saves a screenshot per size in `shotsDir`.
 * At phone width axe-core runs as well: the small-screen layout is a page state of its own.
 */
export async function expectReflowAtAllSizes(
  browser: Browser,
  from: BrowserContext,
  url: string,
  label: string,
  shotsDir: string,
  act?: (page: Page) => Promise<void>,
): Promise<void> {
  const storageState = await from.storageState();
  // Layout does not depend on the database: the PostgreSQL run checks the phone size only (with axe), the SQLite run every size.
  const screens = BACKEND === 'postgres' ? SCREENS.filter((s) => s.width === PHONE) : SCREENS;
  for (const { width, height } of screens) {
    const context = await browser.newContext({ viewport: { width, height }, isMobile: false, storageState });
    const page = await context.newPage();
    await page.goto(url);
    await act?.(page);
    await page.screenshot({ path: `${shotsDir}/${label}-${width}.png`, fullPage: true });
    await expectNoSidewaysScroll(page, `${label} at ${width} px`);
    if (width === PHONE) await expectNoSeriousAxeViolations(page, `${label} at ${width} px`);
    await context.close();
  }
}
