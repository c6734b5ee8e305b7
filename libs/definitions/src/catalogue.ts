/**
 * The registry of process definitions and the catalogue of roadmap initiatives. Everything is validated when
 * this module loads: a broken definition (TypeScript or data file) or an initiative whose parameters do not fit
 * its definition stops the API and the worker at start with a message naming the definition and the field.
 *
 * Definitions come from: the TypeScript definitions in shipped/, the data files (*.json, *.yaml) in shipped/,
 * and, for operators, the data files in the directory named by ACCORD_DEFINITIONS_DIR (optional).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProcessDefinition } from '../../contracts/src/definition';
import { INITIATIVES, type Initiative } from './initiatives';
import { DEFINITION_FILE_EXTENSIONS, loadDefinitionsFromDir } from './load';
import { ROLES, type Role } from './roles';
import { agreementEntryIntoForce } from './shipped/agreement-entry-into-force';
import { agreementEntryIntoForceV2 } from './shipped/agreement-entry-into-force-v2';
import { implementingArrangement } from './shipped/implementing-arrangement';
import { implementingArrangementV2 } from './shipped/implementing-arrangement-v2';
import { tradeMission } from './shipped/trade-mission';
import { tradeMissionV2 } from './shipped/trade-mission-v2';
import { assertValidDefinition, DefinitionError, validateParameters, type FieldError } from './validate';

export type { Initiative } from './initiatives';
export type { Role } from './roles';

export const SHIPPED_TS_DEFINITIONS: readonly ProcessDefinition[] = [
  agreementEntryIntoForce,
  agreementEntryIntoForceV2,
  implementingArrangement,
  implementingArrangementV2,
  tradeMission,
  tradeMissionV2,
];

/**
 * The folder of the shipped data definitions. tsc does not copy .json/.yaml to dist, so a built copy falls back
 * to the source folder (dist/libs/definitions/src → libs/definitions/src/shipped).
 */
export function shippedDataDir(): string {
  const hasData = (d: string) =>
    fs.existsSync(d) &&
    fs.readdirSync(d).some((f) => DEFINITION_FILE_EXTENSIONS.includes(path.extname(f).toLowerCase()));
  const candidates = [
    path.join(__dirname, 'shipped'),
    path.resolve(__dirname, '..', '..', '..', '..', 'libs', 'definitions', 'src', 'shipped'),
    path.resolve(process.cwd(), 'libs', 'definitions', 'src', 'shipped'),
  ];
  const found = candidates.find(hasData);
  if (!found) throw new Error(`shipped definition files not found (looked in ${candidates.join(', ')})`);
  return found;
}

export interface DefinitionRegistry {
  /** The latest version of every definition, sorted by id. */
  listDefinitions(): ProcessDefinition[];
  /** Every version of one definition, oldest first. */
  listDefinitionVersions(id: string): ProcessDefinition[];
  /** A version, or the latest when omitted; undefined when unknown. */
  getDefinition(id: string, version?: number): ProcessDefinition | undefined;
  listInitiatives(): Initiative[];
  getInitiative(id: string): Initiative | undefined;
  roles: readonly Role[];
}

export interface RegistrySources {
  definitions: readonly ProcessDefinition[];
  initiatives: readonly Initiative[];
}

/** Builds (and validates) a registry; throws DefinitionError on the first broken definition or initiative. */
export function createRegistry(sources: RegistrySources): DefinitionRegistry {
  const byId = new Map<string, ProcessDefinition[]>();
  for (const raw of sources.definitions) {
    const def = assertValidDefinition(raw);
    const versions = byId.get(def.id) ?? [];
    if (versions.some((v) => v.version === def.version)) {
      throw new DefinitionError(`${def.id}@${def.version}`, [{ field: 'version', message: 'defined twice' }]);
    }
    versions.push(def);
    versions.sort((a, b) => a.version - b.version);
    byId.set(def.id, versions);
  }
  const initiatives = new Map<string, Initiative>();
  for (const ini of sources.initiatives) {
    const ref = `initiative ${ini.id}`;
    if (initiatives.has(ini.id)) throw new DefinitionError(ref, [{ field: 'id', message: 'defined twice' }]);
    const versions = byId.get(ini.definitionId);
    if (!versions)
      throw new DefinitionError(ref, [
        { field: 'definitionId', message: `unknown definition "${ini.definitionId}"` },
      ]);
    const result = validateParameters(versions[versions.length - 1], ini.defaultParameters);
    if (!result.ok) {
      throw new DefinitionError(
        ref,
        result.errors.map((e: FieldError) => ({
          field: e.field.replace(/^parameters/, 'defaultParameters'),
          message: e.message,
        })),
      );
    }
    initiatives.set(ini.id, ini);
  }
  const latest = (id: string) => byId.get(id)?.at(-1);
  return {
    listDefinitions: () => [...byId.keys()].sort().map((id) => latest(id)!),
    listDefinitionVersions: (id) => [...(byId.get(id) ?? [])],
    getDefinition: (id, version) =>
      version === undefined ? latest(id) : byId.get(id)?.find((d) => d.version === version),
    listInitiatives: () => [...initiatives.values()],
    getInitiative: (id) => initiatives.get(id),
    roles: ROLES,
  };
}

function defaultSources(): RegistrySources {
  const extraDir = process.env.ACCORD_DEFINITIONS_DIR;
  return {
    definitions: [
      ...SHIPPED_TS_DEFINITIONS,
      ...loadDefinitionsFromDir(shippedDataDir()),
      ...(extraDir ? loadDefinitionsFromDir(path.resolve(extraDir)) : []),
    ],
    initiatives: INITIATIVES,
  };
}

/** The process-wide registry, validated at module load (a broken definition fails fast with a clear error). */
export const registry: DefinitionRegistry = createRegistry(defaultSources());

export const listDefinitions = (): ProcessDefinition[] => registry.listDefinitions();
export const listDefinitionVersions = (id: string): ProcessDefinition[] =>
  registry.listDefinitionVersions(id);
export const getDefinition = (id: string, version?: number): ProcessDefinition | undefined =>
  registry.getDefinition(id, version);
export const listInitiatives = (): Initiative[] => registry.listInitiatives();
export const getInitiative = (id: string): Initiative | undefined => registry.getInitiative(id);
export const roles: readonly Role[] = ROLES;
