import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { shippedDataDir } from './catalogue';
import { loadDefinitionsFromDir, parseDefinitionText, validateDefinitionFile } from './load';
import { agreementEntryIntoForce } from './shipped/agreement-entry-into-force';

describe('definitions as data (JSON / YAML)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'defs-'));

  it('loads the shipped data definitions with the same validator', () => {
    const ids = loadDefinitionsFromDir(shippedDataDir()).map((d) => d.id);
    expect(ids).toEqual([
      'dialogue-modernisation',
      'exercise-participation',
      'moc-implementation',
      'policy-dialogue',
      'search-and-rescue-cooperation',
    ]);
  });

  it('round-trips a TypeScript definition through YAML and JSON', () => {
    const y = path.join(dir, 'aeif.yaml');
    fs.writeFileSync(y, stringify(agreementEntryIntoForce));
    expect(validateDefinitionFile(y)).toEqual(agreementEntryIntoForce);
    const j = path.join(dir, 'aeif.json');
    fs.writeFileSync(j, JSON.stringify(agreementEntryIntoForce));
    expect(validateDefinitionFile(j)).toEqual(agreementEntryIntoForce);
  });

  it('names the definition and the field of a bad YAML definition', () => {
    const bad = stringify({
      ...agreementEntryIntoForce,
      initiatorRoles: ['jp-officer', 'ca-prime-minister'],
    });
    expect(() => parseDefinitionText(bad, 'x.yaml')).toThrow(
      'agreement-entry-into-force@1: initiatorRoles[1]: unknown role "ca-prime-minister"',
    );
  });

  it('names the file when it cannot be parsed or read', () => {
    const f = path.join(dir, 'broken.json');
    fs.writeFileSync(f, '{ "id": ');
    expect(() => validateDefinitionFile(f)).toThrow(/^broken\.json: cannot be parsed: /);
    expect(() => validateDefinitionFile(path.join(dir, 'missing.yaml'))).toThrow(
      /^missing\.yaml: cannot be read: /,
    );
    expect(() => parseDefinitionText('a: [', 'y.yml')).toThrow(/^y\.yml: cannot be parsed: /);
  });

  it('accepts the example of the README', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1];
    const def = parseDefinitionText(yaml, 'README.md example.yaml');
    expect(def.steps.map((s) => s.id)).toEqual(['draft', 'approval', 'cooling-off']);
  });
});
