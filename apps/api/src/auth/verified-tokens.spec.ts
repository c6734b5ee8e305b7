import type { Principal } from '../../../../libs/contracts/src/principal';
import { VerifiedTokens } from './verified-tokens';

const ALICE: Principal = { sub: 'alice', name: 'Alice', party: 'JP', org: 'MOFA', roles: ['jp-mofa'] };
const T0 = Date.parse('2026-12-02T12:00:00Z');
const exp = (ms: number) => Math.floor(ms / 1000);

describe('VerifiedTokens', () => {
  it('answers a kept token with a principal of its own each time', () => {
    const kept = new VerifiedTokens();
    kept.keep('t', ALICE, exp(T0 + 3_600_000), T0);
    const first = kept.get('t', T0 + 1)!;
    first.roles.push('coordinator');
    expect(kept.get('t', T0 + 2)).toEqual(ALICE);
    expect(kept.get('other', T0 + 2)).toBeUndefined();
  });

  it('keeps a token a minute at most', () => {
    const kept = new VerifiedTokens();
    kept.keep('t', ALICE, exp(T0 + 3_600_000), T0);
    expect(kept.get('t', T0 + 59_999)).toEqual(ALICE);
    expect(kept.get('t', T0 + 60_000)).toBeUndefined();
    expect(kept.size).toBe(0);
  });

  it('never past the token’s exp', () => {
    const kept = new VerifiedTokens();
    kept.keep('t', ALICE, exp(T0 + 30_000), T0);
    expect(kept.get('t', T0 + 29_999)).toEqual(ALICE);
    expect(kept.get('t', T0 + 30_000)).toBeUndefined();
  });

  it('keeps a bounded number, the oldest dropped first', () => {
    const kept = new VerifiedTokens(3);
    for (const t of ['a', 'b', 'c', 'd']) kept.keep(t, { ...ALICE, sub: t }, exp(T0 + 3_600_000), T0);
    expect(kept.size).toBe(3);
    expect(kept.get('a', T0)).toBeUndefined();
    expect(kept.get('d', T0)?.sub).toBe('d');
    // Kept again: it becomes the newest.
    kept.keep('b', { ...ALICE, sub: 'b' }, exp(T0 + 3_600_000), T0);
    kept.keep('e', { ...ALICE, sub: 'e' }, exp(T0 + 3_600_000), T0);
    expect(kept.get('c', T0)).toBeUndefined();
    expect(kept.get('b', T0)?.sub).toBe('b');
  });
});
