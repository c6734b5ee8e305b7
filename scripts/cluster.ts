/**
 * Brings up the local Temporal cluster on PostgreSQL from Accord's settings: the server and SQL tool
 * (built once into the cache), PostgreSQL, schemas, server, namespace and search attributes. Shared by
 * `npm run start:cluster` and the cluster test run (scripts/test-cluster.ts).
 */
import * as path from 'node:path';
import type { AccordConfig } from '../libs/config/src/accord-config';
import { portsFrom, type ClusterPorts } from '../libs/temporal/src/cluster/server-config';
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
