/** Starts test/web/support/oidc-provider.mjs on a free loopback port and stops it after the test file. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../../libs/temporal/src/free-port';
import { waitFor } from '../../support/wait';

export interface TestOidcProvider {
  issuer: string;
  jwksUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

export interface TestOidcSettings {
  port: number;
  clientId: string;
  /** The console's origin: redirects go to <origin>/auth/callback, CORS is open to it. */
  origin: string;
  /** The API as resource indicator: the access tokens' audience. */
  audience: string;
  /** The scope the API's resource grants (besides openid profile). */
  scope?: string;
  accessTokenTtl?: number;
}

export async function startOidcProvider(settings: TestOidcSettings): Promise<TestOidcProvider> {
  const config = { ...settings, redirectUri: `${settings.origin}/auth/callback` };
  const child = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, ACCORD_TEST_OIDC: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  const issuer = `http://127.0.0.1:${settings.port}`;
  try {
    await waitFor('the OIDC provider', async () => {
      if (child.exitCode !== null) throw new Error(`provider exited with ${child.exitCode}: ${out}`);
      return out.includes(`ready ${issuer}`);
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return { issuer, jwksUrl: `${issuer}/jwks`, output: () => out, stop };
}

export { freePort };
