/**
 * Temporal connection settings, read the way Temporal users expect (@temporalio/envconfig):
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_*, TEMPORAL_PROFILE and
 * TEMPORAL_CONFIG_FILE (a TOML profile file, default ~/.config/temporalio/temporal.toml).
 */
import { Client, Connection } from '@temporalio/client';
import { loadClientConfigProfile, toClientOptions, type ClientConfigProfile } from '@temporalio/envconfig';
import { NativeConnection } from '@temporalio/worker';
import { loadPayloadKeys } from '../../config/src/accord-config';
import { accordDataConverter } from './encryption/encryption-codec';
import { accordClientInterceptors } from './update-signing';

export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_ADDRESS = 'localhost:7233';

function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

export function loadTemporalProfile(env: NodeJS.ProcessEnv = process.env): ClientConfigProfile {
  const overrideEnvVars = definedEnv(env);
  try {
    return loadClientConfigProfile({ overrideEnvVars });
  } catch (err) {
    // envconfig 1.24 throws a TypeError on a config file without any [profile.*] table (e.g. empty).
    if (err instanceof TypeError) return loadClientConfigProfile({ overrideEnvVars, disableFile: true });
    throw err;
  }
}

/** A Temporal address is configured (env or profile): use that cluster, start no dev server. */
export function isExternalCluster(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(loadTemporalProfile(env).address);
}

export interface TemporalSettings {
  address: string;
  namespace: string;
  connectionOptions: ReturnType<typeof toClientOptions>['connectionOptions'];
}

export function temporalSettings(env: NodeJS.ProcessEnv = process.env): TemporalSettings {
  const { connectionOptions, namespace } = toClientOptions(loadTemporalProfile(env));
  const address = connectionOptions.address || DEFAULT_ADDRESS;
  return {
    address,
    namespace: namespace || DEFAULT_NAMESPACE,
    connectionOptions: { ...connectionOptions, address },
  };
}

export async function connectClient(env: NodeJS.ProcessEnv = process.env): Promise<Client> {
  const { connectionOptions, namespace } = temporalSettings(env);
  // The client-side Connection accepts the same address/TLS/API-key/metadata options as NativeConnection.
  const connection = await Connection.connect(connectionOptions as Parameters<typeof Connection.connect>[0]);
  return new Client({
    connection,
    namespace,
    dataConverter: accordDataConverter(loadPayloadKeys(env)),
    interceptors: accordClientInterceptors(env),
  });
}

/**
 * A Client whose connection is made on first use: an application can start (and its health check answer
 * 503) while Temporal is unreachable, and recovers when it comes back.
 */
export function lazyClient(env: NodeJS.ProcessEnv = process.env): Client {
  const { connectionOptions, namespace } = temporalSettings(env);
  const connection = Connection.lazy(connectionOptions as Parameters<typeof Connection.lazy>[0]);
  return new Client({
    connection,
    namespace,
    dataConverter: accordDataConverter(loadPayloadKeys(env)),
    interceptors: accordClientInterceptors(env),
  });
}

export async function connectWorkerConnection(
  env: NodeJS.ProcessEnv = process.env,
): Promise<NativeConnection> {
  return NativeConnection.connect(temporalSettings(env).connectionOptions);
}
