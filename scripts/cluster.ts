/**
 * Brings up the local Temporal cluster on PostgreSQL from Accord's settings: the server and SQL tool
 * (built once into the cache), PostgreSQL, schemas, server, namespace and search attributes. Shared by
 * `npm run start:cluster`, the cluster test run (scripts/test-cluster.ts) and the benchmarks' `--cluster`
 * (bench/harness.ts); the last two through launchThrowawayCluster.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig, type AccordConfig } from '../libs/config/src/accord-config';
import { portsFrom, type ClusterPorts } from '../libs/temporal/src/cluster/server-config';
import { freePort, freePortInRange } from '../libs/temporal/src/free-port';
import { resolveTemporalServer } from '../libs/temporal/src/cluster/server-resolver';
import { startTemporalCluster, type TemporalCluster } from '../libs/temporal/src/cluster/temporal-cluster';
import { clusterCertificates, tlsEnv } from './certs';

export interface LaunchOptions {
  config: AccordConfig;
  namespace: string;
  /** Defaults to the conventional layout starting at ACCORD_TEMPORAL_PORT. */
  ports?: ClusterPorts;
  /** Defaults to <ACCORD_DATA_DIR>/cluster. */
  dataDir?: string;
  database?: string;
  signal?: AbortSignal;
  log: (line: string) => void;
  output: (line: string) => void;
}

export interface LaunchedCluster extends TemporalCluster {
  /** TEMPORAL_* settings for Accord's processes and tests (address, namespace, TLS files). */
  clientEnv: Record<string, string>;
}

export async function launchCluster(o: LaunchOptions): Promise<LaunchedCluster> {
  const { config } = o;
  const dataDir = o.dataDir ?? path.join(config.dataDir, 'cluster');
  const server = await resolveTemporalServer({
    version: config.cluster.serverVersion,
    signal: o.signal,
    log: o.log,
  });
  const certs = config.cluster.tls ? clusterCertificates(path.join(dataDir, 'certs'), o.log) : undefined;
  const database = o.database ?? config.cluster.database;
  const cluster = await startTemporalCluster({
    server,
    dataDir,
    ports: o.ports ?? portsFrom(config.devServer.port),
    namespace: o.namespace,
    postgres: { version: config.cluster.postgresVersion, port: config.cluster.postgresPort },
    databases: { persistence: database, visibility: `${database}_visibility` },
    tls: certs,
    log: o.log,
    output: o.output,
  });
  return {
    ...cluster,
    clientEnv: {
      TEMPORAL_ADDRESS: cluster.address,
      TEMPORAL_NAMESPACE: cluster.namespace,
      ...(certs ? tlsEnv(certs) : {}),
    },
  };
}

/** Free ports for every listener of the server (a cluster beside another one on the same machine). */
export async function freeClusterPorts(): Promise<ClusterPorts> {
  const p = async () => freePort();
  return {
    frontend: await p(),
    frontendHttp: await p(),
    history: await p(),
    matching: await p(),
    worker: await p(),
    // Stored as SQL smallint by Temporal: below 32768, where the OS's own free ports never are.
    frontendMembership: await freePortInRange(20_000, 32_000),
    historyMembership: await freePortInRange(20_000, 32_000),
    matchingMembership: await freePortInRange(20_000, 32_000),
    workerMembership: await freePortInRange(20_000, 32_000),
    metrics: await p(),
  };
}

export interface ThrowawayCluster extends LaunchedCluster {
  /** Stops the server, drops the run's two databases, stops what PostgreSQL it started, removes its folder. */
  dispose(): Promise<void>;
}

/**
 * A cluster of its own for one run (tests, benchmarks): free ports, a throw-away data folder, its own
 * databases `<prefix>_<id>` (dropped by dispose) and namespace `<prefix>-<id>`, beside any other cluster.
 */
export async function launchThrowawayCluster(o: {
  prefix: string;
  /** mTLS on the frontend (ACCORD_CLUSTER_TLS when not given). */
  tls?: boolean;
  env?: NodeJS.ProcessEnv;
  log: (line: string) => void;
  output: (line: string) => void;
}): Promise<ThrowawayCluster> {
  const env = o.env ?? process.env;
  const id = randomBytes(4).toString('hex');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${o.prefix}-`));
  try {
    const config = loadConfig({
      ...env,
      ...(o.tls === undefined ? {} : { ACCORD_CLUSTER_TLS: String(o.tls) }),
      ACCORD_POSTGRES_PORT: String(await freePort()),
    });
    const cluster = await launchCluster({
      config,
      namespace: `${o.prefix}-${id}`,
      ports: await freeClusterPorts(),
      dataDir,
      database: `${o.prefix.replace(/-/g, '_')}_${id}`,
      log: o.log,
      output: o.output,
    });
    return {
      ...cluster,
      async dispose() {
        cluster.server.kill('SIGTERM');
        await cluster.exited;
        for (const db of [cluster.databases.persistence, cluster.databases.visibility]) {
          await cluster.postgres
            .superSql(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)
            .catch((e: Error) => o.log(e.message));
        }
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
