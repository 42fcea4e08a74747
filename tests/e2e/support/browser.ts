/**
 * Debian's Chromium driven by playwright-core: one browser per run, one fresh context (own
 * cookies and localStorage, so no stored admin language) per newsroom user, numbered
 * screenshots of every step in test-artifacts/e2e/.
 */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS_DIR, BASE_URL, CHROMIUM_PATH, EXTRA_CHROMIUM_ARGS, HEADED } from './env';
import { adminLanguage, exactly, translator, type Translate } from './admin-i18n';

export interface Session {
  context: BrowserContext;
  page: Page;
  /** UI strings in the language the admin is showing (set by `login`). */
  t: Translate;
  language: string;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<LaunchedBrowser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: run the tests through scripts/e2e.sh (it installs Debian's chromium) or set E2E_CHROMIUM`);
  }
  // playwright-core adds --headless and a fresh temporary --user-data-dir (it refuses one in
  // `args`) and deletes that profile on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: !HEADED,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      ...EXTRA_CHROMIUM_ARGS,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

export async function newSession(browser: Browser): Promise<Session> {
  // A browser with no language preference of its own beyond Bulgarian, as in a Sofia newsroom.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'bg-BG', timezoneId: 'Europe/Sofia' });
  context.setDefaultTimeout(20000);
  context.setDefaultNavigationTimeout(30000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`[browser] page error: ${error.message}`));
  return { context, page, t: translator('en'), language: 'en' };
}

let shotNumber = 0;

/** Saves test-artifacts/e2e/NN-name.png of the whole page; returns the file. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  shotNumber += 1;
  const file = path.join(ARTIFACTS_DIR, `${String(shotNumber).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Empties the artifacts folder of earlier runs' screenshots (leaves other files, e.g. the server log). */
export function resetArtifacts(): void {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  for (const file of fs.readdirSync(ARTIFACTS_DIR)) {
    if (file.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS_DIR, file));
  }
  shotNumber = 0;
}

/**
 * Runs one step; when it throws, saves a FAILED screenshot of the session's page (if it is
 * still open) before rethrowing, so a red run always shows what the browser showed.
 */
export async function step(session: Session | undefined, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (session && !session.page.isClosed()) {
      const file = await screenshot(session.page, `FAILED-${name}`).catch(() => null);
      if (file) console.error(`[e2e] step "${name}" failed; screenshot: ${file}; page: ${session.page.url()}`);
    }
    throw error;
  }
}

export const adminUrl = (pathAndQuery: string): string => `${BASE_URL}/admin${pathAndQuery}`;

/** Opens /admin, reads the UI language, logs in through the form and waits for the dashboard. */
export async function login(session: Session, email: string, password: string): Promise<void> {
  const { page } = session;
  await page.goto(adminUrl(''));
  await page.locator('input[name="email"]').waitFor();
  session.language = await adminLanguage(page);
  session.t = translator(session.language);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: exactly(session.t('Auth.form.button.login')) }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'));
  // The main navigation is there once the admin has loaded the user's permissions.
  await page.getByRole('navigation').first().waitFor();
}
