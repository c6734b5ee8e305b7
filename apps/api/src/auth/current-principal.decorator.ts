import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../../../../libs/contracts/src/principal';

/** The principal the auth guard established for this request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return (ctx.switchToHttp().getRequest() as { principal: Principal }).principal;
});
