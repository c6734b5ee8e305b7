import type { Delegation } from '../../../../libs/contracts/src/delegations';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { StepView } from '../../../../libs/contracts/src/process-view';
import { actingPrincipalFor, decidedBy } from './acting-principal';

type Decision = NonNullable<StepView['parties']['JP']>['decisions'][number];

const step = (decisions: Decision[] = []): StepView => ({
  id: 's',
  title: 'S',
  type: 'approval',
  status: 'active',
  dueAt: null,
  startedAt: null,
  completedAt: null,
  outputs: {},
  outputTypes: {},
  parties: {
    JP: {
      roles: ['jp-meti', 'jp-jetro'],
      rule: 'any',
      status: 'pending',
      awaitedRoles: ['jp-meti', 'jp-jetro'],
      decisions,
    },
  },
  round: 1,
  parallel: null,
});

const mofa: Principal = { sub: 'jp-mofa', name: 'Mofa', party: 'JP', org: 'MOFA', roles: ['jp-mofa'] };
const delegation = (over: Partial<Delegation> = {}): Delegation => ({
  id: 'dlg-1',
  from: { sub: 'jp-meti', name: 'Meti' },
  to: { sub: 'jp-mofa', name: 'Mofa' },
  party: 'JP',
  roles: ['jp-meti'],
  until: new Date(Date.now() + 60_000).toISOString(),
  createdAt: new Date().toISOString(),
  createdBy: { sub: 'jp-meti', name: 'Meti' },
  ...over,
});

describe('actingPrincipalFor', () => {
  it('keeps the caller when they hold an eligible role', () => {
    const meti: Principal = { ...mofa, sub: 'x', roles: ['jp-meti'] };
    expect(actingPrincipalFor(meti, step(), [delegation({ to: { sub: 'x', name: 'X' } })])).toBe(meti);
  });

  it('acts on behalf of a delegator whose delegated roles fit, with only those roles', () => {
    const p = actingPrincipalFor(mofa, step(), [delegation({ roles: ['jp-meti', 'jp-senior-official'] })]);
    expect(p).toEqual({ ...mofa, roles: ['jp-meti'], onBehalfOf: { sub: 'jp-meti', name: 'Meti' } });
  });

  it('ignores expired, other-party, other-delegate and non-fitting delegations', () => {
    const past = new Date(Date.now() - 1).toISOString();
    for (const d of [
      delegation({ until: past }),
      delegation({ party: 'CA' }),
      delegation({ to: { sub: 'someone-else', name: 'S' } }),
      delegation({ roles: ['jp-clb-examiner'] }),
    ]) {
      expect(actingPrincipalFor(mofa, step(), [d])).toBe(mofa);
    }
  });

  it('skips a delegator who already decided this round', () => {
    const decided = step([
      {
        by: 'jp-meti',
        byName: 'Meti',
        onBehalfOf: null,
        decision: 'approve',
        comment: null,
        at: '',
        role: 'jp-meti',
        round: 1,
      },
    ]);
    expect(actingPrincipalFor(mofa, decided, [delegation()])).toBe(mofa);
    expect(decidedBy(decided, 'JP', 'jp-meti')).toBe(true);
    expect(decidedBy(decided, 'JP', 'jp-mofa')).toBe(false);
  });

  it("counts a decision made on behalf as the delegator's", () => {
    const s = step([
      {
        by: 'jp-mofa',
        byName: 'Mofa',
        onBehalfOf: 'jp-meti',
        decision: 'approve',
        comment: null,
        at: '',
        role: 'jp-meti',
        round: 1,
      },
    ]);
    expect(decidedBy(s, 'JP', 'jp-meti')).toBe(true);
    expect(decidedBy(s, 'JP', 'jp-mofa')).toBe(false);
  });
});
