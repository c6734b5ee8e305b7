/** Stops what global-setup.ts started: the API, then the worker, then the dev server. */
import * as fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handles = globalThis.__ACCORD_E2E__;
  if (!handles) return;
  globalThis.__ACCORD_E2E__ = undefined;
  await handles.app.close();
  await handles.worker.shutdown();
  await handles.testEnv.teardown();
  fs.rmSync(handles.dataDir, { recursive: true, force: true });
}
