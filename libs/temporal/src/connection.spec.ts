import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isExternalCluster, temporalSettings } from './connection';

describe('Temporal connection settings (envconfig)', () => {
  let dir: string;
  let base: NodeJS.ProcessEnv;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-envconfig-'));
    // An empty config file, so the developer's own ~/.config/temporalio/temporal.toml cannot leak in.
    fs.writeFileSync(path.join(dir, 'empty.toml'), '');
    base = { TEMPORAL_CONFIG_FILE: path.join(dir, 'empty.toml') };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts a dev server when no address is configured', () => {
    expect(isExternalCluster(base)).toBe(false);
    expect(temporalSettings(base)).toMatchObject({ address: 'localhost:7233', namespace: 'default' });
  });

  it('uses TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_API_KEY (TLS on with a key)', () => {
    const env = {
      ...base,
      TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'ns.acct',
      TEMPORAL_API_KEY: 'k',
    };
    expect(isExternalCluster(env)).toBe(true);
    const s = temporalSettings(env);
    expect(s).toMatchObject({ address: 'ns.acct.tmprl.cloud:7233', namespace: 'ns.acct' });
    expect(s.connectionOptions).toMatchObject({ apiKey: 'k', tls: true });
  });

  it('reads a named profile from TEMPORAL_CONFIG_FILE / TEMPORAL_PROFILE', () => {
    const file = path.join(dir, 'temporal.toml');
    fs.writeFileSync(file, '[profile.prod]\naddress = "temporal.internal:7233"\nnamespace = "accord"\n');
    const env = { TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'prod' };
    expect(isExternalCluster(env)).toBe(true);
    expect(temporalSettings(env)).toMatchObject({ address: 'temporal.internal:7233', namespace: 'accord' });
  });
});
