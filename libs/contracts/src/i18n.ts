/**
 * Names in the three languages of the roadmap's readers. Definitions, roles and initiatives are written in
 * English (`title`) and carry the French and Japanese names beside it (`titles: { fr, ja }`); the API answers
 * in the language asked, falling back to English per field (never to an id). Types only: the workflow
 * bundle may import this file.
 */
export type Lang = 'en' | 'fr' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'fr', 'ja'];
export const DEFAULT_LANG: Lang = 'en';

/** The names beside the English one, in a definition, a role or an initiative (each optional). */
export type Translations = Partial<Record<Exclude<Lang, 'en'>, string>>;

/** What the API answers for a named thing: every language, English filled in where a name is missing. */
export type LocalizedTitles = Record<Lang, string>;

/** A public source a step or a definition relies on (statute, policy, official page). */
export interface SourceRef {
  title: string;
  url: string;
  /**
   * The address could not be confirmed with the search tools available when it was written (issue 10): check
   * it before relying on it. Absent when the address was found.
   */
  unverified?: true;
}

/** The fields the API adds to a named thing: `title` in the language asked, `titles` in all three. */
export interface Localized {
  title: string;
  titles: LocalizedTitles;
  /** The language the response was written in. */
  lang?: Lang;
}
