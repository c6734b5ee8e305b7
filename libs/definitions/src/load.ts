/**
 * Definitions as data: JSON or YAML files, validated exactly like the TypeScript ones. Operators add a
 * process by dropping a file; no workflow code changes (one workflow interprets every definition).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ProcessDefinition } from '../../contracts/src/definition';
import { assertValidDefinition, DefinitionError, type ValidateOptions } from './validate';

export const DEFINITION_FILE_EXTENSIONS = ['.json', '.yaml', '.yml'];

/** Parses JSON or YAML text (by the source's extension; YAML otherwise, a superset of JSON) and validates it. */
export function parseDefinitionText(
  text: string,
  source: string,
  options: ValidateOptions = {},
): ProcessDefinition {
  let data: unknown;
  try {
    data = source.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new DefinitionError(path.basename(source), [
      { field: '', message: `cannot be parsed: ${(e as Error).message}` },
    ]);
  }
  return assertValidDefinition(data, options);
}

/** Reads, parses and validates one definition file; throws DefinitionError naming the bad fields. */
export function validateDefinitionFile(file: string, options: ValidateOptions = {}): ProcessDefinition {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DefinitionError(path.basename(file), [
      { field: '', message: `cannot be read: ${(e as Error).message}` },
    ]);
  }
  return parseDefinitionText(text, file, options);
}

/** Every *.json / *.yaml / *.yml definition in a directory, sorted by file name. */
export function loadDefinitionsFromDir(dir: string, options: ValidateOptions = {}): ProcessDefinition[] {
  return fs
    .readdirSync(dir)
    .filter((f) => DEFINITION_FILE_EXTENSIONS.includes(path.extname(f).toLowerCase()))
    .sort()
    .map((f) => validateDefinitionFile(path.join(dir, f), options));
}
