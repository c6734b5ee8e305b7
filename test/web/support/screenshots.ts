/**
 * Screenshots of the main pages, saved by the browser tests into test/.tmp/screenshots (git-ignored).
 * `node -r ./test/api/support/swc-register.js test/web/support/screenshots.ts inbox process` copies the
 * named ones into docs/screenshots for the README.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test', '.tmp', 'screenshots');
export const DOCS_SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');

/** Saves `<name>.png` (letters, digits, dashes) and returns its path. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`screenshot name "${name}": use a-z, 0-9 and dashes`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}

export function publishScreenshots(names: string[]): string[] {
  fs.mkdirSync(DOCS_SCREENSHOT_DIR, { recursive: true });
  return names.map((name) => {
    const from = path.join(SCREENSHOT_DIR, `${name}.png`);
    if (!fs.existsSync(from)) throw new Error(`${from} is missing: run the browser tests first`);
    const to = path.join(DOCS_SCREENSHOT_DIR, `${name}.png`);
    fs.copyFileSync(from, to);
    return to;
  });
}

if (require.main === module) {
  const names = process.argv.slice(2);
  if (!names.length) {
    process.stderr.write(
      `usage: screenshots.ts <name>... (saved: ${fs.readdirSync(SCREENSHOT_DIR).join(', ')})\n`,
    );
    process.exit(2);
  }
  for (const file of publishScreenshots(names)) process.stdout.write(`${path.relative(ROOT, file)}\n`);
}
