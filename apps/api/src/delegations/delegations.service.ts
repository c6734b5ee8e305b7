/**
 * Delegation rules: same party only; the delegator is the caller unless a coordinator names one; the
 * delegated roles are a subset of the delegator's roles; the end date lies in the future.
 */
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import { COORDINATOR_ROLE, type Principal } from '../../../../libs/contracts/src/principal';
import { getUser, listUsers } from '../../../../libs/directory/src/directory';
import { ApiError, badRequest } from '../common/api-error';
import { DelegationsStore } from './delegations.store';
import type { CreateDelegationDto } from './dto/create-delegation.dto';

const MAX_DELEGATION_MS = 366 * 86_400_000;

const isCoordinator = (p: Principal) => p.roles.includes(COORDINATOR_ROLE);

@Injectable()
export class DelegationsService {
  constructor(private readonly store: DelegationsStore) {}

  async create(caller: Principal, dto: CreateDelegationDto, now = Date.now()): Promise<Delegation> {
    const until = Date.parse(dto.until);
    if (!(until > now)) throw badRequest([{ field: 'until', message: 'must be in the future' }]);
    if (until - now > MAX_DELEGATION_MS)
      throw badRequest([{ field: 'until', message: 'must be within a year' }]);

    let from: { sub: string; name: string; party: string; roles: string[] };
    if (!dto.from || dto.from === caller.sub) {
      from = caller;
    } else {
      if (!isCoordinator(caller)) {
        throw new ApiError(
          403,
          'Only a coordinator may delegate on behalf of someone else',
          undefined,
          'NOT_COORDINATOR',
        );
      }
      const user = getUser(dto.from);
      if (!user) throw badRequest([{ field: 'from', message: `unknown user "${dto.from}"` }]);
      if (user.party !== caller.party) {
        throw new ApiError(
          403,
          'A coordinator may only arrange delegations within their own party',
          undefined,
          'WRONG_PARTY',
        );
      }
      from = { sub: user.id, name: user.name, party: user.party, roles: user.roles };
    }

    const to = getUser(dto.to);
    if (!to) throw badRequest([{ field: 'to', message: `unknown user "${dto.to}"` }]);
    if (to.party !== from.party)
      throw badRequest([{ field: 'to', message: 'must be a colleague of the same party' }]);
    if (to.id === from.sub) throw badRequest([{ field: 'to', message: 'cannot delegate to oneself' }]);

    const delegable = from.roles.filter((r) => r !== COORDINATOR_ROLE);
    const roles = dto.roles ? [...new Set(dto.roles)] : delegable;
    const foreign = roles.filter((r) => !delegable.includes(r));
    if (foreign.length) {
      throw badRequest([{ field: 'roles', message: `not roles of the delegator: ${foreign.join(', ')}` }]);
    }
    if (!roles.length)
      throw badRequest([{ field: 'roles', message: 'the delegator has no role to delegate' }]);

    // The stores enforce the bounds (per delegator, per delegate) atomically: 409 DELEGATION_LIMIT past them.
    return this.store.add({
      id: `dlg-${randomUUID()}`,
      from: { sub: from.sub, name: from.name },
      to: { sub: to.id, name: to.name },
      party: from.party as Delegation['party'],
      roles,
      until: new Date(until).toISOString(),
      createdAt: new Date(now).toISOString(),
      createdBy: { sub: caller.sub, name: caller.name },
    });
  }

  /** Delegations the caller gave or received; a coordinator sees all those of their party's people. */
  async list(caller: Principal): Promise<Delegation[]> {
    const found = isCoordinator(caller)
      ? await this.ofParty(caller)
      : [...(await this.store.given(caller.sub)), ...(await this.store.toPerson(caller.sub, caller.party))];
    return [...new Map(found.map((d) => [d.id, d])).values()];
  }

  async remove(caller: Principal, id: string): Promise<void> {
    // The caller's own stores first; else their party's (to tell "not yours", 403, from "none", 404).
    const d =
      (await this.list(caller)).find((x) => x.id === id) ??
      (isCoordinator(caller) ? undefined : (await this.ofParty(caller)).find((x) => x.id === id));
    if (!d) throw new ApiError(404, `Delegation "${id}" not found`, undefined, 'NOT_FOUND');
    const allowed =
      d.from.sub === caller.sub ||
      d.to.sub === caller.sub ||
      d.createdBy.sub === caller.sub ||
      (isCoordinator(caller) && d.party === caller.party);
    if (!allowed) throw new ApiError(403, 'Not your delegation', undefined, 'NOT_ELIGIBLE');
    await this.store.remove(d);
  }

  /**
   * Every delegation given by the coordinator's party's people: the directory's users of that party, one
   * small store each, read a few at a time (a coordinator's listing, never a decision's path).
   */
  private async ofParty(caller: Principal): Promise<Delegation[]> {
    const subs = new Set([
      caller.sub,
      ...listUsers()
        .filter((u) => u.party === caller.party)
        .map((u) => u.id),
    ]);
    const out: Delegation[] = [];
    for (const batch of chunks([...subs], 8)) {
      for (const given of await Promise.all(batch.map((sub) => this.store.given(sub))))
        out.push(...given.filter((d) => d.party === caller.party));
    }
    return out;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
