/**
 * Launches the resolved Chromium headless with the flags a shared CI machine needs (playwright-core), and
 * the storage a signed-in console starts from (browser tests and the console benchmark).
 */
import { chromium, type Browser } from 'playwright-core';
import { WEB_SESSION_STORAGE_KEY, type WebSession } from '../../contracts/src/auth';
import { resolveBrowser, type ResolvedBrowser } from './browser-resolver';

/** No sandbox (root in containers), no GPU, and nothing that phones home or updates itself during a run. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let resolving: Promise<ResolvedBrowser> | undefined;

/** Resolved once per process: an apt-get install or a download happens at most once. */
export function resolvedBrowser(): Promise<ResolvedBrowser> {
  resolving ??= resolveBrowser();
  return resolving;
}

export async function launchChromium(): Promise<Browser> {
  const { path } = await resolvedBrowser();
  return chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_FLAGS });
}

/** A browser context's starting storage: the console's session for `origin`, as after signing in. */
export function signedInStorageState(origin: string, session: WebSession) {
  return {
    cookies: [],
    origins: [
      {
        origin: new URL(origin).origin,
        localStorage: [{ name: WEB_SESSION_STORAGE_KEY, value: JSON.stringify(session) }],
      },
    ],
  };
}
