/**
 * `npm run docs:processes`: writes docs/processes/ (one page per definition version, and an index) from the
 * shipped definitions, and removes pages of definitions no longer shipped. See scripts/process-docs.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listDefinitions, listDefinitionVersions } from '../libs/definitions/src';
import { DOCS_DIR, renderAll } from './process-docs';

/** The repository root: the nearest folder above this file holding package.json (works from dist/ too). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export function shippedPages(): Map<string, string> {
  return renderAll(listDefinitions().flatMap((d) => listDefinitionVersions(d.id)));
}

function main(): void {
  const dir = path.join(repoRoot(), DOCS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const pages = shippedPages();
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) fs.rmSync(path.join(dir, f));
  for (const [name, text] of pages) fs.writeFileSync(path.join(dir, name), text);
  process.stdout.write(
    `docs:processes: ${pages.size} pages in ${path.relative(process.cwd(), dir) || dir}\n`,
  );
}

if (require.main === module) main();
