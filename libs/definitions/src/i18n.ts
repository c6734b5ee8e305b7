/**
 * Names in the language asked. Definitions, roles and initiatives are written in English (`title`) with the
 * French and Japanese names beside it (`titles: { fr, ja }`); so are the descriptions of definitions and
 * initiatives (`description`, `descriptions: { fr, ja }`). A localized copy keeps the shape additive:
 * `title` (and `org`, `pillarTitle`) in the language asked, plus `titles` (`orgs`, `pillarTitles`) with all
 * three languages. A missing name falls back to English for that field only — never to an id.
 */
import type {
  BranchSpec,
  OutputSpec,
  ParameterSpec,
  ProcessDefinition,
  StepSpec,
} from '../../contracts/src/definition';
import {
  DEFAULT_LANG,
  LANGS,
  type Lang,
  type LocalizedTitles,
  type Translations,
} from '../../contracts/src/i18n';
import type { RoleListing } from '../../contracts/src/roles';
import { PILLAR_TITLES, type Initiative } from './initiatives';
import type { Role } from './roles';

/** `lang` when it is one of en, fr, ja; otherwise undefined. */
export function asLang(value: unknown): Lang | undefined {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
    ? (value as Lang)
    : undefined;
}

/** Every language of one name: the English text where a translation is missing. */
export function allTitles(en: string, t: Translations | undefined): LocalizedTitles {
  return { en, fr: t?.fr ?? en, ja: t?.ja ?? en };
}

function named<T extends { title?: string; titles?: Translations }>(o: T, lang: Lang) {
  if (o.title === undefined) return { ...o };
  const titles = allTitles(o.title, o.titles);
  return { ...o, title: titles[lang], titles };
}

function localizeOutputs(outputs: Record<string, OutputSpec> | undefined, lang: Lang) {
  if (!outputs) return undefined;
  return Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, named(o, lang)]));
}

function localizeStep(step: StepSpec, lang: Lang): unknown {
  if (step.type === 'parallel') {
    return {
      ...named(step, lang),
      branches: step.branches.map((b: BranchSpec) => ({
        ...named(b, lang),
        steps: b.steps.map((s) => localizeStep(s, lang)),
      })),
    };
  }
  if (step.type === 'task') return { ...named(step, lang), outputs: localizeOutputs(step.outputs, lang) };
  return named(step, lang);
}

function localizeParameter(p: ParameterSpec, lang: Lang) {
  if (!p.optionTitles) return named(p, lang);
  const optionTitles = Object.fromEntries(
    Object.entries(p.optionTitles).map(([option, o]) => [option, named(o, lang)]),
  );
  return { ...named(p, lang), optionTitles };
}

/** A definition with every name in `lang` (and `titles` in all three). The engine never sees this copy. */
export function localizeDefinition(def: ProcessDefinition, lang: Lang = DEFAULT_LANG) {
  const pillarTitles = allTitles(
    def.roadmap.pillarTitle,
    def.roadmap.pillarTitles ?? PILLAR_TITLES[def.roadmap.pillar],
  );
  const descriptions = allTitles(def.description, def.descriptions);
  return {
    ...named(def, lang),
    lang,
    description: descriptions[lang],
    descriptions,
    roadmap: { ...def.roadmap, pillarTitle: pillarTitles[lang], pillarTitles },
    parameters: Object.fromEntries(
      Object.entries(def.parameters).map(([k, p]: [string, ParameterSpec]) => [
        k,
        localizeParameter(p, lang),
      ]),
    ),
    steps: def.steps.map((s) => localizeStep(s, lang)),
  };
}

/** A role as GET /roles answers it: title and organisation in `lang`, with every language beside them. */
export function localizeRole(role: Role, lang: Lang = DEFAULT_LANG): RoleListing {
  const titles = allTitles(role.title, role.titles);
  const orgs = allTitles(role.org, role.orgs);
  return { id: role.id, party: role.party, title: titles[lang], titles, org: orgs[lang], orgs };
}

export function localizeInitiative(ini: Initiative, lang: Lang = DEFAULT_LANG) {
  const pillarTitles = allTitles(ini.pillarTitle, ini.pillarTitles ?? PILLAR_TITLES[ini.pillar]);
  const descriptions = allTitles(ini.description, ini.descriptions);
  return {
    ...named(ini, lang),
    description: descriptions[lang],
    descriptions,
    pillarTitle: pillarTitles[lang],
    pillarTitles,
  };
}

/** The id → name of every step and branch of a definition, in one language (for views built elsewhere). */
export function stepTitles(def: ProcessDefinition, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (s: StepSpec) => {
    out[s.id] = allTitles(s.title, s.titles)[lang];
    if (s.type === 'parallel')
      for (const b of s.branches) {
        out[b.id] = allTitles(b.title, b.titles)[lang];
        b.steps.forEach(visit);
      }
  };
  def.steps.forEach(visit);
  return out;
}
