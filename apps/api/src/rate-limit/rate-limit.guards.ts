/**
 * Rate limits with @nestjs/throttler: one budget per client address, counted before the token is checked
 * (so a flood of bad tokens is limited too), and one per signed-in user, counted after it (so users
 * behind one proxy address do not share theirs). Each is one budget across all routes, not one per route.
 * Past it: 429 in the common error shape, with a standard Retry-After header (the throttler's own headers
 * are suffixed with the throttler's name, which clients do not read).
 */
import { Injectable, type ExecutionContext } from '@nestjs/common';
import {
  SkipThrottle,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerRequest,
} from '@nestjs/throttler';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { ApiError } from '../common/api-error';

export const ADDRESS = 'address';
export const USER = 'user';

interface Req {
  ip?: string;
  principal?: Principal;
}

const principalOf = (context: ExecutionContext) => context.switchToHttp().getRequest<Req>().principal;

/** 60000 → "1 min", 1500 → "1.5 s" (messages only). */
const windowText = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/** The two throttlers from ACCORD_RATE_LIMIT_*; a limit of 0 is skipped (off). */
export function throttlerOptions(limits: AccordConfig['rateLimits']): ThrottlerModuleOptions {
  const { windowMs, perUser, perAddress } = limits;
  return {
    // Our guards set Retry-After themselves; the throttler's X-RateLimit-*-<name> headers are noise.
    setHeaders: false,
    // One budget per tracker across every route (the default key includes the route).
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      {
        name: ADDRESS,
        ttl: windowMs,
        limit: Math.max(perAddress, 1),
        skipIf: () => perAddress === 0,
      },
      {
        name: USER,
        ttl: windowMs,
        limit: Math.max(perUser, 1),
        // Public routes (sign-in, auth config) have no user: the address budget covers them.
        skipIf: (context) => perUser === 0 || !principalOf(context),
        getTracker: (req) => (req as Req).principal!.sub,
      },
    ],
  };
}

/** Shared by both guards: a 429 with Retry-After in seconds. */
abstract class OneThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly throttlerName: string;

  protected override async handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name !== this.throttlerName) return true;
    return super.handleRequest(request);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const res = context.switchToHttp().getResponse<{ setHeader(name: string, value: string): void }>();
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    res.setHeader('Retry-After', String(retryAfter));
    const who =
      this.throttlerName === USER
        ? `user "${detail.tracker}" (ACCORD_RATE_LIMIT_PER_USER)`
        : `address ${detail.tracker} (ACCORD_RATE_LIMIT_PER_ADDRESS)`;
    throw new ApiError(
      429,
      `Too many requests: ${detail.limit} per ${windowText(detail.ttl)} allowed for ${who}; ` +
        `retry after ${retryAfter} s (Retry-After)`,
      undefined,
      'RATE_LIMITED',
    );
  }
}

/** Runs before the AuthGuard: counts every request from an address, tokens valid or not. */
@Injectable()
export class AddressRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = ADDRESS;
}

/** Runs after the AuthGuard: counts a signed-in user's requests, whatever address they come from. */
@Injectable()
export class UserRateLimitGuard extends OneThrottlerGuard {
  protected readonly throttlerName = USER;
}

/** Health probes and metrics scrapes come every few seconds from the platform: they spend no budget. */
export const NotRateLimited = () => SkipThrottle({ [ADDRESS]: true, [USER]: true });
