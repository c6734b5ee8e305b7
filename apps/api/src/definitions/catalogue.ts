/**
 * The API's one door to libs/definitions: definitions, initiatives and parameter checks. Nest-injectable so
 * tests and other deployments could swap the catalogue.
 */
import { Injectable } from '@nestjs/common';
import type { ProcessDefinition } from '../../../../libs/contracts/src/definition';
import * as defs from '../../../../libs/definitions/src';

export type Initiative = ReturnType<typeof defs.listInitiatives>[number];

@Injectable()
export class Catalogue {
  listDefinitions(): ProcessDefinition[] {
    return defs.listDefinitions();
  }

  getDefinition(id: string, version?: number): ProcessDefinition | undefined {
    return defs.getDefinition(id, version) ?? undefined;
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
