import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProcessDefinition, StepSpec } from '../../contracts/src/definition';
import {
  createRegistry,
  getDefinition,
  getInitiative,
  listDefinitions,
  listDefinitionVersions,
  listInitiatives,
  roles,
} from './catalogue';
import { localizeDefinition, localizeInitiative, localizeRole } from './i18n';
import { INITIATIVES } from './initiatives';
import { getRole } from './roles';
import { DefinitionError, flatten, validateParameters } from './validate';

const allSteps = (d: ProcessDefinition): StepSpec[] => d.steps.flatMap(flatten);

describe('registry', () => {
  it('lists the three roadmap processes and the processes added as data', () => {
    expect(listDefinitions().map((d) => `${d.id}@${d.version}`)).toEqual([
      'agreement-entry-into-force@2',
      'dialogue-modernisation@1',
      'exercise-participation@1',
      'implementing-arrangement@2',
      'moc-implementation@1',
      'policy-dialogue@1',
      'search-and-rescue-cooperation@1',
      'trade-mission@2',
    ]);
    expect(getDefinition('policy-dialogue')?.steps.length).toBeGreaterThan(3);
    // Version 1 stays shipped for the processes started on it; new processes get version 2.
    expect(getDefinition('agreement-entry-into-force', 2)).toBe(getDefinition('agreement-entry-into-force'));
    expect(listDefinitionVersions('agreement-entry-into-force').map((d) => d.version)).toEqual([1, 2]);
    expect(getDefinition('agreement-entry-into-force', 3)).toBeUndefined();
    expect(getDefinition('nope')).toBeUndefined();
    expect(listDefinitionVersions('trade-mission').map((d) => d.version)).toEqual([1, 2]);
  });

  it('starts every definition from a title alone (every parameter has a default)', () => {
    for (const d of listDefinitions()) {
      expect([d.id, validateParameters(d, {}).ok]).toEqual([d.id, true]);
      for (const [name, spec] of Object.entries(d.parameters))
        expect([d.id, name, 'default' in spec]).toEqual([d.id, name, true]);
    }
  });

  it('gives every approval and task step a typical duration (for forecasts)', () => {
    for (const d of listDefinitions()) {
      for (const s of allSteps(d)) {
        if (s.type === 'approval' || s.type === 'task')
          expect([d.id, s.id, !!s.typically]).toEqual([d.id, s.id, true]);
      }
    }
  });

  it('maps every initiative to a definition, with parameters that fit it', () => {
    const ids = listInitiatives().map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'etta',
        'mlat',
        'sia-implementing-arrangement',
        'team-canada-trade-mission',
        'keidanren-return-visit',
        'cyber-policy-dialogue',
        'economic-security-dialogue',
      ]),
    );
    for (const ini of listInitiatives()) {
      const def = getDefinition(ini.definitionId)!;
      expect(def).toBeDefined();
      expect(validateParameters(def, ini.defaultParameters).ok).toBe(true);
      expect(ini.pillar).toMatch(/^[1-6]$/);
    }
    expect(getInitiative('etta')?.defaultParameters.signedOn).toBe('2026-01-27');
    expect(getInitiative('mlat')?.defaultParameters.signedOn).toBe('2025-12-12');
  });

  it('quotes the roadmap text verbatim', () => {
    const text = fs.readFileSync(
      // The roadmap text is kept in the repository (docs/roadmap) so the check runs from any clone.
      path.resolve(__dirname, '../../../docs/roadmap/japan-canada-comprehensive-strategic-roadmap.txt'),
      'utf8',
    );
    for (const ini of INITIATIVES) {
      if (!ini.roadmapQuote || ini.roadmapQuote.includes('...')) continue;
      expect([ini.id, text.includes(ini.roadmapQuote)]).toEqual([ini.id, true]);
    }
  });

  it('exposes the roles catalogue, each role in one party (coordinator in both)', () => {
    expect(roles.find((r) => r.id === 'coordinator')?.party).toBeNull();
    expect(getRole('jp-clb-examiner')?.party).toBe('JP');
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
  });

  it('uses, per definition, only roles from the catalogue', () => {
    for (const d of listDefinitions()) {
      for (const s of allSteps(d)) {
        if (s.type !== 'approval' && s.type !== 'task') continue;
        for (const [party, a] of Object.entries(s.parties))
          for (const r of a!.roles) expect(getRole(r)?.party).toBe(party);
      }
    }
  });
});

describe('createRegistry', () => {
  const aeif = getDefinition('agreement-entry-into-force', 1)!;
  it('refuses an initiative whose parameters do not fit its definition', () => {
    const bad = { ...INITIATIVES[0], id: 'bad', defaultParameters: { entryIntoForceRule: 'someday' } };
    expect(() => createRegistry({ definitions: [aeif], initiatives: [bad] })).toThrow(
      'initiative bad: defaultParameters.entryIntoForceRule: must be one of on-signature, days-after-last-notification, first-day-of-month-after, got "someday"',
    );
    expect(() =>
      createRegistry({ definitions: [aeif], initiatives: [{ ...bad, definitionId: 'ghost' }] }),
    ).toThrow('initiative bad: definitionId: unknown definition "ghost"');
  });
  it('refuses a version defined twice and keeps versions apart', () => {
    expect(() => createRegistry({ definitions: [aeif, aeif], initiatives: [] })).toThrow(
      'agreement-entry-into-force@1: version: defined twice',
    );
    const r = createRegistry({ definitions: [{ ...aeif, version: 2, title: 'v2' }, aeif], initiatives: [] });
    expect(r.getDefinition(aeif.id)?.title).toBe('v2');
    expect(r.getDefinition(aeif.id, 1)?.title).toBe(aeif.title);
    expect(r.listDefinitionVersions(aeif.id).map((d) => d.version)).toEqual([1, 2]);
  });
});

describe('validation at module load', () => {
  it('fails fast, naming the definition and the field, when an operator definition is broken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'defs-'));
    fs.writeFileSync(
      path.join(dir, 'broken.yaml'),
      [
        'id: broken-process',
        'version: 3',
        'title: Broken',
        'description: x',
        'roadmap: { pillar: "6", pillarTitle: People }',
        'parties: [JP]',
        'initiatorRoles: [jp-officer]',
        'parameters: {}',
        'steps:',
        '  - { id: a, type: approval, title: A, parties: { JP: { roles: [jp-officer], rule: { quorum: 0 } } } }',
      ].join('\n'),
    );
    const before = process.env.ACCORD_DEFINITIONS_DIR;
    process.env.ACCORD_DEFINITIONS_DIR = dir;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module load is what is tested
        expect(() => require('./catalogue')).toThrow(
          'broken-process@3: steps[0].parties.JP.rule: quorum must be an integer ≥ 1',
        );
      });
      let thrown: unknown;
      jest.isolateModules(() => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-require-imports
          require('./catalogue');
        } catch (e) {
          thrown = e;
        }
      });
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as DefinitionError).name).toBe('DefinitionError');
    } finally {
      if (before === undefined) delete process.env.ACCORD_DEFINITIONS_DIR;
      else process.env.ACCORD_DEFINITIONS_DIR = before;
    }
  });
});

describe('shipped definitions', () => {
  it('describe every step', () => {
    for (const d of listDefinitions())
      for (const s of allSteps(d)) expect([d.id, s.id, !!s.description]).toEqual([d.id, s.id, true]);
  });
});

describe('names in English, French and Japanese', () => {
  const missing = (what: string, t: { fr?: string; ja?: string } | undefined) =>
    ['fr', 'ja'].filter((l) => !t?.[l as 'fr' | 'ja']?.trim()).map((l) => `${what} (${l})`);

  it('names every definition version, step and branch, every role and organisation and every initiative', () => {
    const problems: string[] = [];
    for (const d of listDefinitions().flatMap((x) => listDefinitionVersions(x.id))) {
      const ref = `${d.id}@${d.version}`;
      problems.push(...missing(ref, d.titles));
      for (const s of allSteps(d)) {
        problems.push(...missing(`${ref} ${s.id}`, s.titles));
        if (s.type === 'parallel')
          for (const b of s.branches) problems.push(...missing(`${ref} ${b.id}`, b.titles));
      }
    }
    for (const r of roles)
      problems.push(...missing(`role ${r.id}`, r.titles), ...missing(`org of ${r.id}`, r.orgs));
    for (const i of listInitiatives()) problems.push(...missing(`initiative ${i.id}`, i.titles));
    expect(problems).toEqual([]);
  });

  it('localizes with an English fallback per field, never an id', () => {
    const v2 = getDefinition('agreement-entry-into-force')!;
    const ja = localizeDefinition(v2, 'ja');
    expect(ja).toMatchObject({ title: '協定の締結及び発効の手続', lang: 'ja' });
    expect(ja.titles).toEqual({
      en: 'Bringing an agreement into force',
      fr: "Entrée en vigueur d'un accord",
      ja: '協定の締結及び発効の手続',
    });
    // Parameters, their enum options and task outputs come back in the language asked too (the start form).
    expect(ja.parameters.leadDepartmentJP).toMatchObject({
      title: '主管省庁（日本）',
      optionTitles: { mod: { title: '防衛省', titles: { en: 'Ministry of Defense', ja: '防衛省' } } },
    });
    expect(localizeDefinition(v2, 'fr').parameters.leadDepartmentCA).toMatchObject({
      optionTitles: { gac: { title: 'Affaires mondiales Canada' } },
    });
    const untranslated = { ...v2, titles: undefined, steps: v2.steps.slice(0, 1) };
    expect(localizeDefinition(untranslated, 'fr').title).toBe('Bringing an agreement into force');
    expect(localizeInitiative(getInitiative('mlat')!, 'ja').title).toBe(
      '刑事に関する共助に関する日本国とカナダとの間の条約',
    );
    expect(localizeRole(getRole('jp-clb-examiner')!, 'ja').org).toBe('内閣法制局');
  });

  it('describes definitions and initiatives in the language asked, English per field where one is missing', () => {
    const v2 = getDefinition('agreement-entry-into-force')!;
    const ja = localizeDefinition(v2, 'ja');
    expect(ja.description).toBe(v2.descriptions!.ja);
    expect(ja.description).toMatch(/^交渉権限の付与から効力発生/);
    expect(ja.descriptions).toEqual({ en: v2.description, fr: v2.descriptions!.fr, ja: v2.descriptions!.ja });
    expect(localizeDefinition(v2, 'fr').description).toMatch(/^Du mandat à l'entrée en vigueur/);
    expect(localizeDefinition(v2, 'en').description).toBe(v2.description);
    // Only the Japanese description missing: French stays French, Japanese falls back to English.
    const partly = { ...v2, descriptions: { fr: v2.descriptions!.fr } };
    expect(localizeDefinition(partly, 'ja')).toMatchObject({
      title: '協定の締結及び発効の手続',
      description: v2.description,
    });
    expect(localizeDefinition(partly, 'fr').description).toBe(v2.descriptions!.fr);
    const mlat = getInitiative('mlat')!;
    expect(localizeInitiative(mlat, 'fr')).toMatchObject({
      title: "Traité d'entraide judiciaire en matière pénale entre le Canada et le Japon",
      description: mlat.descriptions!.fr,
    });
    expect(localizeInitiative({ ...mlat, descriptions: undefined }, 'ja')).toMatchObject({
      title: '刑事に関する共助に関する日本国とカナダとの間の条約',
      description: mlat.description,
      descriptions: { en: mlat.description, fr: mlat.description, ja: mlat.description },
    });
  });
});
