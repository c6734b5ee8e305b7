/** The lint rule that keeps workflow code deterministic: no Node builtins, activities as types only, no console. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function lint(file: string, source: string): string[] {
  const eslint = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const res = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: ROOT,
    input: source,
    encoding: 'utf8',
  });
  const [report] = JSON.parse(res.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return report!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('eslint rules for workflows/', () => {
  const forbidden = [
    "import * as fs from 'fs';",
    "import { readFileSync } from 'node:fs';",
    "import { randomUUID } from 'crypto';",
    "import { createActivities } from '../activities';",
    "import { something } from '../activities/notify';",
  ].join('\n');

  it('rejects Node builtins, runtime imports of activities and console in workflow code', () => {
    const messages = lint(
      'workflows/probe.ts',
      `${forbidden}\nconsole.log(fs, readFileSync, randomUUID, createActivities, something);\n`,
    );
    expect(messages.filter((m) => m.startsWith('@typescript-eslint/no-restricted-imports'))).toHaveLength(5);
    expect(messages.some((m) => m.startsWith('no-console'))).toBe(true);
  });

  it('allows type-only imports of activities in workflow code', () => {
    const messages = lint(
      'workflows/probe.ts',
      "import type { Activities } from '../activities';\nexport type A = Activities;\n",
    );
    expect(messages).toEqual([]);
  });

  it('does not restrict the same imports outside workflows/', () => {
    const messages = lint('activities/probe.ts', "import * as fs from 'node:fs';\nexport const f = fs;\n");
    expect(messages).toEqual([]);
  });
});
