/**
 * Directory sign-in through the console's own page, and the end of a session: a token that expires while
 * the console is open, or one the API no longer accepts (as after revocation or a new secret), returns
 * the person to the sign-in page with a message, never a blank page.
 */
import { en } from '../../apps/web/src/i18n/messages/en';
import { signToken } from '../../apps/api/src/auth/sign-token';
import { getUser, principalOf } from '../../libs/directory/src/directory';
import { tokenFor } from '../support/auth';
import { expectNoSeriousAxeViolations } from './support/axe';
import { anonymousPage, signedInPage, storedSession, useChromium } from './support/browser';
import { saveScreenshot } from './support/screenshots';

describe('console sessions', () => {
  const chromium = useChromium();

  it('signs in by picking a seeded person on the sign-in page', async () => {
    const page = await anonymousPage(chromium.browser());
    await page.goto('/');
    await page.getByRole('heading', { name: en['signin.title'] }).waitFor();
    await page.getByRole('heading', { name: en['signin.directory'] }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'sign-in');
    await page.getByRole('button', { name: en['signin.as'].replace('{name}', 'Sato Haruka') }).click();
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    expect(await storedSession(page)).toMatchObject({ mode: 'directory', token: expect.any(String) });
    await page.getByRole('button', { name: en['nav.signOut'] }).click();
    await page.getByText(en['signin.signedOut']).waitFor();
    await page.context().close();
  });

  it('returns to sign-in with a message when the token expires while the console is open', async () => {
    // Long enough for the signed-in layout to show on a busy machine; the console then ends the session
    // on its own at expiresAt (or at the API's first 401 after it).
    const lifetime = 20;
    const page = await signedInPage(chromium.browser(), 'jp-officer', {
      session: {
        token: tokenFor('jp-officer', { expiresInSeconds: lifetime }),
        expiresAt: new Date(Date.now() + lifetime * 1000).toISOString(),
        mode: 'directory',
      },
    });
    await page.goto('/');
    await page.getByRole('button', { name: en['nav.signOut'] }).waitFor();
    await page.getByRole('alert').filter({ hasText: en['signin.expired'] }).waitFor({ timeout: 60_000 });
    await page.getByRole('heading', { name: en['signin.title'] }).waitFor();
    await page.context().close();
  });

  it('opens on the sign-in page with a message when the kept session has already expired', async () => {
    const page = await signedInPage(chromium.browser(), 'jp-officer', {
      session: {
        token: tokenFor('jp-officer', { expiresInSeconds: -60 }),
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
        mode: 'directory',
      },
    });
    await page.goto('/processes/some-process');
    await page.getByRole('alert').filter({ hasText: en['signin.expired'] }).waitFor();
    await page.getByRole('heading', { name: en['signin.title'] }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  it('returns to sign-in with a message when the API refuses the token', async () => {
    // Signed with another secret: the API answers 401 to everything, as after a revocation.
    const refused = signToken(principalOf(getUser('jp-officer')!), 'a secret the API never had');
    const page = await signedInPage(chromium.browser(), 'jp-officer', {
      session: {
        token: refused,
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        mode: 'directory',
      },
    });
    await page.goto('/delegations');
    await page.getByRole('alert').filter({ hasText: en['signin.expired'] }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: en['signin.title'] }).waitFor();
    expect(await storedSession(page)).toBeNull();
    await page.context().close();
  });
});
