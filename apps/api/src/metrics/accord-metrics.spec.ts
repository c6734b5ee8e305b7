import { AccordMetrics, outcomeOf, UNMATCHED_ROUTE } from './accord-metrics';
import { routeTemplateOf } from './http-metrics.middleware';

/** The shape of the API's errors (ApiError, Nest's HttpException) without loading Nest. */
class HttpError extends Error {
  constructor(
    private readonly status: number,
    readonly code?: string,
  ) {
    super(`HTTP ${status}`);
  }
  getStatus() {
    return this.status;
  }
}

async function valueOf(
  metrics: AccordMetrics,
  name: string,
  labels: Record<string, string>,
): Promise<number> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  const found = metric.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l));
  return found?.value ?? 0;
}

describe('AccordMetrics', () => {
  const services: AccordMetrics[] = [];
  const create = () => {
    const s = new AccordMetrics();
    services.push(s);
    return s;
  };
  afterAll(() => services.forEach((s) => s.close()));

  it('keeps one registry per instance, so several apps in one process do not clash', async () => {
    const a = create();
    const b = create();
    a.processStarted('trade-mission');
    expect(await valueOf(a, 'accord_processes_started_total', { definition: 'trade-mission' })).toBe(1);
    expect(await valueOf(b, 'accord_processes_started_total', { definition: 'trade-mission' })).toBe(0);
    expect(await a.registry.metrics()).toContain('nodejs_heap_size_total_bytes');
  });

  it('counts outcomes as ok or the error code, and passes results and errors through', async () => {
    const m = create();
    await expect(m.countDecision('approve', async () => 'view')).resolves.toBe('view');
    const refused = new HttpError(403, 'WRONG_PARTY');
    await expect(m.countDecision('approve', () => Promise.reject(refused))).rejects.toBe(refused);
    await expect(m.countCoordinatorAction('nudge', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await valueOf(m, 'accord_decisions_total', { decision: 'approve', outcome: 'ok' })).toBe(1);
    expect(await valueOf(m, 'accord_decisions_total', { decision: 'approve', outcome: 'WRONG_PARTY' })).toBe(
      1,
    );
    expect(await valueOf(m, 'accord_coordinator_actions_total', { action: 'nudge', outcome: 'error' })).toBe(
      1,
    );
  });

  it('names outcomes of errors without an Accord code by their status', () => {
    expect(outcomeOf(new HttpError(403))).toBe('HTTP_403');
    expect(outcomeOf(new HttpError(409, 'CONFLICT'))).toBe('CONFLICT');
    expect(outcomeOf('weird')).toBe('error');
    expect(outcomeOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('error');
  });
});

describe('routeTemplateOf', () => {
  it('labels by route template, unmatched and catch-all routes as one label', () => {
    expect(routeTemplateOf({ baseUrl: '', route: { path: '/api/v1/processes/:id' } })).toBe(
      '/api/v1/processes/:id',
    );
    expect(routeTemplateOf({ baseUrl: '/sub', route: { path: '/x/:id' } })).toBe('/sub/x/:id');
    expect(routeTemplateOf({})).toBe(UNMATCHED_ROUTE);
    expect(routeTemplateOf({ route: { path: '/api/v1*path' } })).toBe(UNMATCHED_ROUTE);
  });
});
