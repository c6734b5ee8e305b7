/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and a token with at least one
 * Accord role unless marked @WithoutRoles().
 */
import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { ApiError } from '../common/api-error';
import { IS_PUBLIC, WITHOUT_ROLES } from './public.decorator';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; principal?: unknown }>();
    const header = req.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
    if (!match) throw new UnauthorizedException('Missing bearer token (Authorization: Bearer <JWT>)');
    let principal: Principal;
    try {
      principal = await this.verifier.verify(match[1]!);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw new UnauthorizedException(`Invalid token: ${err.message}`);
      throw new UnauthorizedException('Invalid token');
    }
    req.principal = principal;
    const withoutRoles = this.reflector.getAllAndOverride<boolean>(WITHOUT_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!principal.roles.length && !withoutRoles) {
      throw new ApiError(
        403,
        `The token of "${principal.sub}" carries no Accord role (claim "roles": []): it may read nothing ` +
          'and act on nothing. Ask your identity provider to grant Accord roles.',
        [{ field: 'roles', message: 'no role in the token (received: [])' }],
        'NO_ROLES',
      );
    }
    return true;
  }
}
