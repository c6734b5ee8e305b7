import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'accord:isPublic';
/** Marks a route as reachable without a token (health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const WITHOUT_ROLES = 'accord:withoutRoles';
/**
 * Marks a route a signed-in person without any Accord role may still call (GET /me, so the console can say
 * who they are and that they have no role). Every other route refuses them: a token without roles reads
 * nothing.
 */
export const WithoutRoles = () => SetMetadata(WITHOUT_ROLES, true);
