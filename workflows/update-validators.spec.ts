/**
 * The API's proof on Updates is checked by a validation interceptor (workflows/interceptors.ts), and the
 * SDK runs validation interceptors only for Updates registered with a validator: every Update handler
 * here must have one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('every Update handler has a validator', () => {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.workflow.ts'));

  it.each(files)('%s', (file) => {
    const source = fs.readFileSync(path.join(__dirname, file), 'utf8');
    const calls = source.split(/(?=setHandler\()/).filter((c) => /^setHandler\(\s*\w+Update\b/.test(c));
    const without = calls.filter((c) => !/\bvalidator\b/.test(c)).map((c) => c.slice(0, 60));
    expect(without).toEqual([]);
  });

  it('finds the Update handlers it checks', () => {
    const all = files.map((f) => fs.readFileSync(path.join(__dirname, f), 'utf8')).join('\n');
    expect(all.match(/setHandler\(\s*\w+Update\b/g)?.length).toBeGreaterThanOrEqual(4);
  });
});
