/**
 * A self-hosted Temporal cluster on this machine: PostgreSQL (postgres.ts), Temporal's databases and
 * schemas created and migrated with Temporal's SQL tool (`postgres12` plugin, the server module's schema
 * files), the server started from a generated config file, then health SERVING and the namespace with
 * Accord's search attributes. `stop()` stops the server, then whatever PostgreSQL it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { stringify } from 'yaml';
import { ensureNamespace } from '../namespace';
import { startPostgres, type Postgres } from './postgres';
import { dynamicConfig, serverConfig, type ClusterPorts, type FrontendTls } from './server-config';
import type { ResolvedServer } from './server-resolver';

const run = promisify(execFile);

export interface TemporalClusterOptions {
  server: ResolvedServer;
  /** Config files, and PostgreSQL's data when it runs privately (non-root). */
  dataDir: string;
  ports: ClusterPorts;
  namespace: string;
  postgres: { version: string; port: number };
  databases?: { persistence: string; visibility: string };
  tls?: FrontendTls;
  log: (line: string) => void;
  /** The server's own output. */
  output: (line: string) => void;
  startTimeoutMs?: number;
}

export interface TemporalCluster {
  address: string;
  namespace: string;
  postgres: Postgres;
  databases: { persistence: string; visibility: string };
  server: ChildProcess;
  exited: Promise<number>;
  stop(): Promise<void>;
}

async function sqlTool(tool: string, pg: Postgres, database: string, args: string[]) {
  try {
    await run(
      tool,
      [
        '--plugin',
        'postgres12',
        '--ep',
        pg.host,
        '-p',
        String(pg.port),
        '-u',
        pg.user,
        '--db',
        database,
        ...args,
      ],
      // The password by environment, not on a command line anyone can read.
      { env: { ...process.env, SQL_PASSWORD: pg.password } },
    );
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(
      `temporal-sql-tool ${args[0]} on ${database}: ${(e.stderr || e.stdout || e.message).trim()}`,
    );
  }
}

/** Creates the database and its schema once, then applies every newer versioned migration (idempotent). */
export async function setUpSchema(
  tool: string,
  pg: Postgres,
  database: string,
  versionedDir: string,
  log: (l: string) => void,
): Promise<void> {
  const exists =
    (await pg.superSql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`)).trim() === '1';
  if (!exists) {
    log(`creating database ${database}`);
    await sqlTool(tool, pg, database, ['create-database']);
  }
  const versioned =
    (await pg.superSql(`SELECT to_regclass('public.schema_version') IS NOT NULL`, database)).trim() === 't';
  if (!versioned) await sqlTool(tool, pg, database, ['setup-schema', '-v', '0.0']);
  await sqlTool(tool, pg, database, ['update-schema', '-d', versionedDir]);
}

const SERVING = 1;

async function waitServing(
  address: string,
  tls: FrontendTls | undefined,
  gone: () => boolean,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  let last = 'not listening';
  for (;;) {
    if (gone()) throw new Error('the Temporal server exited during start-up');
    if (Date.now() > deadline) throw new Error(`the Temporal server at ${address} is not SERVING (${last})`);
    try {
      const connection = await Connection.connect({
        address,
        connectTimeout: 1000,
        tls: tls && {
          serverNameOverride: tls.serverName,
          serverRootCACertificate: fs.readFileSync(tls.caFile),
          clientCertPair: {
            crt: fs.readFileSync(tls.clientCertFile),
            key: fs.readFileSync(tls.clientKeyFile),
          },
        },
      });
      try {
        const res = await connection.healthService.check({
          service: 'temporal.api.workflowservice.v1.WorkflowService',
        });
        if (res.status === SERVING) return connection;
        last = `status ${res.status}`;
      } catch (err) {
        last = (err as Error).message;
      }
      await connection.close();
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function startTemporalCluster(o: TemporalClusterOptions): Promise<TemporalCluster> {
  const databases = o.databases ?? {
    persistence: 'accord_temporal',
    visibility: 'accord_temporal_visibility',
  };
  const pg = await startPostgres({
    version: o.postgres.version,
    dataDir: o.dataDir,
    port: o.postgres.port,
    role: 'accord_temporal',
    log: o.log,
  });
  let child: ChildProcess | undefined;
  let exited: Promise<number> = Promise.resolve(0);
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await pg.stop();
  };
  try {
    const schema = o.server.postgresSchemaDir;
    await setUpSchema(
      o.server.sqlTool,
      pg,
      databases.persistence,
      path.join(schema, 'temporal', 'versioned'),
      o.log,
    );
    await setUpSchema(
      o.server.sqlTool,
      pg,
      databases.visibility,
      path.join(schema, 'visibility', 'versioned'),
      o.log,
    );
    o.log(`schemas up to date in ${databases.persistence} and ${databases.visibility}`);

    const configDir = path.join(o.dataDir, 'config');
    fs.mkdirSync(configDir, { recursive: true });
    const dynamicFile = path.join(configDir, 'dynamicconfig.yaml');
    fs.writeFileSync(dynamicFile, stringify(dynamicConfig()));
    // Holds the database password: readable by this user only.
    fs.writeFileSync(
      path.join(configDir, 'development.yaml'),
      stringify(
        serverConfig({
          ports: o.ports,
          postgres: pg,
          databases,
          dynamicConfigFile: dynamicFile,
          tls: o.tls,
        }),
      ),
      { mode: 0o600 },
    );

    child = spawn(
      o.server.server,
      ['--root', o.dataDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
      {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const server = child;
    let gone = false;
    exited = new Promise<number>((resolve) => {
      server.once('exit', (code, signal) => {
        gone = true;
        resolve(code ?? (signal ? 128 + 15 : 1));
      });
      server.once('error', () => {
        gone = true;
        resolve(1);
      });
    });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) o.output(line);
    };
    server.stdout?.on('data', forward);
    server.stderr?.on('data', forward);

    const address = `127.0.0.1:${o.ports.frontend}`;
    const connection = await waitServing(address, o.tls, () => gone, o.startTimeoutMs ?? 120_000);
    try {
      const { created, added } = await ensureNamespace(connection, o.namespace);
      if (created) o.log(`registered namespace ${o.namespace}`);
      if (added.length) o.log(`registered search attributes: ${added.join(', ')}`);
    } finally {
      await connection.close();
    }
    return { address, namespace: o.namespace, postgres: pg, databases, server, exited, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
