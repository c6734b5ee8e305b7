/**
 * The API's one door to libs/definitions: definitions, initiatives and parameter checks. Nest-injectable so
 * tests and other deployments could swap the catalogue.
 */
import { Injectable } from '@nestjs/common';
import type { ProcessDefinition } from '../../../../libs/contracts/src/definition';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import * as defs from '../../../../libs/definitions/src';
import { titleBook, type TitleBook } from '../../../../libs/definitions/src/view-i18n';

export type Initiative = ReturnType<typeof defs.listInitiatives>[number];

@Injectable()
export class Catalogue {
  /** Definitions never change once loaded: their names per language are worked out once. */
  private readonly books = new Map<string, TitleBook | null>();

  listDefinitions(): ProcessDefinition[] {
    return defs.listDefinitions();
  }

  getDefinition(id: string, version?: number): ProcessDefinition | undefined {
    return defs.getDefinition(id, version) ?? undefined;
  }

  /**
   * The names of a definition version in one language, for views built by the engine (which keeps English).
   * Undefined for a definition outside the catalogue: the view keeps the names it has.
   */
  titleBook(id: string, version: number | undefined, lang: Lang): TitleBook | undefined {
    const key = `${id}@${version ?? 'latest'}/${lang}`;
    let book = this.books.get(key);
    if (book === undefined) {
      const def = this.getDefinition(id, version);
      book = def && (version === undefined || def.version === version) ? titleBook(def, lang) : null;
      if (this.books.size > 1000) this.books.clear();
      this.books.set(key, book);
    }
    return book ?? undefined;
  }

  listDefinitionVersions(id: string): ProcessDefinition[] {
    return defs.listDefinitionVersions(id);
  }

  listInitiatives(): Initiative[] {
    return defs.listInitiatives();
  }

  validateParameters(def: ProcessDefinition, input: unknown) {
    return defs.validateParameters(def, input);
  }
}
