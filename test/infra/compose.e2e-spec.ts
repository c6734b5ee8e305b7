/**
 * docker-compose.yml is valid against the Compose Specification (schema vendored from
 * compose-spec/compose-spec, schema/compose-spec.json), and consistent with the repository: every service
 * has an image or a build, referenced Dockerfiles/targets/scripts exist, Accord's services get only settings
 * Accord reads. The search-attribute one-shot script runs for real against the test server.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../libs/contracts/src/search-attributes';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { ROOT } from './support/processes';

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  environment?: Record<string, string> | string[];
  volumes?: (string | { source?: string })[];
  ports?: (string | number | { host_ip?: string; published?: string | number; target?: number })[];
}

/** Services whose published ports must stay on loopback (no authorisation of their own). */
const LOOPBACK_ONLY = ['temporal', 'temporal-ui', 'postgresql'];

/** `[service, port]` for every port of those services published beyond 127.0.0.1. */
function exposedBeyondLoopback(services: Record<string, Service>): string[] {
  const exposed: string[] = [];
  for (const name of LOOPBACK_ONLY) {
    for (const port of services[name]?.ports ?? []) {
      const hostIp =
        typeof port === 'object'
          ? port.host_ip
          : // Short syntax: [HOST_IP:]HOST:CONTAINER; an IP has dots (IPv4) or brackets (IPv6).
            /^(\d+\.\d+\.\d+\.\d+|\[[^\]]+\]):/.exec(String(port))?.[1];
      if (hostIp !== '127.0.0.1' && hostIp !== '[::1]') exposed.push(`${name} ${JSON.stringify(port)}`);
    }
  }
  return exposed;
}

const compose = parse(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};

/** Every environment variable Accord's code reads: its config, Temporal's envconfig, and a few standards. */
function accordSettings(): Set<string> {
  const names = new Set(['NODE_ENV', 'PORT', 'LOG_LEVEL']);
  const config = fs.readFileSync(path.join(ROOT, 'libs/config/src/accord-config.ts'), 'utf8');
  for (const m of config.matchAll(/env\.([A-Z][A-Z0-9_]+)|env, '([A-Z][A-Z0-9_]+)'/g))
    names.add(m[1] ?? m[2]!);
  const envconfig = fs.readFileSync(
    require.resolve('@temporalio/envconfig/lib/envconfig-toml.js', { paths: [ROOT] }),
    'utf8',
  );
  for (const m of envconfig.matchAll(/'(TEMPORAL_[A-Z_]+)'/g)) names.add(m[1]!);
  return names;
}

function envNames(service: Service): string[] {
  const env = service.environment ?? {};
  return Array.isArray(env) ? env.map((e) => e.split('=')[0]!) : Object.keys(env);
}

function compileComposeSchema(allErrors: boolean) {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'compose-spec.schema.json'), 'utf8'));
  // The spec names draft-07 by an https URL Ajv does not know; Ajv's default dialect is draft-07.
  delete schema.$schema;
  const ajv = new Ajv({ strict: false, allErrors });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  closeTestClientAfterAll();

  it('is valid against the Compose Specification JSON schema', () => {
    const validate = compileComposeSchema(true);
    // Compose resolves YAML merge keys (<<) before validating, as `compose` above does.
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('rejects an invalid file (the schema check can fail)', () => {
    expect(
      compileComposeSchema(false)({
        services: { api: { image: 'x', ports: 'not-a-list', healthcheck: { tests: [] } } },
      }),
    ).toBe(false);
  });

  it('has the production shape: PostgreSQL, Temporal, its UI, api and worker', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgresql', 'temporal', 'temporal-ui', 'api', 'worker']),
    );
    expect(compose.services.temporal!.environment).toMatchObject({ DB: 'postgres12' });
  });

  it("publishes Temporal's frontend, its UI and PostgreSQL on loopback at most", () => {
    expect(exposedBeyondLoopback(compose.services)).toEqual([]);
    expect(compose.services.temporal!.ports ?? []).toEqual([]);
    // The check fails on the shape it guards against (every interface), in both syntaxes.
    expect(
      exposedBeyondLoopback({
        temporal: { ports: ['7233:7233'] },
        'temporal-ui': { ports: [{ target: 8080, published: 8080 }, '127.0.0.1:8081:8080'] },
        postgresql: { ports: ['0.0.0.0:5432:5432'] },
      }),
    ).toEqual([
      'temporal "7233:7233"',
      'temporal-ui {"target":8080,"published":8080}',
      'postgresql "0.0.0.0:5432:5432"',
    ]);
  });

  it('gives every service an image or a build whose Dockerfile and target exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect({ name, ok: Boolean(service.image || service.build) }).toEqual({ name, ok: true });
      if (!service.build) continue;
      const build = typeof service.build === 'string' ? { context: service.build } : service.build;
      const dockerfile = path.join(ROOT, build.context ?? '.', build.dockerfile ?? 'Dockerfile');
      expect(fs.existsSync(dockerfile)).toBe(true);
      if (build.target) {
        expect(fs.readFileSync(dockerfile, 'utf8')).toMatch(new RegExp(`^FROM .+ AS ${build.target}$`, 'm'));
      }
    }
  });

  it('mounts only files that exist in the repository', () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === 'string' ? volume.split(':')[0]! : (volume.source ?? '');
        if (source.startsWith('.')) expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
      }
    }
  });

  it("passes Accord's services only settings Accord reads", () => {
    const known = accordSettings();
    expect(known.has('ACCORD_JWT_SECRET')).toBe(true);
    expect(known.has('TEMPORAL_ADDRESS')).toBe(true);
    for (const name of ['api', 'worker']) {
      const unknown = envNames(compose.services[name]!).filter((n) => !known.has(n));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
    expect(envNames(compose.services.api!)).toEqual(
      expect.arrayContaining(['ACCORD_JWT_SECRET', 'ACCORD_JWKS_URL']),
    );
  });

  it('registers the namespace and every Accord search attribute with the one-shot script (real server)', async () => {
    const script = path.join(ROOT, 'deploy/temporal/register-accord.sh');
    const listed = [...fs.readFileSync(script, 'utf8').matchAll(/^\s+(Accord\w+)=(\w+)/gm)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(Object.fromEntries(listed)).toEqual(SEARCH_ATTRIBUTE_REGISTRATIONS);

    const namespace = `compose-${randomUUID().slice(0, 8)}`;
    const env = {
      ...process.env,
      PATH: `${path.dirname(e2eEnv().temporalCli)}:${process.env.PATH}`,
      TEMPORAL_ADDRESS: e2eEnv().temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
    };
    const run = () => promisify(execFile)('/bin/sh', [script], { env, timeout: 60_000 });
    expect((await run()).stdout).toContain(`namespace ${namespace} ready`);
    const second = await run(); // idempotent
    expect(second.stdout).toContain('search attribute AccordTitle exists');

    const client = await testClient();
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTE_REGISTRATIONS)),
    );
  });
});
