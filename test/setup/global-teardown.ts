/** Stops what global-setup.ts started: the API, then the worker, then the dev server (or the connection to the configured server). */
import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handles = globalThis.__ACCORD_E2E__;
  if (!handles) return;
  globalThis.__ACCORD_E2E__ = undefined;
  await handles.app.close();
  await handles.worker.shutdown();
  if (handles.testEnv) await handles.testEnv.teardown();
  else await handles.client.connection.close();
  fs.rmSync(handles.dataDir, { recursive: true, force: true });
}
