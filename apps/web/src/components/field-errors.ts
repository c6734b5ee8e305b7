import { createElement, Fragment, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { explainFieldProblem } from '../i18n/api-problems';
import { useLocale, useT } from '../i18n/locale';

/**
 * The API's field problems by field path. Validation errors name their field (`comment`, `outputs.signedOn`,
 * `parameters.budget`); the workflow's output check answers INVALID_OUTPUTS with the same paths in details.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const p of error.fieldProblems) out[p.field] ??= p.message;
  return out;
}

/**
 * The field problems in the reader's language: in English the API's own sentence (it says what to do); in
 * another language the console's message for that kind of problem with the value received, and the API's
 * English text beside it (marked lang="en") when the kind is not one the console knows.
 */
export function useFieldErrors(error: unknown): Record<string, ReactNode> {
  const { locale } = useLocale();
  const t = useT();
  const raw = fieldErrorsOf(error);
  if (locale === 'en') return raw;
  const out: Record<string, ReactNode> = {};
  for (const [field, message] of Object.entries(raw)) {
    const e = explainFieldProblem(message);
    const text = [t(e.id, e.values), e.received ? t('problem.received', { value: e.received }) : '']
      .filter(Boolean)
      .join(' ');
    out[field] = e.needsDetail
      ? createElement(
          Fragment,
          null,
          `${text} ${t('problem.detail')} `,
          createElement('span', { lang: 'en' }, message),
        )
      : text;
  }
  return out;
}

/** An error not tied to any field on the form (shown above it). */
export function isFormLevel(error: unknown, fields: string[]): boolean {
  if (!error) return false;
  const byField = fieldErrorsOf(error);
  return !Object.keys(byField).some((f) => fields.includes(f));
}
