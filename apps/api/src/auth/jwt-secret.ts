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

export function assertAuthConfigured(config: AccordConfig): void {
  if (config.production && !config.auth.jwtSecret && !config.auth.jwksUrl) {
    throw new ConfigError(
      'In production ACCORD_JWT_SECRET or ACCORD_JWKS_URL must be set (no generated secret).',
    );
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
