/** Launches the resolved Chromium headless with the flags a shared CI machine needs (playwright-core). */
import { chromium, type Browser } from 'playwright-core';
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
