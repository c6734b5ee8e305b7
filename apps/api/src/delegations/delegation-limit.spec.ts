import { loadConfig } from '../../../../libs/config/src/accord-config';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import { delegationLimitError } from './delegation-limit';

const given = (from: string, n: number): Delegation[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `dlg-${from}-${i}`,
    from: { sub: from, name: from },
    to: { sub: 'jp-meti', name: 'METI' },
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
    const active = [...given('jp-mofa', limit - 1), ...given('jp-meti', 50)];
    expect(delegationLimitError(active, 'jp-mofa', limit)).toBeNull();
    const full = [...active, ...given('jp-mofa', 1)];
    expect(delegationLimitError(full, 'jp-mofa', limit)).toMatchObject({
      status: 409,
      code: 'DELEGATION_LIMIT',
    });
    expect(delegationLimitError(full, 'jp-mofa', limit)!.message).toContain(`(${limit})`);
  });

  it('reads ACCORD_MAX_DELEGATIONS', () => {
    expect(loadConfig({ ACCORD_MAX_DELEGATIONS: '3' }).limits.maxDelegationsPerPerson).toBe(3);
    expect(() => loadConfig({ ACCORD_MAX_DELEGATIONS: '0' })).toThrow(/ACCORD_MAX_DELEGATIONS/);
  });
});
