// Chromium for the benchmarks: Debian's /usr/bin/chromium through playwright-core (no browser is
// ever downloaded), and a page-load timer measured inside the page.
/* global window, document, MutationObserver */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

export const CHROMIUM_PATH = chromiumPath();

/** bench/run.mjs handles signals itself (to stop servers and remove temporary folders too). */
export const launchChromium = () =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [...CHROMIUM_ARGS],
  });

/**
 * Runs in the page before any of its scripts: records `performance.now()` (milliseconds since the
 * navigation started) in the first DOM mutation after which `selector` matches `minCount` elements.
 */
const installReadyProbe = ({ selector, minCount }) => {
  const isReady = () => document.querySelectorAll(selector).length >= minCount;
  const observer = new MutationObserver(() => {
    if (window.__benchReadyAt === undefined && isReady()) {
      window.__benchReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

/**
 * Opens `url` in a fresh browser context (empty cache and storage) and returns the milliseconds from
 * navigation start to the moment `selector` matches at least `minCount` elements, as the page's own
 * clock saw it (performance.now() in a MutationObserver callback, so just after the DOM commit and
 * before paint). Throws, with the page's errors, if that does not happen within `timeoutMs`.
 */
export const timePageReady = async (browser, url, { selector, minCount = 1, timeoutMs = 15000 }) => {
  const context = await browser.newContext();
  const pageErrors = [];
  try {
    await context.addInitScript(installReadyProbe, { selector, minCount });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    try {
      await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, {
        timeout: timeoutMs,
        polling: 25,
      });
    } catch (error) {
      const found = await page
        .evaluate((s) => document.querySelectorAll(s).length, selector)
        .catch(() => '?');
      throw new Error(
        `${url.replace(/#.*/, '')}: "${selector}" matched ${found} element(s), not ${minCount}, ` +
          `within ${timeoutMs} ms (${error.message.split('\n')[0]}).` +
          (pageErrors.length > 0 ? `\nPage errors:\n  ${pageErrors.join('\n  ')}` : ''),
        { cause: error },
      );
    }
    return await page.evaluate(() => window.__benchReadyAt);
  } finally {
    await context.close();
  }
};
