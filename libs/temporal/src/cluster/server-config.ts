/**
 * The Temporal server's configuration for the local cluster (one process running frontend, history,
 * matching and worker on loopback; PostgreSQL persistence and SQL visibility), as a plain object written
 * to `<dir>/config/development.yaml`. Optional TLS on the frontend: the server presents its certificate and,
 * with a client CA, requires client certificates (mTLS); the server's own system worker then connects
 * with the client certificate too.
 */
export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Membership (ringpop) ports, one per service. */
  frontendMembership: number;
  historyMembership: number;
  matchingMembership: number;
  workerMembership: number;
  /** Prometheus metrics of the server. */
  metrics: number;
}

/** The conventional layout (7233 frontend, 7234 history, …) moved to start at `frontend`. */
export function portsFrom(frontend: number): ClusterPorts {
  return {
    frontend,
    history: frontend + 1,
    matching: frontend + 2,
    worker: frontend + 6,
    frontendHttp: frontend + 10,
    frontendMembership: frontend - 300,
    historyMembership: frontend - 299,
    matchingMembership: frontend - 298,
    workerMembership: frontend - 294,
    metrics: frontend + 767,
  };
}

export interface FrontendTls {
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  /** The client certificate the server's own system worker presents (mTLS). */
  clientCertFile: string;
  clientKeyFile: string;
  serverName: string;
}

export interface ServerConfigOptions {
  ports: ClusterPorts;
  postgres: { host: string; port: number; user: string; password: string };
  databases: { persistence: string; visibility: string };
  dynamicConfigFile: string;
  numHistoryShards?: number;
  logLevel?: string;
  tls?: FrontendTls;
}

function sqlStore(o: ServerConfigOptions, databaseName: string, maxConns: number) {
  return {
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${o.postgres.host}:${o.postgres.port}`,
      connectProtocol: 'tcp',
      user: o.postgres.user,
      password: o.postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  };
}

function service(grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) {
  return { rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra } };
}

export function serverConfig(o: ServerConfigOptions): Record<string, unknown> {
  const { ports, tls } = o;
  return {
    log: { stdout: true, level: o.logLevel ?? 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      // Fixed for the life of a cluster: changing it needs a new database.
      numHistoryShards: o.numHistoryShards ?? 4,
      datastores: {
        'postgres-default': sqlStore(o, o.databases.persistence, 20),
        'postgres-visibility': sqlStore(o, o.databases.visibility, 10),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `127.0.0.1:${ports.metrics}`,
        },
      },
      ...(tls
        ? {
            tls: {
              frontend: {
                server: {
                  certFile: tls.serverCertFile,
                  keyFile: tls.serverKeyFile,
                  requireClientAuth: true,
                  clientCaFiles: [tls.caFile],
                },
                client: { serverName: tls.serverName, rootCaFiles: [tls.caFile] },
              },
              systemWorker: {
                certFile: tls.clientCertFile,
                keyFile: tls.clientKeyFile,
                client: { serverName: tls.serverName, rootCaFiles: [tls.caFile] },
              },
            },
          }
        : {}),
    },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership, { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: o.dynamicConfigFile, pollInterval: '10s' },
  };
}

/**
 * Visibility calls (list, count) per second per namespace and frontend: Temporal's default is 10 (burst 10),
 * below what Accord's reads make (every inbox, listing, stuck and summary request is at least one visibility
 * call, a summary about twenty), and a call over it fails RESOURCE_EXHAUSTED and is retried by the client
 * after a back-off of seconds (bench/README.md, "On the PostgreSQL cluster"). 100 is what the Temporal CLI's
 * dev server sets.
 */
export const VISIBILITY_RPS = 100;

/** Dynamic config: what Accord relies on (Updates, update-with-start, long ids, visibility reads). */
export function dynamicConfig(): Record<string, unknown> {
  const on = [{ value: true, constraints: {} }];
  return {
    'limit.maxIDLength': [{ value: 255, constraints: {} }],
    'frontend.namespaceRPS.visibility': [{ value: VISIBILITY_RPS, constraints: {} }],
    'frontend.enableUpdateWorkflowExecution': on,
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted': on,
    'frontend.enableExecuteMultiOperation': on,
  };
}
