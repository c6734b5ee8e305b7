/**
 * `npm run test:cluster [-- <jest paths>]`: runs e2e tests against the self-hosted Temporal cluster on
 * PostgreSQL, by configuration alone (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, the TEMPORAL_TLS_* files).
 * It starts a cluster of its own for the run — free ports, a throw-away data folder, mTLS, its own
 * databases (dropped afterwards) and namespace — runs jest, and stops everything. Without paths it runs
 * the cluster part of the suite (CLUSTER_SUITE).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { launchThrowawayCluster } from './cluster';

/** What CI runs on the cluster: the cluster's own tests and one whole process end to end. */
export const CLUSTER_SUITE = ['test/cluster', 'test/processes/implementing-arrangement'];

const say = (line: string) => process.stdout.write(`[test:cluster] ${line}\n`);

async function main(): Promise<number> {
  const paths = process.argv.slice(2).filter((a) => a !== '--');
  const started = Date.now();
  const cluster = await launchThrowawayCluster({
    prefix: 'accord-ci',
    // mTLS unless ACCORD_CLUSTER_TLS says otherwise.
    tls: process.env.ACCORD_CLUSTER_TLS ? undefined : true,
    log: say,
    output: (line) => {
      if (process.env.ACCORD_CLUSTER_LOG) process.stderr.write(`[temporal] ${line}\n`);
    },
  });
  say(
    `cluster SERVING at ${cluster.address} (PostgreSQL ${cluster.postgres.kind}) in ${Date.now() - started} ms`,
  );
  let code = 1;
  try {
    const jest = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'jest');
    const child = spawn(
      jest,
      ['--selectProjects', 'e2e', '--runInBand', '--', ...(paths.length ? paths : CLUSTER_SUITE)],
      {
        cwd: path.resolve(__dirname, '..', '..'),
        env: {
          ...process.env,
          ...cluster.clientEnv,
          // Payloads encrypted with a key of this run; the tests read the rows to check they are ciphertext.
          ACCORD_PAYLOAD_KEYS: `ci:${randomBytes(32).toString('base64')}`,
          ACCORD_E2E_POSTGRES: JSON.stringify({
            host: cluster.postgres.host,
            port: cluster.postgres.port,
            user: cluster.postgres.user,
            password: cluster.postgres.password,
            database: cluster.databases.persistence,
          }),
        },
        stdio: 'inherit',
      },
    );
    code = await new Promise<number>((resolve) => child.once('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
  } finally {
    await cluster.dispose();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[test:cluster] ${(err as Error).message ?? err}\n`);
    process.exit(1);
  },
);
