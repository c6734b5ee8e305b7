/**
 * Where the HS256 secret comes from: ACCORD_JWT_SECRET, else `<dataDir>/jwt-secret`, generated (mode 0600)
 * on first start. Production refuses to start without an explicit secret or a JWKS URL. The token script
 * reads the secret the same way, so its tokens verify against a running API.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { ConfigError } from '../../../../libs/config/src/accord-config';

export const JWT_SECRET_FILE = 'jwt-secret';

export function jwtSecretPath(config: Pick<AccordConfig, 'dataDir'>): string {
  return path.join(config.dataDir, JWT_SECRET_FILE);
}

/** HS256 keys shorter than the hash output (RFC 7518 §3.2: at least 256 bits) can be brute-forced offline. */
export const MIN_SECRET_BYTES = 32;

/**
 * Refuses, at start, settings under which tokens could be forged or replayed elsewhere: no key at all in
 * production, a short shared secret, or a JWKS (an identity provider serving many applications) without
 * the issuer and audience that make its tokens Accord's.
 */
export function assertAuthConfigured(config: AccordConfig): void {
  const { jwtSecret, jwksUrl, issuer, audience } = config.auth;
  if (config.production && !jwtSecret && !jwksUrl) {
    throw new ConfigError(
      'In production ACCORD_JWT_SECRET or ACCORD_JWKS_URL must be set (no generated secret).',
    );
  }
  if (jwtSecret && !jwksUrl && Buffer.byteLength(jwtSecret, 'utf8') < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `ACCORD_JWT_SECRET is ${Buffer.byteLength(jwtSecret, 'utf8')} bytes long; HS256 needs at least ` +
        `${MIN_SECRET_BYTES} (e.g. \`openssl rand -base64 32\`).`,
    );
  }
  if (jwksUrl) {
    const missing = [!issuer && 'ACCORD_JWT_ISSUER', !audience && 'ACCORD_JWT_AUDIENCE'].filter(Boolean);
    if (missing.length) {
      throw new ConfigError(
        `ACCORD_JWKS_URL is set: ${missing.join(' and ')} must be set too (the "iss" and "aud" your ` +
          "identity provider puts in Accord's access tokens), so tokens it issues for other applications " +
          'are refused.',
      );
    }
  }
}

/** The configured secret, or the one in the data folder; `create` generates it when missing. */
export function resolveJwtSecret(config: AccordConfig, options: { create: boolean }): string | undefined {
  if (config.auth.jwtSecret) return config.auth.jwtSecret;
  const file = jwtSecretPath(config);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (!options.create) return undefined;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': never overwrite a secret another process wrote meanwhile.
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
  }
}
