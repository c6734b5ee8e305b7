/**
 * The coordinators' board in the language asked: the stuck list's step names and the summary's definition,
 * pillar and initiative names. Counts, ids and the English `detail` sentences stay as they are.
 */
import type { Lang } from '../../../../libs/contracts/src/i18n';
import type { MonitoringSummary } from '../../../../libs/contracts/src/http';
import { allTitles } from '../../../../libs/definitions/src/i18n';
import { PILLAR_TITLES } from '../../../../libs/definitions/src/initiatives';
import type { StuckItem } from '../../../../libs/monitoring/src/types';
import type { Catalogue } from '../definitions/catalogue';

/** Stuck items carry no definition version: the latest version names the step (ids stay across versions). */
export function stuckInLang(items: StuckItem[], catalogue: Catalogue, lang: Lang): StuckItem[] {
  return items.map((i) => {
    const book = i.stepId ? catalogue.titleBook(i.definitionId, undefined, lang) : undefined;
    const title = i.stepId && book?.steps[i.stepId];
    return title ? { ...i, stepTitle: title } : i;
  });
}

export function summaryInLang<S extends MonitoringSummary>(summary: S, catalogue: Catalogue, lang: Lang): S {
  const initiatives = new Map(catalogue.listInitiatives().map((i) => [i.id, i]));
  const definitionTitle = (id: string, fallback: string) =>
    catalogue.titleBook(id, undefined, lang)?.definition ?? fallback;
  return {
    ...summary,
    byDefinition: summary.byDefinition.map((d) => ({
      ...d,
      title: definitionTitle(d.definitionId, d.title),
    })),
    pillars: summary.pillars.map((p) => ({
      ...p,
      pillarTitle: allTitles(p.pillarTitle, PILLAR_TITLES[p.pillar])[lang],
    })),
    initiatives: summary.initiatives.map((r) => {
      const ini = initiatives.get(r.initiativeId);
      return { ...r, title: ini ? allTitles(ini.title, ini.titles)[lang] : r.title };
    }),
  };
}
