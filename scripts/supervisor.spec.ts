import { exitCodeOf, prefixLines, spawnPart, stopPart } from './supervisor';

describe('supervisor', () => {
  it('prefixes whole lines, keeping a partial line until it ends', () => {
    const out: string[] = [];
    const write = prefixLines('api', (s) => out.push(s));
    write(Buffer.from('one\ntw'));
    write(Buffer.from('o\n'));
    expect(out).toEqual(['[api] one\n', '[api] two\n']);
  });

  it('maps signals to shell-style exit codes', () => {
    expect(exitCodeOf(3, null)).toBe(3);
    expect(exitCodeOf(null, 'SIGKILL')).toBe(137);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
  });

  it('stops a part that ignores SIGTERM with SIGKILL after the timeout', async () => {
    const part = spawnPart(
      'stubborn',
      process.execPath,
      ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('up')"],
      process.env,
    );
    await new Promise((r) => part.process.stdout!.once('data', r));
    const started = Date.now();
    await stopPart(part, 300);
    expect(await part.exited).toBe(137);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
