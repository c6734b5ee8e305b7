/**
 * PostgreSQL for the local Temporal cluster, from the machine's own installation: as root the packaged
 * cluster (`pg_ctlcluster <version> main start`), otherwise a private cluster made with `initdb` in the
 * data folder and run with `pg_ctl` on a loopback port. Then Temporal's login role (password auth over
 * TCP, as Temporal connects). Whatever this starts, `stop()` stops; a cluster that was already running
 * is left running.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { findOnPath } from '../cli-resolver';

const run = promisify(execFile);

export interface PostgresOptions {
  /** Major version of the machine's PostgreSQL (Debian layout /usr/lib/postgresql/<v>/bin). */
  version: string;
  /** Where a private cluster lives (non-root), and the role's password file. */
  dataDir: string;
  /** Port of a private cluster (the packaged cluster keeps its own port). */
  port: number;
  role: string;
  log: (line: string) => void;
}

export interface Postgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** How it runs: the packaged cluster or a private one in the data folder. */
  kind: 'pg_ctlcluster' | 'initdb';
  /** Runs SQL as the superuser. */
  superSql(sql: string, database?: string): Promise<string>;
  stop(): Promise<void>;
}

function binDir(version: string): string {
  return `/usr/lib/postgresql/${version}/bin`;
}

function pgBinary(version: string, name: string): string {
  const own = path.join(binDir(version), name);
  if (fs.existsSync(own)) return own;
  const onPath = findOnPath(name);
  if (!onPath)
    throw new Error(`PostgreSQL ${version} is not installed (no ${name}); install postgresql-${version}`);
  return onPath;
}

/** psql's arguments after the connection's: one statement on `database`, stopping at the first error, bare rows. */
const psqlRun = (database: string, sql: string) => ['-d', database, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql];

async function sh(file: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  try {
    const { stdout } = await run(file, args, { env: options.env ?? process.env, maxBuffer: 16 << 20 });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(
      `${path.basename(file)} ${args.join(' ')} failed: ${(e.stderr || e.stdout || e.message).trim()}`,
    );
  }
}

/** A random password kept (0600) in the data folder, so restarts reuse it. */
function rolePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

export async function startPostgres(options: PostgresOptions): Promise<Postgres> {
  const pg =
    isRoot() && findOnPath('pg_ctlcluster') ? await packagedCluster(options) : await privateCluster(options);
  const password = rolePassword(options.dataDir);
  // Idempotent: create the role once, keep its password in step with the file.
  const role = options.role.replace(/"/g, '');
  const literal = `'${password.replace(/'/g, "''")}'`;
  await pg.superSql(
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
         CREATE ROLE "${role}" LOGIN CREATEDB PASSWORD ${literal};
       ELSE
         ALTER ROLE "${role}" LOGIN CREATEDB PASSWORD ${literal};
       END IF;
     END $$;`,
  );
  return { ...pg, user: role, password };
}

type Started = Omit<Postgres, 'user' | 'password'>;

async function packagedCluster(options: PostgresOptions): Promise<Started> {
  const { version, log } = options;
  const listing = await sh('pg_lsclusters', ['-h']);
  const line = listing
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols[0] === version && cols[1] === 'main');
  if (!line) throw new Error(`pg_lsclusters shows no PostgreSQL ${version} "main" cluster`);
  const port = Number(line[2]);
  const wasRunning = line[3] === 'online';
  if (!wasRunning) {
    log(`pg_ctlcluster ${version} main start`);
    await sh('pg_ctlcluster', [version, 'main', 'start']);
  } else log(`PostgreSQL ${version}/main is already running on port ${port}`);
  const psql = pgBinary(version, 'psql');
  // The packaged cluster trusts its own `postgres` user over the local socket (peer auth).
  const superSql = (sql: string, database = 'postgres') =>
    sh('runuser', ['-u', 'postgres', '--', psql, '-p', String(port), ...psqlRun(database, sql)]);
  return {
    host: '127.0.0.1',
    port,
    kind: 'pg_ctlcluster',
    superSql,
    stop: async () => {
      if (wasRunning) return;
      // Another run (a test:cluster, a benchmark) may have attached since this one started it: stopping
      // would cut it off mid-test. Left running then; whoever is last out finds no other client and stops it.
      const others = Number(
        await superSql(
          "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
        ).catch(() => '0'),
      );
      if (others > 0) {
        log(`PostgreSQL ${version}/main left running: ${others} other connection(s)`);
        return;
      }
      await sh('pg_ctlcluster', [version, 'main', 'stop', '-m', 'fast']).catch((e: Error) => log(e.message));
    },
  };
}

async function privateCluster(options: PostgresOptions): Promise<Started> {
  const { version, port, log } = options;
  const dir = path.join(options.dataDir, 'postgres');
  const socketDir = path.join(options.dataDir, 'postgres-socket');
  fs.mkdirSync(socketDir, { recursive: true });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initdb ${dir}`);
    // Local socket connections (in a folder only this user can reach) trust the owner; TCP needs a password.
    await sh(pgBinary(version, 'initdb'), [
      '-D',
      dir,
      '-U',
      'postgres',
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
    ]);
  }
  const pgCtl = pgBinary(version, 'pg_ctl');
  const status = await run(pgCtl, ['-D', dir, 'status']).then(
    () => true,
    () => false,
  );
  if (!status) {
    log(`pg_ctl start (port ${port})`);
    await sh(pgCtl, [
      '-D',
      dir,
      '-l',
      path.join(options.dataDir, 'postgres.log'),
      '-w',
      '-o',
      `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  }
  const psql = pgBinary(version, 'psql');
  return {
    host: '127.0.0.1',
    port,
    kind: 'initdb',
    superSql: (sql, database = 'postgres') =>
      sh(psql, ['-h', socketDir, '-p', String(port), '-U', 'postgres', ...psqlRun(database, sql)]),
    stop: async () => {
      if (status) return;
      await sh(pgCtl, ['-D', dir, '-m', 'fast', '-w', 'stop']).catch((e: Error) => log(e.message));
    },
  };
}
