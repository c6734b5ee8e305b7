/**
 * The engine's views with their names in the language asked. The workflow keeps the definition's English
 * titles in its state (the engine never sees translations); the API swaps in the names of the language
 * asked on the way out — step and branch titles, task outputs' titles, the definition's title — from the
 * definition the process runs. A step the definition does not name keeps the title it has. Pure.
 */
import type { ProcessDefinition, StepSpec } from '../../contracts/src/definition';
import type { Lang } from '../../contracts/src/i18n';
import type { InboxItem, InboxWithdrawnNotice } from '../../contracts/src/http';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { allTitles, stepTitles } from './i18n';

/** Every name of one definition in one language. */
export interface TitleBook {
  lang: Lang;
  definition: string;
  /** Step and branch id → title. */
  steps: Record<string, string>;
  /** Task step id → output name → title. */
  outputs: Record<string, Record<string, string>>;
}

export function titleBook(def: ProcessDefinition, lang: Lang): TitleBook {
  const outputs: TitleBook['outputs'] = {};
  const visit = (s: StepSpec) => {
    if (s.type === 'task' && s.outputs) {
      outputs[s.id] = Object.fromEntries(
        Object.entries(s.outputs).map(([name, o]) => [name, allTitles(o.title ?? name, o.titles)[lang]]),
      );
    }
    if (s.type === 'parallel') for (const b of s.branches) b.steps.forEach(visit);
  };
  def.steps.forEach(visit);
  return {
    lang,
    definition: allTitles(def.title, def.titles)[lang],
    steps: stepTitles(def, lang),
    outputs,
  };
}

const stepTitle = (book: TitleBook, id: string, fallback: string) => book.steps[id] ?? fallback;

export function localizeStepView<S extends StepView>(step: S, book: TitleBook): S {
  const outputTitles = book.outputs[step.id];
  const change = step.latestChangeRequest;
  return {
    ...step,
    title: stepTitle(book, step.id, step.title),
    ...(step.outputsAsked && outputTitles
      ? { outputsAsked: step.outputsAsked.map((o) => ({ ...o, title: outputTitles[o.name] ?? o.title })) }
      : {}),
    ...(change
      ? {
          latestChangeRequest: {
            ...change,
            fromStepTitle: stepTitle(book, change.fromStepId, change.fromStepTitle),
          },
        }
      : {}),
  };
}

export function localizeProcessView<V extends ProcessView>(view: V, book: TitleBook): V {
  return {
    ...view,
    definitionTitle: book.definition,
    steps: view.steps.map((s) => localizeStepView(s, book)),
  };
}

/** Rows named by a step (a forecast's basis, a stuck process): the step's title in the book's language. */
export function localizeTitled<T extends { stepId: string; title: string }>(rows: T[], book: TitleBook): T[] {
  return rows.map((r) => ({ ...r, title: stepTitle(book, r.stepId, r.title) }));
}

export function localizeWithdrawnNotice(n: InboxWithdrawnNotice, book: TitleBook): InboxWithdrawnNotice {
  const change = n.changeRequest;
  return {
    ...n,
    stepTitle: stepTitle(book, n.stepId, n.stepTitle),
    changeRequest: { ...change, fromStepTitle: stepTitle(book, change.fromStepId, change.fromStepTitle) },
  };
}

export function localizeInboxItem(item: InboxItem, book: TitleBook): InboxItem {
  const outputTitles = book.outputs[item.stepId];
  return {
    ...item,
    definitionTitle: book.definition,
    stepTitle: stepTitle(book, item.stepId, item.stepTitle),
    asked: outputTitles
      ? {
          ...item.asked,
          outputs: item.asked.outputs.map((o) => ({ ...o, title: outputTitles[o.name] ?? o.title })),
        }
      : item.asked,
    latestChangeRequest: item.latestChangeRequest && {
      ...item.latestChangeRequest,
      fromStepTitle: stepTitle(
        book,
        item.latestChangeRequest.fromStepId,
        item.latestChangeRequest.fromStepTitle,
      ),
    },
    references: item.references.map((r) => ({ ...r, stepTitle: stepTitle(book, r.stepId, r.stepTitle) })),
  };
}
