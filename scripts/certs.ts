/**
 * Certificates for mTLS between Accord and Temporal's frontend, made with openssl: a private CA, the
 * server's certificate (names temporal, localhost, 127.0.0.1) and one client certificate for Accord's API
 * and worker. Kept files are reused; delete the folder to issue new ones.
 *   node dist/scripts/certs.js <folder>      (`npm run certs -- <folder>`)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrontendTls } from '../libs/temporal/src/cluster/server-config';

export const SERVER_NAME = 'temporal';
const DAYS = '825';

function openssl(args: string[], cwd: string) {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function issue(dir: string, name: string, subject: string, extensions: string[]) {
  const ext = path.join(dir, `${name}.ext`);
  fs.writeFileSync(ext, `${extensions.join('\n')}\n`);
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      subject,
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      DAYS,
      '-extfile',
      ext,
    ],
    dir,
  );
  fs.rmSync(path.join(dir, `${name}.csr`));
  fs.rmSync(ext);
  fs.chmodSync(path.join(dir, `${name}.key`), 0o600);
}

export function clusterCertificates(dir: string, log: (line: string) => void = () => undefined): FrontendTls {
  const tls: FrontendTls = {
    caFile: path.join(dir, 'ca.pem'),
    serverCertFile: path.join(dir, 'server.pem'),
    serverKeyFile: path.join(dir, 'server.key'),
    clientCertFile: path.join(dir, 'client.pem'),
    clientKeyFile: path.join(dir, 'client.key'),
    serverName: SERVER_NAME,
  };
  if (
    [tls.caFile, tls.serverCertFile, tls.serverKeyFile, tls.clientCertFile, tls.clientKeyFile].every((f) =>
      fs.existsSync(f),
    )
  )
    return tls;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  log(`issuing a CA, a server and a client certificate in ${dir}`);
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      DAYS,
      '-subj',
      '/CN=Accord Temporal CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  fs.chmodSync(path.join(dir, 'ca.key'), 0o600);
  const leaf = ['basicConstraints=critical,CA:FALSE', 'keyUsage=critical,digitalSignature,keyEncipherment'];
  issue(dir, 'server', `/CN=${SERVER_NAME}`, [
    ...leaf,
    'extendedKeyUsage=serverAuth,clientAuth',
    `subjectAltName=DNS:${SERVER_NAME},DNS:localhost,IP:127.0.0.1`,
  ]);
  issue(dir, 'client', '/CN=accord', [...leaf, 'extendedKeyUsage=clientAuth', 'subjectAltName=DNS:accord']);
  return tls;
}

/** The standard Temporal client settings (read by @temporalio/envconfig) for these certificates. */
export function tlsEnv(tls: FrontendTls): Record<string, string> {
  return {
    TEMPORAL_TLS: 'true',
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: tls.caFile,
    TEMPORAL_TLS_SERVER_NAME: tls.serverName,
    TEMPORAL_TLS_CLIENT_CERT_PATH: tls.clientCertFile,
    TEMPORAL_TLS_CLIENT_KEY_PATH: tls.clientKeyFile,
  };
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'certs');
  const tls = clusterCertificates(dir, (l) => process.stdout.write(`${l}\n`));
  process.stdout.write(`${JSON.stringify(tls, null, 2)}\n`);
}
