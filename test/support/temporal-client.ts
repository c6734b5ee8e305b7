/**
 * A Temporal Client on the shared e2e server, cached per test file. Call `closeTestClient()` in afterAll
 * (or use `closeTestClientAfterAll()` at the top of a describe) so jest exits without open handles.
 */
import { Client, Connection } from '@temporalio/client';
import { e2eEnv } from './e2e-env';

let pending: Promise<Client> | undefined;

export function testClient(): Promise<Client> {
  if (!pending) {
    const env = e2eEnv();
    pending = Connection.connect({ address: env.temporalAddress }).then(
      (connection) => new Client({ connection, namespace: env.namespace }),
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
