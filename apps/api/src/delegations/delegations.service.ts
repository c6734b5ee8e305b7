/**
 * Delegation rules: same party only; the delegator is the caller unless a coordinator names one; the
 * delegated roles are a subset of the delegator's roles; the end date lies in the future.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import { COORDINATOR_ROLE, type Principal } from '../../../../libs/contracts/src/principal';
import { getUser } from '../../../../libs/directory/src/directory';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { ApiError, badRequest } from '../common/api-error';
import { ACCORD_CONFIG } from '../common/tokens';
import { delegationLimitError } from './delegation-limit';
import { DelegationsStore } from './delegations.store';
import type { CreateDelegationDto } from './dto/create-delegation.dto';

const MAX_DELEGATION_MS = 366 * 86_400_000;

const isCoordinator = (p: Principal) => p.roles.includes(COORDINATOR_ROLE);

@Injectable()
export class DelegationsService {
  constructor(
    private readonly store: DelegationsStore,
    @Inject(ACCORD_CONFIG) private readonly config: AccordConfig,
  ) {}

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

    const tooMany = delegationLimitError(
      await this.store.active(now),
      from.sub,
      this.config.limits.maxDelegationsPerPerson,
    );
    if (tooMany) throw new ApiError(tooMany.status, tooMany.message, undefined, tooMany.code);
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

  /** Delegations the caller gave or received; a coordinator sees all of their party. */
  async list(caller: Principal): Promise<Delegation[]> {
    const all = await this.store.active();
    return all.filter((d) =>
      isCoordinator(caller) ? d.party === caller.party : d.from.sub === caller.sub || d.to.sub === caller.sub,
    );
  }

  async remove(caller: Principal, id: string): Promise<void> {
    const d = (await this.store.active()).find((x) => x.id === id);
    if (!d) throw new ApiError(404, `Delegation "${id}" not found`, undefined, 'NOT_FOUND');
    const allowed =
      d.from.sub === caller.sub ||
      d.to.sub === caller.sub ||
      d.createdBy.sub === caller.sub ||
      (isCoordinator(caller) && d.party === caller.party);
    if (!allowed) throw new ApiError(403, 'Not your delegation', undefined, 'NOT_ELIGIBLE');
    await this.store.remove(id);
  }
}
