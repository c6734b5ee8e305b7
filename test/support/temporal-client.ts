/**
 * A Temporal Client on the shared e2e server, cached per test file. Call `closeTestClient()` in afterAll
 * (or use `closeTestClientAfterAll()` at the top of a describe) so jest exits without open handles.
 */
import { Client, Connection } from '@temporalio/client';
import { loadPayloadKeys } from '../../libs/config/src/accord-config';
import { temporalSettings } from '../../libs/temporal/src/connection';
import { accordDataConverter } from '../../libs/temporal/src/encryption/encryption-codec';
import { accordClientInterceptors } from '../../libs/temporal/src/update-signing';
import { e2eEnv } from './e2e-env';

let pending: Promise<Client> | undefined;

export function testClient(): Promise<Client> {
  if (!pending) {
    const env = e2eEnv();
    // The harness's TLS settings (TEMPORAL_TLS_*) apply, so this works on the mTLS cluster too.
    const { connectionOptions } = temporalSettings({ ...process.env, TEMPORAL_ADDRESS: env.temporalAddress });
    pending = Connection.connect(connectionOptions as Parameters<typeof Connection.connect>[0]).then(
      (connection) =>
        new Client({
          connection,
          namespace: env.namespace,
          dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
          // Signs Updates like the API's client (the worker rejects unsigned ones).
          interceptors: accordClientInterceptors(process.env),
        }),
    );
  }
  return pending;
}

export async function closeTestClient(): Promise<void> {
  if (!pending) return;
  const client = await pending;
  pending = undefined;
  await client.connection.close();
}

export function closeTestClientAfterAll(): void {
  afterAll(closeTestClient);
}
