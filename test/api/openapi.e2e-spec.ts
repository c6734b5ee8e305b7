/**
 * The OpenAPI document says exactly what the API does (issue 13, item 9): what the validators enforce is
 * in the schema, responses match their schemas (a null parameter included), every status the API can answer
 * is documented, and a method the document does not declare on a declared path is a 405 with Allow.
 * test/api/fuzz.e2e-spec.ts then runs schemathesis with every check against it.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { api, type Json } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';

let doc: Json;
beforeAll(async () => {
  doc = (await api('GET', '/docs-json', { as: null })).body;
});

const component = (name: string) => doc.components.schemas[name];

describe('the OpenAPI document', () => {
  it('carries the constraints the validators enforce', () => {
    const delegation = component('CreateDelegationDto');
    expect(delegation.additionalProperties).toBe(false);
    expect(delegation.properties.roles).toMatchObject({
      minItems: 1,
      items: { pattern: '^[a-z][a-z0-9-]{0,63}$' },
    });
    // `from` and `to` are user ids, and ids this directory knows.
    expect(delegation.properties.from.pattern).toBeDefined();
    expect(delegation.properties.to.enum).toContain('jp-meti');
    // A comment is required to reject or to request changes, and never blank.
    const decision = component('DecisionDto');
    expect(decision.properties.comment).toMatchObject({ minLength: 1, pattern: '\\S' });
    expect(decision.oneOf).toEqual([
      { properties: { decision: { enum: ['approve'] } } },
      { properties: { decision: { enum: ['reject', 'request-changes'] } }, required: ['comment'] },
    ]);
    expect(component('StartProcessDto').properties.definitionId.enum).toContain('trade-mission');
    const list = doc.paths['/api/v1/processes'].get.parameters;
    expect(list.find((p: Json) => p.name === 'pageSize').schema).toMatchObject({
      type: 'integer',
      maximum: 100,
    });
    const forecast = doc.paths['/api/v1/processes/{id}/forecast'].get.parameters[0];
    expect(forecast.schema.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$');
  });

  it('documents every status a route can answer: 400, 403 (no roles), 429 (Retry-After), 503', () => {
    const get = doc.paths['/api/v1/processes/{id}'].get.responses;
    expect(Object.keys(get)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '429', '503']),
    );
    expect(get['429'].headers['Retry-After']).toBeDefined();
    expect(Object.keys(doc.paths['/api/v1/definitions'].get.responses)).toContain('400');
    expect(Object.keys(doc.paths['/health'].get.responses)).not.toContain('429');
  });

  it('describes a process view with a parameter left unset (null) as valid', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // OpenAPI 3.0's `nullable`: a nullable schema also admits null (what schemathesis does too).
    const asJsonSchema = (s: unknown): unknown => {
      if (Array.isArray(s)) return s.map(asJsonSchema);
      if (!s || typeof s !== 'object') return s;
      const o = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, asJsonSchema(v)]));
      if (typeof o.$ref === 'string') o.$ref = o.$ref.replace('#/components/schemas/', '#/definitions/');
      if (o.nullable) return { anyOf: [{ ...o, nullable: undefined }, { type: 'null' }] };
      return o;
    };
    const definitions = asJsonSchema(doc.components.schemas) as Record<string, unknown>;
    const validate = ajv.compile({ definitions, $ref: '#/definitions/ProcessViewDto' });
    const started = await api('POST', '/api/v1/processes', {
      as: 'ca-officer',
      body: { definitionId: 'trade-mission', title: 'OpenAPI: the view matches its schema' },
    });
    const view = (await api('GET', `/api/v1/processes/${started.body.id}`, { as: 'ca-officer' })).body;
    expect({ valid: validate(view), errors: validate.errors }).toEqual({ valid: true, errors: null });
    const unset = { ...view, parameters: { ...view.parameters, signedOn: null } };
    expect({ valid: validate(unset), errors: validate.errors }).toEqual({ valid: true, errors: null });
  });
});

describe('methods the document does not declare', () => {
  it('answer 405 with Allow on a declared path, and 404 elsewhere', async () => {
    const res = await fetch(`${e2eEnv().apiUrl}/api/v1/processes`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST, HEAD');
    expect(await res.json()).toMatchObject({
      statusCode: 405,
      code: 'METHOD_NOT_ALLOWED',
      message: 'DELETE is not allowed on /api/v1/processes; allowed: GET, POST, HEAD',
    });
    const step = await fetch(`${e2eEnv().apiUrl}/api/v1/processes/process-1/steps/s-1/decisions`, {
      method: 'GET',
    });
    expect(step.status).toBe(405);
    expect(step.headers.get('allow')).toBe('POST');
    expect((await fetch(`${e2eEnv().apiUrl}/api/v1/no-such-thing`, { method: 'DELETE' })).status).toBe(404);
  });
});
