import { loadConfig } from '../../config/src/accord-config';
import { delegationLimitError, type Delegation } from './delegations';

const given = (from: string, to: string, n: number): Delegation[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `dlg-${from}-${to}-${i}`,
    from: { sub: from, name: from },
    to: { sub: to, name: to },
    party: 'JP',
    roles: ['jp-mofa'],
    until: '2099-01-01T00:00:00.000Z',
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: { sub: from, name: from },
  }));

describe('delegationLimitError (the 300-delegations-in-a-row probe)', () => {
  it('refuses past the bound per delegator, counting only that delegator', () => {
    const limit = loadConfig({}).limits.maxDelegationsPerPerson;
    expect(limit).toBe(20);
    const next = { from: { sub: 'jp-mofa', name: 'x' }, to: { sub: 'jp-meti', name: 'y' } };
    const active = [...given('jp-mofa', 'jp-meti', limit - 1), ...given('jp-meti', 'jp-mofa', 50)];
    expect(delegationLimitError(active, next, { side: 'given', max: limit })).toBeNull();
    const full = [...active, ...given('jp-mofa', 'jp-x', 1)];
    expect(delegationLimitError(full, next, { side: 'given', max: limit })).toEqual({
      code: 'DELEGATION_LIMIT',
      message: `jp-mofa has given ${limit} active delegations, the most allowed (${limit}, ACCORD_MAX_DELEGATIONS): end one first`,
    });
  });

  it('refuses past the bound per delegate, counting by delegate', () => {
    const received = given('jp-a', 'jp-meti', 3);
    const next = { from: { sub: 'jp-b', name: 'b' }, to: { sub: 'jp-meti', name: 'm' } };
    expect(delegationLimitError(received, next, { side: 'received', max: 4 })).toBeNull();
    expect(delegationLimitError(received, next, { side: 'received', max: 3 })?.message).toBe(
      'jp-meti has received 3 active delegations, the most allowed (3, ACCORD_MAX_DELEGATIONS_RECEIVED): end one first',
    );
  });

  it('reads ACCORD_MAX_DELEGATIONS and ACCORD_MAX_DELEGATIONS_RECEIVED', () => {
    expect(loadConfig({ ACCORD_MAX_DELEGATIONS: '3' }).limits.maxDelegationsPerPerson).toBe(3);
    expect(loadConfig({ ACCORD_MAX_DELEGATIONS_RECEIVED: '7' }).limits.maxDelegationsReceived).toBe(7);
    expect(() => loadConfig({ ACCORD_MAX_DELEGATIONS: '0' })).toThrow(/ACCORD_MAX_DELEGATIONS/);
  });
});
