/**
 * OpenID Connect sign-in end to end: a real provider (`oidc-provider`, test/web/support/oidc-provider.mjs)
 * whose accounts are the seeded directory, and an isolated API in OIDC mode (no shared secret: it trusts
 * only the provider's JWKS) serving the console. Chromium goes from the console to the provider's sign-in
 * and consent pages and back (authorization code + PKCE), and the console then works with the provider's
 * access token: a CA officer starts a process, and the JP approver finds it in their inbox.
 */
import type { Browser, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/messages/en';
import type { WebSession } from '../../libs/contracts/src/auth';
import { freePort } from '../../libs/temporal/src/free-port';
import { startIsolatedApi, type IsolatedApi } from '../api/support/isolated-api';
import { expectNoSeriousAxeViolations } from './support/axe';
import { anonymousPage, storedSession, useChromium } from './support/browser';
import { startOidcProvider, type TestOidcProvider } from './support/oidc';
import { saveScreenshot } from './support/screenshots';

const CLIENT_ID = 'accord-console';
const AUDIENCE = 'urn:accord:api';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('signing in to the console with OpenID Connect', () => {
  const chromium = useChromium();
  let provider: TestOidcProvider;
  let world: IsolatedApi;

  beforeAll(async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    world = await startIsolatedApi('oidc', {
      apiEnv: {
        ACCORD_JWT_SECRET: '',
        ACCORD_JWKS_URL: `${issuer}/jwks`,
        ACCORD_JWT_ISSUER: issuer,
        ACCORD_JWT_AUDIENCE: AUDIENCE,
        ACCORD_OIDC_ISSUER: issuer,
        ACCORD_OIDC_CLIENT_ID: CLIENT_ID,
        ACCORD_OIDC_SCOPE: 'openid profile accord',
      },
    });
    provider = await startOidcProvider({
      port,
      clientId: CLIENT_ID,
      origin: world.apiUrl,
      audience: AUDIENCE,
    });
  }, 180_000);
  afterAll(async () => {
    await world?.stop();
    await provider?.stop();
  });

  /** From the console's sign-in page through the provider's pages back to the inbox. */
  async function signIn(browser: Browser, userId: string, screenshots = false): Promise<Page> {
    const page = await anonymousPage(browser, { baseUrl: world.apiUrl });
    await page.goto('/');
    await page.getByRole('heading', { name: en['signin.title'] }).waitFor();
    if (screenshots) await saveScreenshot(page, 'sign-in-oidc');
    await page.getByRole('button', { name: en['signin.oidc'] }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(userId);
    await page.locator('input[name="password"]').fill('any password: the test provider checks none');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => url.origin === world.apiUrl && url.pathname === '/');
    await page.getByRole('heading', { name: en['inbox.title'] }).waitFor();
    return page;
  }

  async function sessionOf(page: Page): Promise<WebSession> {
    const session = await storedSession(page);
    if (!session) throw new Error('the console kept no session');
    return session;
  }

  it('tells the console to use the provider', async () => {
    const res = await fetch(`${world.apiUrl}/api/v1/auth/config`);
    expect(await res.json()).toEqual({
      mode: 'oidc',
      issuer: provider.issuer,
      clientId: CLIENT_ID,
      scope: 'openid profile accord',
      audience: AUDIENCE,
    });
    expect((await fetch(`${world.apiUrl}/api/v1/auth/directory/users`)).status).toBe(404);
  });

  it("signs in at the provider, and the provider's access token is what the API accepts", async () => {
    const initiator = await signIn(chromium.browser(), 'ca-officer', true);
    const session = await sessionOf(initiator);
    expect(session.mode).toBe('oidc');
    expect(claimsOf(session.token)).toMatchObject({
      iss: provider.issuer,
      aud: AUDIENCE,
      sub: 'ca-officer',
      party: 'CA',
      roles: ['ca-officer'],
    });
    const title = `OIDC trade mission ${Date.now()}`;
    const started = await fetch(`${world.apiUrl}/api/v1/processes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ definitionId: 'trade-mission', title }),
    });
    expect(started.status).toBe(201);
    await initiator.context().close();

    const approver = await signIn(chromium.browser(), 'jp-meti');
    await approver.getByText(title).first().waitFor({ timeout: 60_000 });
    await expectNoSeriousAxeViolations(approver);
    await approver.context().close();
  });
});
