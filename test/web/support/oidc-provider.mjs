/**
 * A real OpenID Connect provider (the `oidc-provider` package) for the console's sign-in test, run as its
 * own process (the package is ESM-only; jest's module system cannot load it). Settings arrive as JSON in
 * ACCORD_TEST_OIDC; "ready <issuer>" on stdout means it listens.
 *
 * Accounts are the seeded directory (libs/directory/src/users.json), signed in at the provider's own
 * development interaction pages (any password). The console is a public client using authorization code +
 * PKCE; asking for the API as resource (RFC 8707) yields a JWT access token with the API as audience and
 * Accord's claims (sub, name, party, org, roles), verifiable through the provider's JWKS.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.ACCORD_TEST_OIDC ?? '{}');
const { port, clientId, redirectUri, origin, audience, scope = 'accord', accessTokenTtl = 3600 } = settings;
const issuer = `http://127.0.0.1:${port}`;
const users = JSON.parse(fs.readFileSync(new URL('../../../libs/directory/src/users.json', import.meta.url)));

const accordClaims = (accountId) => {
  const user = users.find((u) => u.id === accountId);
  return user && { name: user.name, party: user.party, org: user.org, roles: user.roles };
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'accord-test', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [`${origin}/`],
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(16).toString('hex')] },
  scopes: ['openid', 'profile', scope],
  claims: { openid: ['sub'], profile: ['name', 'party', 'org', 'roles'] },
  async findAccount(_ctx, id) {
    const claims = accordClaims(id);
    return claims && { accountId: id, claims: () => ({ sub: id, ...claims }) };
  },
  // The API reads Accord's claims from the access token itself.
  async extraTokenClaims(_ctx, token) {
    return token.kind === 'AccessToken' ? accordClaims(token.accountId) : undefined;
  },
  features: {
    devInteractions: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience) throw new Error(`unknown resource ${resource}`);
        return {
          scope,
          audience,
          accessTokenTTL: accessTokenTtl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  ttl: { AccessToken: accessTokenTtl, IdToken: accessTokenTtl, Session: 3600, Interaction: 600, Grant: 3600 },
});
// Plain http on loopback: tell the provider not to expect a TLS-terminating proxy.
provider.proxy = false;

const server = http.createServer(provider.callback());
server.listen(port, '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
