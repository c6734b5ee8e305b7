/**
 * `npm start`: the Temporal dev server (persisted under ACCORD_DATA_DIR, with its Web UI) unless a
 * Temporal address is configured, Accord's search attributes, then the worker and the API as child
 * processes. Ctrl-C/SIGTERM stops the API and worker first, then the server. If a part dies, everything
 * stops with its exit code. `--only temporal|worker|api` runs one part.
 */
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { loadConfig, type AccordConfig } from '../libs/config/src/accord-config';
import { resolveTemporalCli } from '../libs/temporal/src/cli-resolver';
import { isExternalCluster, temporalSettings } from '../libs/temporal/src/connection';
import { startDevServer, type DevServer } from '../libs/temporal/src/dev-server';
import { registerSearchAttributes } from '../libs/temporal/src/search-attributes';
import { spawnPart, stopPart, waitForHttp, type Part } from './supervisor';
import { webConsoleBuilt } from '../apps/api/src/web/console-policy';

type PartName = 'temporal' | 'worker' | 'api';
const PART_NAMES: PartName[] = ['temporal', 'worker', 'api'];

/** Stops whatever already started if start-up itself fails. */
let stopOnFailure: (() => Promise<unknown>) | undefined;

const say = (line: string) => process.stdout.write(`[accord] ${line}\n`);

function parseArgs(argv: string[]): { only?: PartName } {
  const i = argv.indexOf('--only');
  if (i === -1) return {};
  const only = argv[i + 1] as PartName;
  if (!PART_NAMES.includes(only)) throw new Error(`--only takes one of ${PART_NAMES.join(', ')}`);
  return { only };
}

async function registerWithRetry(address: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000) {
  const { connectionOptions, namespace } = temporalSettings({ ...env, TEMPORAL_ADDRESS: address });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await Connection.connect(
        connectionOptions as Parameters<typeof Connection.connect>[0],
      );
      try {
        return await registerSearchAttributes(connection, namespace);
      } finally {
        await connection.close();
      }
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function banner(config: AccordConfig, server: DevServer | undefined, address: string, parts: Set<PartName>) {
  const host = config.api.host === '0.0.0.0' ? 'localhost' : config.api.host;
  const api = `http://${host}:${config.api.port}`;
  say('Accord is running:');
  if (parts.has('api')) {
    const built = webConsoleBuilt(config);
    say(`  Web console    ${api}/${built ? '' : '   (not built: run npm run build)'}`);
    say(`  API            ${api}/api/v1`);
    say(`  Swagger UI     ${api}/docs   (OpenAPI JSON: ${api}/docs-json)`);
    say(`  Health         ${api}/health`);
  }
  say(`  Temporal       ${address}${server ? ` (dev server, data in ${config.dataDir})` : ''}`);
  if (server) say(`  Temporal UI    ${server.uiUrl}`);
  if (parts.has('worker')) say(`  Worker         task queue ${config.taskQueue}`);
  say('Press Ctrl-C to stop.');
}

async function main(): Promise<number> {
  const { only } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const external = isExternalCluster(process.env);
  const parts = new Set<PartName>(only ? [only] : PART_NAMES);
  if (external && only === 'temporal') {
    say('A Temporal address is configured (TEMPORAL_ADDRESS or a profile): there is no dev server to start.');
    return 1;
  }

  let server: DevServer | undefined;
  const children: Part[] = [];
  let stopping: Promise<number> | undefined;
  const stopAll = (code: number): Promise<number> =>
    (stopping ??= (async () => {
      await Promise.all(children.map((c) => stopPart(c)));
      if (server) await server.stop();
      return code;
    })());
  stopOnFailure = () => stopAll(1);
  let signalled: ((code: number) => void) | undefined;
  const signalledP = new Promise<number>((resolve) => (signalled = resolve));
  const startup = new AbortController();
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      say(`${sig}: stopping…`);
      startup.abort();
      signalled?.(0);
    });
  }

  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  let address = temporalSettings(process.env).address;
  if (!external && parts.has('temporal')) {
    const started = Date.now();
    const cli = await resolveTemporalCli({ version: config.devServer.cliVersion, signal: startup.signal });
    say(`Temporal CLI: ${cli.path} (${cli.source})`);
    server = await startDevServer({
      cliPath: cli.path,
      dataDir: config.dataDir,
      port: config.devServer.port,
      uiPort: config.devServer.uiPort,
      namespace: temporalSettings(process.env).namespace,
      output: (line) => process.stderr.write(`[temporal] ${line}\n`),
    });
    address = server.address;
    say(`Temporal dev server up at ${address} in ${Date.now() - started} ms`);
  } else if (!external) {
    // A part alone talks to the dev server `npm run start:temporal` runs on ACCORD_TEMPORAL_PORT.
    address = `127.0.0.1:${config.devServer.port}`;
  }
  childEnv.TEMPORAL_ADDRESS = address;

  if (parts.has('temporal') || (!only && external)) {
    try {
      const { added } = await registerWithRetry(address, childEnv);
      if (added.length) say(`registered search attributes: ${added.join(', ')}`);
    } catch (err) {
      say(`could not register search attributes: ${(err as Error).message}`);
      if (server) return stopAll(1);
    }
  }

  const dist = path.resolve(__dirname, '..');
  if (parts.has('worker')) {
    children.push(
      spawnPart('worker', process.execPath, [path.join(dist, 'apps/worker/src/main.js')], childEnv),
    );
  }
  if (parts.has('api')) {
    children.push(spawnPart('api', process.execPath, [path.join(dist, 'apps/api/src/main.js')], childEnv));
  }

  const died = Promise.race([
    ...children.map((c) => c.exited.then((code) => ({ name: c.name, code }))),
    ...(server ? [server.exited.then((code) => ({ name: 'temporal', code: code ?? 1 }))] : []),
  ]);
  void (async () => {
    if (parts.has('api')) await waitForHttp(`http://127.0.0.1:${config.api.port}/health`, 60_000);
    if (!stopping) banner(config, server, address, parts);
  })();

  const outcome = await Promise.race([signalledP.then((code) => ({ name: '', code })), died]);
  if (outcome.name) say(`${outcome.name} exited with code ${outcome.code}: stopping everything`);
  const code = await stopAll(outcome.name ? outcome.code || 1 : 0);
  say('stopped.');
  return code;
}

main().then(
  (code) => process.exit(code),
  async (err: unknown) => {
    process.stderr.write(`[accord] ${(err as Error).message ?? err}\n`);
    await stopOnFailure?.().catch(() => undefined);
    process.exit(1);
  },
);
