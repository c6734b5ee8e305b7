import * as fs from 'node:fs';
import * as path from 'node:path';
import { agreementEntryIntoForceV2 } from '../libs/definitions/src';
import { repoRoot, shippedPages } from './docs-processes';
import { conditionText, DOCS_DIR, mermaid, renderPage } from './process-docs';

describe('docs/processes', () => {
  it('is up to date with the definitions (run `npm run docs:processes` after changing one)', () => {
    const dir = path.join(repoRoot(), DOCS_DIR);
    const pages = shippedPages();
    const committed = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.md'))
          .sort()
      : [];
    expect(committed).toEqual([...pages.keys()].sort());
    for (const [name, text] of pages)
      expect([name, fs.readFileSync(path.join(dir, name), 'utf8')]).toEqual([name, text]);
  });

  it('shows each step with its names, authority, legal basis and sources, and a diagram with the parallel blocks', () => {
    const page = renderPage(agreementEntryIntoForceV2, [1, 2]);
    expect(page).toContain('# Bringing an agreement into force (`agreement-entry-into-force`, version 2)');
    expect(page).toContain('[version 1](agreement-entry-into-force-v1.md)');
    expect(page).toMatch(
      /`jp-cabinet-decision-conclusion` \| task \| \*\*Cabinet decision to conclude\*\*<br>Décision du Cabinet de conclure<br>締結の閣議決定 \| always \|/,
    );
    expect(page).toContain('Constitution of Japan, art. 61 applying art. 60(2)');
    expect(page).toContain('waits 30 diet days (JP) from `jp-representatives.receivedByCouncillorsOn`');
    expect(page).toContain('(https://laws-lois.justice.gc.ca/eng/acts/M-13.6/page-1.html)');
    const diagram = mermaid(agreementEntryIntoForceV2);
    expect(diagram).toContain('domestic_procedures_fork');
    expect(diagram).toContain('subgraph jp_domestic');
    // Each side's branch ends in its own notification (or its instrument), then the join.
    expect(diagram).toContain('jp_cabinet_decision_conclusion --> jp_note');
    expect(diagram).toContain('jp_instrument_of_ratification --> domestic_procedures_join');
    expect(diagram).toContain('ca_instrument_of_ratification --> domestic_procedures_join');
  });

  it('writes conditions as officials read them', () => {
    expect(conditionText({ not: { param: 'signedOn', truthy: true } })).toBe('not `signedOn`');
    expect(
      conditionText({ all: [{ param: 'a', equals: 'x' }, { any: [{ param: 'b' }, { output: 's.o' }] }] }),
    ).toBe('`a` = "x" and (`b` or `s.o` recorded)');
  });
});
