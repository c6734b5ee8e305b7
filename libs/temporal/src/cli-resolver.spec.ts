import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cachedCliPath,
  cliCacheRoot,
  resolveLocalCli,
  resolveTemporalCli,
  TemporalCliNotFoundError,
} from './cli-resolver';

function fakeExecutable(file: string, mode = 0o755): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

describe('Temporal CLI resolution order', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-resolver-'));
    env = {
      HOME: path.join(root, 'home'),
      XDG_CACHE_HOME: path.join(root, 'cache'),
      PATH: path.join(root, 'bin'),
    };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('uses the cache under XDG_CACHE_HOME, per version', () => {
    expect(cliCacheRoot(env)).toBe(path.join(root, 'cache', 'accord', 'temporal-cli'));
    expect(cachedCliPath('1.5.1', env)).toBe(
      path.join(root, 'cache', 'accord', 'temporal-cli', '1.5.1', 'temporal'),
    );
    expect(cliCacheRoot({ HOME: '/home/x' })).toBe('/home/x/.cache/accord/temporal-cli');
  });

  it('prefers ACCORD_TEMPORAL_CLI, then PATH, then the cache', () => {
    const cached = fakeExecutable(cachedCliPath('1.5.1', env));
    expect(resolveLocalCli('1.5.1', env)).toEqual({ path: cached, source: 'cache', version: '1.5.1' });
    expect(resolveLocalCli('9.9.9', env)).toBeUndefined();

    const onPath = fakeExecutable(path.join(root, 'bin', 'temporal'));
    expect(resolveLocalCli('1.5.1', env)?.source).toBe('path');
    expect(resolveLocalCli('1.5.1', env)?.path).toBe(onPath);

    const explicit = fakeExecutable(path.join(root, 'custom', 'my-temporal'));
    expect(resolveLocalCli('1.5.1', { ...env, ACCORD_TEMPORAL_CLI: explicit })).toEqual({
      path: explicit,
      source: 'env',
      version: '1.5.1',
    });
  });

  it('rejects an ACCORD_TEMPORAL_CLI that is missing or not executable', () => {
    fakeExecutable(path.join(root, 'bin', 'temporal'));
    expect(() => resolveLocalCli('1.5.1', { ...env, ACCORD_TEMPORAL_CLI: path.join(root, 'nope') })).toThrow(
      /ACCORD_TEMPORAL_CLI .* not an executable/,
    );
    const notExec = fakeExecutable(path.join(root, 'plain'), 0o644);
    expect(() => resolveLocalCli('1.5.1', { ...env, ACCORD_TEMPORAL_CLI: notExec })).toThrow(
      TemporalCliNotFoundError,
    );
  });

  it('ignores a non-executable file on PATH', () => {
    fakeExecutable(path.join(root, 'bin', 'temporal'), 0o644);
    expect(resolveLocalCli('1.5.1', env)).toBeUndefined();
  });

  it('builds with go into the versioned cache when nothing is found, streaming progress', async () => {
    // A fake `go` that records its arguments and environment and "builds" the binary into GOBIN.
    const record = path.join(root, 'go-call.txt');
    fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'bin', 'go'),
      `#!/bin/sh\necho "$@" > ${record}\necho "CGO_ENABLED=$CGO_ENABLED GOBIN=$GOBIN" >> ${record}\n` +
        'echo "github.com/temporalio/cli/cmd/temporal" >&2\nprintf "#!/bin/sh\\n" > "$GOBIN/temporal"\nchmod +x "$GOBIN/temporal"\n',
    );
    fs.chmodSync(path.join(root, 'bin', 'go'), 0o755);
    const lines: string[] = [];
    const resolved = await resolveTemporalCli({
      version: '1.5.1',
      env: { ...env, PATH: `${env.PATH}:/usr/bin:/bin` },
      log: (l) => lines.push(l),
      allowDownload: false,
    });
    expect(resolved).toEqual({ path: cachedCliPath('1.5.1', env), source: 'go-install', version: '1.5.1' });
    const call = fs.readFileSync(record, 'utf8');
    expect(call).toContain('install');
    expect(call).toContain('-X github.com/temporalio/cli/temporalcli.Version=1.5.1');
    expect(call).toContain('github.com/temporalio/cli/cmd/temporal@v1.5.1');
    expect(call).toContain(`CGO_ENABLED=0 GOBIN=${path.dirname(cachedCliPath('1.5.1', env))}`);
    expect(lines.join('\n')).toMatch(/building the Temporal CLI 1\.5\.1/);
    expect(lines.join('\n')).toMatch(/go: github.com\/temporalio\/cli\/cmd\/temporal/);
  });

  it('fails with one error that says what to do when nothing works', async () => {
    await expect(
      resolveTemporalCli({ version: '1.5.1', env, log: () => {}, allowDownload: false }),
    ).rejects.toThrow(/Go is not installed.*Install Go.*ACCORD_TEMPORAL_CLI/s);
  });
});
