/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), started with the flags
 * this closed network needs. Every console error and page error is collected so a test can insist
 * on none (a Content-Security-Policy violation shows up there).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });

/** One Chromium for the test file's tests, closed after them. */
export const useChromium = (): (() => Browser) => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet (use it inside a test).');
    return browser;
  };
};

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

export const openPage = async (
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<WatchedPage> => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
};

const SCREENS = join(process.cwd(), 'test-results', 'screens');
let counter = 0;

/** Saves a screenshot of the screen as the user sees it now, numbered in visiting order. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  await mkdir(SCREENS, { recursive: true });
  counter += 1;
  const path = join(SCREENS, `${String(counter).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path });
  return path;
};
