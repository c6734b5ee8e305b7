/**
 * Prints a bearer token for a seeded user, signed with the API's secret (ACCORD_JWT_SECRET, or the one in
 * the data folder, generated on first start).
 *   npm run token -- <userId> [--ttl 12h]
 *   npm run token -- --list [--json]
 */
import { assertAuthConfigured, resolveJwtSecret, jwtSecretPath } from '../apps/api/src/auth/jwt-secret';
import { signToken } from '../apps/api/src/auth/sign-token';
import { ConfigError, loadConfig, parseDuration } from '../libs/config/src/accord-config';
import { getUser, listUsers, principalOf } from '../libs/directory/src/directory';

const DEFAULT_TTL_SECONDS = 12 * 3600;

function main(argv: string[]): number {
  const json = argv.includes('--json');
  if (argv.includes('--list')) {
    const users = listUsers().map(({ id, name, party, org, roles }) => ({ id, name, party, org, roles }));
    if (json) process.stdout.write(JSON.stringify(users, null, 2) + '\n');
    else
      for (const u of users)
        process.stdout.write(
          `${u.id.padEnd(26)} ${u.party}  ${u.roles.join(',').padEnd(26)} ${u.name} (${u.org})\n`,
        );
    return 0;
  }
  const ttlAt = argv.indexOf('--ttl');
  const ttl = ttlAt >= 0 ? argv[ttlAt + 1] : undefined;
  const userId = argv.find((a, i) => !a.startsWith('--') && (ttlAt < 0 || i !== ttlAt + 1));
  if (!userId) {
    process.stderr.write(
      'usage: npm run token -- <userId> [--ttl 12h]   |   npm run token -- --list [--json]\n',
    );
    return 2;
  }
  const user = getUser(userId);
  if (!user) {
    process.stderr.write(`unknown user "${userId}"; see: npm run token -- --list\n`);
    return 1;
  }
  const config = loadConfig();
  if (config.auth.jwksUrl && !config.auth.jwtSecret) {
    process.stderr.write(
      'ACCORD_JWKS_URL is set: tokens come from your identity provider, not from this script.\n',
    );
    return 1;
  }
  try {
    // The API's own start checks (a short ACCORD_JWT_SECRET, …): a token it would never accept is no use.
    assertAuthConfigured(config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(err.message + '\n');
    return 1;
  }
  // Create the secret if the API has not run yet, so the API (same data folder) accepts the token later.
  const secret = resolveJwtSecret(config, { create: !config.production });
  if (!secret) {
    process.stderr.write(`No JWT secret: set ACCORD_JWT_SECRET (expected ${jwtSecretPath(config)}).\n`);
    return 1;
  }
  const expiresInSeconds = ttl ? Math.round(parseDuration(ttl, '--ttl') / 1000) : undefined;
  const maxSeconds = Math.floor(config.auth.maxTokenLifetimeMs / 1000);
  if ((expiresInSeconds ?? DEFAULT_TTL_SECONDS) > maxSeconds) {
    process.stderr.write(
      `--ttl ${ttl ?? '12h'} is longer than the API accepts (ACCORD_MAX_TOKEN_LIFETIME, ${maxSeconds} s); ` +
        'ask for a shorter one.\n',
    );
    return 2;
  }
  const token = signToken(principalOf(user), secret, {
    expiresInSeconds: expiresInSeconds ?? DEFAULT_TTL_SECONDS,
    issuer: config.auth.issuer,
    audience: config.auth.audience,
  });
  process.stdout.write(json ? JSON.stringify({ userId, token }) + '\n' : token + '\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
