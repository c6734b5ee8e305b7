import { dynamicConfig, VISIBILITY_RPS } from './server-config';

describe('the local cluster dynamic config', () => {
  const value = (key: string) => (dynamicConfig()[key] as Array<{ value: unknown }> | undefined)?.[0]?.value;

  it('raises the visibility calls per namespace above Temporal default of 10 (a summary alone makes about 20)', () => {
    expect(value('frontend.namespaceRPS.visibility')).toBe(VISIBILITY_RPS);
    expect(VISIBILITY_RPS).toBeGreaterThanOrEqual(100);
  });

  it('keeps what Accord relies on: Updates, update-with-start, long ids', () => {
    expect(value('frontend.enableUpdateWorkflowExecution')).toBe(true);
    expect(value('frontend.enableExecuteMultiOperation')).toBe(true);
    expect(value('limit.maxIDLength')).toBe(255);
  });
});
