import { PAGE_CHECKS } from './backend';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
 * Opens `url` with the same cookies as `from`, optionally acts to reach a state, then resizes that one page through 320×700,
 * 390×844, 1366×900 and 1920×1080 (fixed layout viewport): no sideways scrolling at any size, and axe-core at phone width,
 * since the small-screen layout is a page state of its own. Resizing one page instead of opening a page per size keeps the
 * sweep cheap; media queries and charts follow a resize as they would on a real screen. Screenshots: see `shot`.
 */
export async function expectReflowAtAllSizes(
  browser: Browser,
  from: BrowserContext,
  url: string,
  label: string,
  shotsDir: string,
  act?: (page: Page) => Promise<void>,
): Promise<void> {
  if (!PAGE_CHECKS) return;
  const page = await sweepPage(browser, from);
  try {
    await page.goto(url);
    await act?.(page);
    for (const { width, height } of SCREENS) {
      await page.setViewportSize({ width, height });
      await settled(page);
      if (width !== SMALL_PHONE) await shot(page, `${shotsDir}/${label}-${width}.png`, true);
      await expectNoSidewaysScroll(page, `${label} at ${width} px`);
      if (width === PHONE) await expectNoSeriousAxeViolations(page, `${label} at ${width} px`);
    }
  } finally {
    // Off the page, so it holds no live connection (a dashboard's stream) while the test goes on.
    await page.goto('about:blank').catch(() => undefined);
  }
}

/**
 * The page the sweeps of `from` run in: a context of its own (the test's page stays as it is, and a phone context's mobile
 * emulation would hide overflow), made once per `from` and closed with it, with `from`'s cookies copied before each sweep.
 * A new context per sweep cost about 0.2 s of CPU (a browser profile and a renderer process) for every page state checked.
 */
const sweepPages = new WeakMap<BrowserContext, Promise<Page>>();
async function sweepPage(browser: Browser, from: BrowserContext): Promise<Page> {
  let made = sweepPages.get(from);
  if (!made) {
    made = browser.newContext({ viewport: SCREENS[0]!, isMobile: false }).then((context) => {
      from.once('close', () => void context.close().catch(() => undefined));
      return context.newPage();
    });
    sweepPages.set(from, made);
  }
  const page = await made;
  await page.context().clearCookies();
  await page.context().addCookies(await from.cookies());
  await page.setViewportSize(SCREENS[0]!);
  return page;
}

/** Resolves after two animation frames: the resize has been laid out and ResizeObserver callbacks (charts) have run. */
function settled(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Whether this run saves screenshots in test-results/ for people to look at: with SCREENSHOTS=1 (`npm run test:browser` sets it),
 * in the SQLite run (the PostgreSQL run draws the same pages). Tests never read them, and full-page PNGs are about a tenth of a
 * browser test's time, so `npm test` and CI, where nobody looks at them, leave them out.
 */
export const TAKE_SCREENSHOTS = PAGE_CHECKS && process.env.SCREENSHOTS === '1';

/** Saves a screenshot of a page (optionally all of it) or of one element, when this run takes them (see TAKE_SCREENSHOTS). */
export async function shot(target: Page | Locator, file: string, fullPage = false): Promise<void> {
  if (!TAKE_SCREENSHOTS) return;
  if ('goto' in target) await target.screenshot({ path: file, fullPage });
  else await target.screenshot({ path: file });
}
