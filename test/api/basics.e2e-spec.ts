/** Public endpoints, authentication, identity, definitions, the error shape and hostile input. */
import { signToken } from '../../apps/api/src/auth/sign-token';
import { api, tokenFor, tokenForPrincipal } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';

describe('API basics', () => {
  it('GET /health is public and reports Temporal up', async () => {
    const res = await api('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.temporal.status).toBe('up');
  });

  it('serves the OpenAPI document at /docs-json with bearer auth and every resource', async () => {
    const res = await api('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/api/v1/me',
      '/api/v1/definitions',
      '/api/v1/definitions/{id}',
      '/api/v1/initiatives',
      '/api/v1/processes',
      '/api/v1/processes/{id}',
      '/api/v1/processes/{id}/timeline',
      '/api/v1/processes/{id}/steps/{stepId}/decisions',
      '/api/v1/processes/{id}/steps/{stepId}/completion',
      '/api/v1/processes/{id}/cancel',
      '/api/v1/processes/{id}/steps/{stepId}/deadline',
      '/api/v1/processes/{id}/steps/{stepId}/waiver',
      '/api/v1/inbox',
      '/api/v1/delegations',
      '/api/v1/delegations/{id}',
      '/health',
    ]) {
      expect(paths).toContain(p);
    }
    expect(res.body.components.schemas.ErrorResponseDto).toBeDefined();
    const ui = await api('GET', '/docs');
    expect(ui.status).toBe(200);
  });

  it('GET /api/v1/me returns the caller and echoes a request id', async () => {
    const res = await api('GET', '/api/v1/me', {
      as: 'jp-mofa-negotiator',
      headers: { 'x-request-id': 'req-abc-123' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sub: 'jp-mofa-negotiator',
      name: 'Suzuki Kenji',
      party: 'JP',
      org: 'Ministry of Foreign Affairs',
      roles: ['jp-mofa-negotiator'],
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const generated = await api('GET', '/api/v1/me', { as: 'ca-officer' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers and keeps CORS closed', async () => {
    const res = await api('GET', '/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('401 for missing, malformed, forged, expired tokens and bad claims', () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['no header', {}],
      ['not bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['garbage', { authorization: 'Bearer not-a-jwt' }],
      [
        'wrong secret',
        {
          authorization: `Bearer ${signToken({ sub: 'x', name: 'X', party: 'JP', org: 'o', roles: [] }, 'wrong-secret')}`,
        },
      ],
    ];
    it.each(cases)('%s', async (_label, headers) => {
      const res = await api('GET', '/api/v1/me', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(typeof res.body.message).toBe('string');
      expect(res.body.requestId).toBeTruthy();
    });

    it('expired', async () => {
      const res = await api('GET', '/api/v1/me', {
        token: tokenFor('jp-officer', { expiresInSeconds: -60 }),
      });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/expired/);
    });

    it('bad party claim', async () => {
      const token = tokenForPrincipal({
        sub: 'x',
        name: 'X',
        party: 'FR' as never,
        org: 'o',
        roles: ['jp-officer'],
      });
      const res = await api('GET', '/api/v1/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/party/);
    });

    it('alg none is refused', async () => {
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', name: 'X', party: 'JP', org: 'o', roles: [], exp: 9999999999 })}.`;
      const res = await api('GET', '/api/v1/me', { token });
      expect(res.status).toBe(401);
    });
  });

  it('lists definitions and returns one; 404 for an unknown one', async () => {
    const list = await api('GET', '/api/v1/definitions', { as: 'ca-officer' });
    expect(list.status).toBe(200);
    const ids = list.body.map((d: { id: string }) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['trade-mission', 'implementing-arrangement']));
    const one = await api('GET', '/api/v1/definitions/trade-mission', { as: 'ca-officer' });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: 'trade-mission',
      version: expect.any(Number),
      roadmap: { pillar: expect.any(String) },
    });
    expect(Object.keys(one.body.parameters).length).toBeGreaterThan(0);
    expect(one.body.steps.length).toBeGreaterThan(0);
    const missing = await api('GET', '/api/v1/definitions/no-such-thing', { as: 'ca-officer' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  describe('hostile input never yields a 5xx', () => {
    it('malformed JSON → 400', async () => {
      const res = await api('POST', '/api/v1/processes', { as: 'ca-officer', rawBody: '{"definitionId": ' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Malformed JSON body',
        // Answered before the logger runs, still with the request id the response header carries.
        requestId: expect.any(String),
      });
      expect(res.headers.get('x-request-id')).toBe(res.body.requestId);
    });

    it('a JSON array or scalar body → 400', async () => {
      for (const raw of ['[]', '"text"', '42', 'null']) {
        const res = await api('POST', '/api/v1/processes', { as: 'ca-officer', rawBody: raw });
        expect(res.status).toBe(400);
      }
    });

    it('a body over the limit → 413 in the error shape', async () => {
      const res = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: { definitionId: 'trade-mission', title: 'x'.repeat(300_000) },
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        statusCode: 413,
        error: 'Payload Too Large',
        requestId: expect.any(String),
      });
    });

    it('unknown fields and wrong types → 400 naming the fields', async () => {
      const res = await api('POST', '/api/v1/processes', {
        as: 'ca-officer',
        body: { definitionId: 42, title: ['x'], sneaky: true },
      });
      expect(res.status).toBe(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['definitionId', 'title', 'sneaky']));
      expect(res.body.message).toMatch(/sneaky/);
    });

    it('bad ids → 400 or 404', async () => {
      const weird = await api('GET', `/api/v1/processes/${encodeURIComponent("x' OR 1=1 --")}`, {
        as: 'ca-officer',
      });
      expect(weird.status).toBe(400);
      const unknown = await api('GET', '/api/v1/processes/process-does-not-exist', { as: 'ca-officer' });
      expect(unknown.status).toBe(404);
      const timeline = await api('GET', '/api/v1/processes/process-does-not-exist/timeline', {
        as: 'ca-officer',
      });
      expect(timeline.status).toBe(404);
      // Other workflows (the delegations store) are not processes.
      const notAProcess = await api('GET', '/api/v1/processes/accord-delegations', { as: 'ca-officer' });
      expect(notAProcess.status).toBe(404);
      const updateNotAProcess = await api('POST', '/api/v1/processes/accord-delegations/cancel', {
        as: 'ca-coordinator',
        body: { reason: 'x' },
      });
      expect(updateNotAProcess.status).toBe(404);
    });

    it('bad query parameters → 400', async () => {
      for (const q of [
        'pageSize=0',
        'pageSize=abc',
        'status=unknown',
        'awaitingParty=FR',
        'pageToken=%24%24',
      ]) {
        const res = await api('GET', `/api/v1/processes?${q}`, { as: 'ca-officer' });
        expect(res.status).toBe(400);
      }
      const bogusToken = await api('GET', '/api/v1/processes?pageToken=AAAA', { as: 'ca-officer' });
      expect(bogusToken.status).toBe(400);
    });

    it('unknown routes → 404 in the error shape', async () => {
      const res = await api('GET', '/api/v1/nothing-here', { as: 'ca-officer' });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });
  });

  it('the harness env is wired', () => {
    expect(e2eEnv().apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
