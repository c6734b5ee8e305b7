/**
 * The constraints the validators enforce, written into the OpenAPI document, so that a request the document
 * calls valid is one the API accepts (generated clients and schemathesis rely on it). The DTO classes'
 * class-validator rules are turned into JSON Schema by class-validator-jsonschema and merged into the
 * document: into the body components (same class name) and into the query parameters of each route (found
 * from the handler's @Query() type). Rules no schema can say (cross-field ones) are patched in by name below.
 */
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { ID_PATTERN } from './ids';

type Schema = Record<string, unknown>;

/** The keywords a validator adds; Nest's own `type: number` gives way to `integer` from @IsInt. */
const CONSTRAINTS = [
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'enum',
  'format',
  'oneOf',
  'minProperties',
  'maxProperties',
];

function mergeProperty(target: Schema, from: Schema): void {
  for (const key of CONSTRAINTS)
    if (from[key] !== undefined && target[key] === undefined) target[key] = from[key];
  if (from.type === 'integer' && target.type === 'number') target.type = 'integer';
  // IsISO8601 gives oneOf date | date-time: the string formats say it, the example stays.
  if (from.oneOf) delete target.format;
  if (from.items && target.items && typeof target.items === 'object' && !('$ref' in (target.items as Schema)))
    mergeProperty(target.items as Schema, from.items as Schema);
}

function mergeObject(target: Schema, from: Schema): void {
  const props = (target.properties ?? {}) as Record<string, Schema>;
  const fromProps = (from.properties ?? {}) as Record<string, Schema>;
  for (const [name, prop] of Object.entries(props)) {
    if (fromProps[name] && !('$ref' in prop)) mergeProperty(prop, fromProps[name]);
  }
}

/** Cross-field rules (ValidateIf) the generator cannot see: said here, next to the class they belong to. */
const CONDITIONAL: Record<string, Schema> = {
  // A comment is required to reject or to request changes (DecisionDto's ValidateIf).
  DecisionDto: {
    oneOf: [
      { properties: { decision: { enum: ['approve'] } } },
      { properties: { decision: { enum: ['reject', 'request-changes'] } }, required: ['comment'] },
    ],
  },
};

/** The @Query() DTO class of each operation (operationId `<Controller>_<method>`, Nest's default). */
function queryTypes(app: INestApplication): Map<string, Type> {
  const out = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) as
          Record<string, { index: number; data?: unknown }> | undefined;
        if (!args) continue;
        const types = Reflect.getMetadata('design:paramtypes', controller.prototype, method) as
          Type[] | undefined;
        for (const [key, arg] of Object.entries(args)) {
          if (Number(key.split(':')[0]) !== RouteParamtypes.QUERY || arg.data !== undefined) continue;
          const type = types?.[arg.index];
          if (type && type !== Object) out.set(`${controller.name}_${method}`, type);
        }
      }
    }
  }
  return out;
}

export function addValidatorConstraints(document: OpenAPIObject, app: INestApplication): OpenAPIObject {
  const generated = validationMetadatasToSchemas() as Record<string, Schema>;
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [name, schema] of Object.entries(components)) {
    if (generated[name]) mergeObject(schema, generated[name]);
    if (CONDITIONAL[name]) Object.assign(schema, CONDITIONAL[name]);
  }
  const queries = queryTypes(app);
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Array<{ operationId?: string; parameters?: Schema[] }>) {
      const type = op?.operationId ? queries.get(op.operationId) : undefined;
      const from = type && generated[type.name];
      if (!from) continue;
      const props = (from.properties ?? {}) as Record<string, Schema>;
      for (const param of op.parameters ?? []) {
        if (param.in === 'query' && props[param.name as string] && param.schema)
          mergeProperty(param.schema as Schema, props[param.name as string]!);
      }
    }
  }
  return document;
}

/** The ids this deployment knows (its catalogue and directory): fields that must name one list them. */
export interface KnownIds {
  definitions: string[];
  initiatives: string[];
  users: string[];
}

/** Component → property → which known ids it must be one of (the service answers 400 for any other). */
const ID_FIELDS: Record<string, Record<string, keyof KnownIds>> = {
  StartProcessDto: { definitionId: 'definitions', initiativeId: 'initiatives' },
  DirectoryTokenDto: { userId: 'users' },
  CreateDelegationDto: { to: 'users', from: 'users' },
};

export function addKnownIds(document: OpenAPIObject, known: KnownIds): OpenAPIObject {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const [component, fields] of Object.entries(ID_FIELDS)) {
    const props = (components[component]?.properties ?? {}) as Record<string, Schema>;
    for (const [field, kind] of Object.entries(fields)) {
      if (props[field] && known[kind].length) props[field].enum = [...known[kind]].sort();
    }
  }
  // Path parameters are ids checked by ParseIdPipe (common/ids.ts) wherever a route does not say more.
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Array<{ parameters?: Schema[] }>) {
      for (const param of op?.parameters ?? []) {
        const schema = param.schema as Schema | undefined;
        if (param.in === 'path' && schema && !schema.pattern && !schema.enum) {
          schema.pattern = ID_PATTERN.source;
          schema.maxLength = 200;
        }
      }
    }
  }
  return document;
}
