import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'accord:isPublic';
/** Marks a route as reachable without a token (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
