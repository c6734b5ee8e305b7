/**
 * `npm run start:cluster`: Accord on a self-hosted Temporal cluster on this machine — PostgreSQL, the
 * Temporal server (scripts/cluster.ts), then ACCORD_CLUSTER_WORKERS workers and ACCORD_CLUSTER_APIS API
 * processes (ports PORT, PORT+1, …) and the codec endpoint for the Temporal UI/CLI, all supervised: Ctrl-C/SIGTERM stops the APIs and workers, then the
 * server, then the PostgreSQL it started. If one part dies, everything stops with its exit code.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfig } from '../libs/config/src/accord-config';
import { temporalSettings } from '../libs/temporal/src/connection';
import { launchCluster, type LaunchedCluster } from './cluster';
import { spawnPart, stopPart, waitForHttp, type Part } from './supervisor';

const say = (line: string) => process.stdout.write(`[accord] ${line}\n`);

/**
 * Without ACCORD_PAYLOAD_KEYS the local cluster still encrypts payloads, with a key made once and kept
 * (0600) beside its data; production passes its own keys.
 */
function localPayloadKey(dir: string): string {
  const file = path.join(dir, 'payload-key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `local-1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

async function main(): Promise<number> {
  const config = loadConfig();
  const startup = new AbortController();
  let signalled: ((code: number) => void) | undefined;
  const signalledP = new Promise<number>((resolve) => (signalled = resolve));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      say(`${sig}: stopping…`);
      startup.abort();
      signalled?.(0);
    });
  }

  const started = Date.now();
  // The namespace is the one Accord's processes are configured for (TEMPORAL_NAMESPACE, default "default").
  const namespace = temporalSettings({ TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE }).namespace;
  const launching = launchCluster({
    config,
    namespace,
    signal: startup.signal,
    log: say,
    output: (line) => process.stderr.write(`[temporal] ${line}\n`),
  });
  const first = await Promise.race([launching, signalledP.then(() => undefined)]);
  if (!first) {
    await launching.then((c) => c.stop()).catch(() => undefined);
    return 0;
  }
  const cluster: LaunchedCluster = first;
  say(`Temporal ${config.cluster.serverVersion} SERVING at ${cluster.address} in ${Date.now() - started} ms`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...cluster.clientEnv,
    ACCORD_PAYLOAD_KEYS:
      process.env.ACCORD_PAYLOAD_KEYS || localPayloadKey(path.join(config.dataDir, 'cluster')),
  };
  const dist = path.resolve(__dirname, '..');
  const parts: Part[] = [];
  for (let i = 1; i <= config.cluster.workers; i++) {
    parts.push(spawnPart(`worker-${i}`, process.execPath, [path.join(dist, 'apps/worker/src/main.js')], env));
  }
  parts.push(spawnPart('codec', process.execPath, [path.join(dist, 'apps/codec-server/src/main.js')], env));
  const apiPorts = Array.from({ length: config.cluster.apis }, (_, i) => config.api.port + i);
  apiPorts.forEach((port, i) => {
    parts.push(
      spawnPart(`api-${i + 1}`, process.execPath, [path.join(dist, 'apps/api/src/main.js')], {
        ...env,
        PORT: String(port),
      }),
    );
  });

  let stopping: Promise<number> | undefined;
  const stopAll = (code: number) =>
    (stopping ??= (async () => {
      await Promise.all(parts.map((p) => stopPart(p)));
      await cluster.stop();
      return code;
    })());

  const died = Promise.race([
    ...parts.map((p) => p.exited.then((code) => ({ name: p.name, code }))),
    cluster.exited.then((code) => ({ name: 'temporal', code })),
  ]);
  void (async () => {
    const host = config.api.host === '0.0.0.0' ? 'localhost' : config.api.host;
    const up = await Promise.all(
      apiPorts.map((p) => waitForHttp(`http://127.0.0.1:${p}/health`, 90_000, (s) => s === 200)),
    );
    if (stopping) return;
    say('Accord is running on a Temporal cluster on PostgreSQL:');
    apiPorts.forEach((p, i) =>
      say(`  API ${i + 1}          http://${host}:${p}/api/v1${up[i] ? '' : ' (not healthy yet)'}`),
    );
    say(`  Workers        ${config.cluster.workers} on task queue ${config.taskQueue}`);
    say(
      `  Temporal       ${cluster.address}, namespace ${cluster.namespace}${cluster.clientEnv.TEMPORAL_TLS ? ' (mTLS)' : ''}`,
    );
    say(
      `  Codec endpoint http://${config.codec.host}:${config.codec.port} (Temporal UI/CLI --codec-endpoint)`,
    );
    say(
      `  PostgreSQL     ${cluster.postgres.host}:${cluster.postgres.port} (${cluster.postgres.kind}), databases ${cluster.databases.persistence}, ${cluster.databases.visibility}`,
    );
    say('Press Ctrl-C to stop.');
  })();

  const outcome = await Promise.race([signalledP.then((code) => ({ name: '', code })), died]);
  if (outcome.name) say(`${outcome.name} exited with code ${outcome.code}: stopping everything`);
  const code = await stopAll(outcome.name ? outcome.code || 1 : 0);
  say('stopped.');
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[accord] ${(err as Error).message ?? err}\n`);
    process.exit(1);
  },
);
