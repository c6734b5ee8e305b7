/**
 * Browser tests drive the resolved Chromium (libs/browser) against the e2e harness's API, which serves the
 * built web console. One browser per test file; a fresh context (cookies, storage) per signed-in page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, signedInStorageState } from '../../../libs/browser/src/launch';
import {
  WEB_SESSION_STORAGE_KEY,
  type DirectoryTokenResponse,
  type WebSession,
} from '../../../libs/contracts/src/auth';
import { e2eEnv } from '../../support/e2e-env';

export interface ChromiumHandle {
  browser(): Browser;
}

/** Launches Chromium before the file's tests and closes it (and every context) after them. */
export function useChromium(): ChromiumHandle {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser() {
      if (!browser) throw new Error('Chromium is not running: call useChromium() at the top of the file');
      return browser;
    },
  };
}

export interface PageOptions {
  /** BCP 47 locale the browser announces (navigator.language, Accept-Language); default en-CA. */
  locale?: string;
  /** Origin of the console; default the e2e harness's API. */
  baseUrl?: string;
  viewport?: { width: number; height: number };
}

function contextOptions(options: PageOptions) {
  return {
    baseURL: options.baseUrl ?? e2eEnv().apiUrl,
    locale: options.locale ?? 'en-CA',
    timezoneId: 'UTC',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  };
}

/** A page with nobody signed in (the sign-in page shows). */
export async function anonymousPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext(contextOptions(options));
  return context.newPage();
}

/** A token for a seeded user from the API's own directory sign-in (POST /api/v1/auth/directory/token). */
export async function directoryToken(
  userId: string,
  baseUrl = e2eEnv().apiUrl,
): Promise<DirectoryTokenResponse> {
  const res = await fetch(`${baseUrl}/api/v1/auth/directory/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (res.status !== 200)
    throw new Error(`directory sign-in as ${userId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as DirectoryTokenResponse;
}

/**
 * A page signed in as a seeded user: the context starts with the session the console keeps in
 * localStorage (libs/contracts/src/auth.ts), as if the user had picked themself on the sign-in page.
 * Open a path with `page.goto('/inbox')`. `session` overrides the token (e.g. an expired one).
 */
export async function signedInPage(
  browser: Browser,
  userId: string,
  options: PageOptions & { session?: WebSession } = {},
): Promise<Page> {
  const opts = contextOptions(options);
  const session: WebSession = options.session ?? {
    ...(await directoryToken(userId, opts.baseURL)),
    mode: 'directory',
  };
  const context: BrowserContext = await browser.newContext({
    ...opts,
    storageState: signedInStorageState(opts.baseURL, session),
  });
  return context.newPage();
}

/** The session the console keeps in this page's localStorage (null when signed out). */
export async function storedSession(page: Page): Promise<WebSession | null> {
  const raw = (await page.evaluate(`localStorage.getItem(${JSON.stringify(WEB_SESSION_STORAGE_KEY)})`)) as
    string | null;
  return raw ? (JSON.parse(raw) as WebSession) : null;
}
