/**
 * Tokens verified lately, with the principal each carries: the console sends the same token every few
 * seconds, and its signature cannot have changed since it was verified. A kept token is still refused past
 * its `exp` (verified again, which fails), and kept a minute at most, which bounds how long a token signed
 * with a key the provider has since withdrawn stays accepted. Bounded; the oldest dropped first.
 */
import type { Principal } from '../../../../libs/contracts/src/principal';

export const VERIFIED_TOKENS_MAX = 1000;
export const VERIFIED_TOKEN_TTL_MS = 60_000;

export class VerifiedTokens {
  private readonly kept = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly max = VERIFIED_TOKENS_MAX,
    private readonly ttlMs = VERIFIED_TOKEN_TTL_MS,
  ) {}

  get size(): number {
    return this.kept.size;
  }

  /** The principal of a kept token still within its time, as a copy of its own; else undefined. */
  get(token: string, now = Date.now()): Principal | undefined {
    const hit = this.kept.get(token);
    if (!hit) return undefined;
    if (now >= hit.until) {
      this.kept.delete(token);
      return undefined;
    }
    return copy(hit.principal);
  }

  /** Keeps a token just verified; `expSeconds` is its `exp` claim. */
  keep(token: string, principal: Principal, expSeconds: number, now = Date.now()): void {
    this.kept.delete(token);
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, {
      principal: copy(principal),
      until: Math.min(now + this.ttlMs, expSeconds * 1000),
    });
  }
}

const copy = (p: Principal): Principal => ({ ...p, roles: [...p.roles] });
