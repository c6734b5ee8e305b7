/**
 * Issue 9 ("no untranslated key ever shows") and issue 10 item 4: every name an official reads — each
 * definition (every version, TypeScript and data files) and its description, its parameters and their enum
 * options, steps, parallel branches and task outputs, each role and its organisation, each initiative and its
 * description, and its pillar — has a French and a Japanese name beside the English one. The test walks the
 * registry the API and the worker load, and lists every name that lacks one, so a definition added without
 * translations fails here rather than in the Japanese console.
 */
import type { ProcessDefinition, StepSpec } from '../../contracts/src/definition';
import type { Translations } from '../../contracts/src/i18n';
import { listDefinitions, listDefinitionVersions, listInitiatives, roles } from './catalogue';
import { PILLAR_TITLES } from './initiatives';

interface Named {
  where: string;
  english: string | undefined;
  titles: Translations | undefined;
}

function definitionNames(def: ProcessDefinition): Named[] {
  const at = `${def.id}@${def.version}`;
  const out: Named[] = [
    { where: at, english: def.title, titles: def.titles },
    { where: `${at} description`, english: def.description, titles: def.descriptions },
  ];
  for (const [name, p] of Object.entries(def.parameters)) {
    // A parameter without a title is shown by its id: that is an untranslated key too.
    out.push({ where: `${at} parameters.${name}`, english: p.title, titles: p.titles });
    // An enum's options are shown in the start form: each needs a name, or the form shows the raw value.
    for (const option of p.options ?? []) {
      const o = p.optionTitles?.[option];
      out.push({ where: `${at} parameters.${name} option ${option}`, english: o?.title, titles: o?.titles });
    }
  }
  const visit = (s: StepSpec, path: string) => {
    out.push({ where: `${at} ${path}`, english: s.title, titles: s.titles });
    if (s.type === 'task')
      for (const [name, o] of Object.entries(s.outputs ?? {}))
        out.push({ where: `${at} ${path}.outputs.${name}`, english: o.title, titles: o.titles });
    if (s.type === 'parallel')
      for (const b of s.branches) {
        out.push({ where: `${at} ${path}/${b.id}`, english: b.title, titles: b.titles });
        for (const inner of b.steps) visit(inner, `${path}/${b.id}/${inner.id}`);
      }
  };
  for (const s of def.steps) visit(s, s.id);
  return out;
}

function missing(names: Named[]): string[] {
  return names.flatMap(({ where, english, titles }) => {
    if (english === undefined) return [`${where}: no title (shown by its id)`];
    const lacking = (['fr', 'ja'] as const).filter((l) => !titles?.[l]?.trim());
    return lacking.length ? [`${where} "${english}": no ${lacking.join(', ')}`] : [];
  });
}

describe('names in English, French and Japanese', () => {
  const definitions = listDefinitions().flatMap((d) => listDefinitionVersions(d.id));

  it('walks every shipped definition, every version', () => {
    // Guards the walk itself: an empty registry would make every check below pass.
    expect(definitions.length).toBeGreaterThanOrEqual(listDefinitions().length);
    expect(definitions.some((d) => d.version > 1)).toBe(true);
  });

  it('names (and describes) every definition, parameter, step, branch and task output in fr and ja', () => {
    expect(missing(definitions.flatMap(definitionNames))).toEqual([]);
  });

  it('names every role and its organisation in fr and ja', () => {
    const names = roles.flatMap((r): Named[] => [
      { where: `role ${r.id}`, english: r.title, titles: r.titles },
      { where: `role ${r.id} org`, english: r.org, titles: r.orgs },
    ]);
    expect(missing(names)).toEqual([]);
  });

  it('names and describes every initiative, and names its pillar, in fr and ja', () => {
    const names = listInitiatives().flatMap((i): Named[] => [
      { where: `initiative ${i.id}`, english: i.title, titles: i.titles },
      { where: `initiative ${i.id} description`, english: i.description, titles: i.descriptions },
      {
        where: `initiative ${i.id} pillar ${i.pillar}`,
        english: i.pillarTitle,
        titles: i.pillarTitles ?? PILLAR_TITLES[i.pillar],
      },
    ]);
    expect(missing(names)).toEqual([]);
  });

  it('names every definition pillar in fr and ja', () => {
    const names = definitions.map((d): Named => ({
      where: `${d.id}@${d.version} roadmap pillar ${d.roadmap.pillar}`,
      english: d.roadmap.pillarTitle,
      titles: d.roadmap.pillarTitles ?? PILLAR_TITLES[d.roadmap.pillar],
    }));
    expect(missing(names)).toEqual([]);
  });
});
