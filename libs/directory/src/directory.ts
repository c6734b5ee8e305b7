/**
 * The seeded user directory: the embedded default for development, demos and tests. Each user holds roles
 * from the roles vocabulary (libs/definitions), so `npm run token -- <id>` yields a usable identity.
 */
import type { Party } from '../../contracts/src/definition';
import type { Principal } from '../../contracts/src/principal';
import seeded from './users.json';

export interface DirectoryUser {
  id: string;
  name: string;
  party: Party;
  org: string;
  roles: string[];
}

const USERS: readonly DirectoryUser[] = Object.freeze(
  (seeded as DirectoryUser[]).map((u) => Object.freeze({ ...u, roles: [...u.roles] })),
);

export function listUsers(): DirectoryUser[] {
  return USERS.map((u) => ({ ...u, roles: [...u.roles] }));
}

export function getUser(id: string): DirectoryUser | undefined {
  const u = USERS.find((x) => x.id === id);
  return u ? { ...u, roles: [...u.roles] } : undefined;
}

export function usersWithRole(party: Party, role: string): DirectoryUser[] {
  return listUsers().filter((u) => u.party === party && u.roles.includes(role));
}

/** The claims a token for this user carries. */
export function principalOf(user: DirectoryUser): Principal {
  return { sub: user.id, name: user.name, party: user.party, org: user.org, roles: [...user.roles] };
}
