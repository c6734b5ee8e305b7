import type { Party } from './definition';

/** Who is acting, as the API established it from a verified token. */
export interface Principal {
  sub: string;
  name: string;
  party: Party;
  org: string;
  roles: string[];
}

/** The principal acting, possibly on behalf of someone who delegated to them. */
export interface ActingPrincipal extends Principal {
  onBehalfOf?: { sub: string; name: string };
}

/** The role every coordinator (joint secretariat) holds. */
export const COORDINATOR_ROLE = 'coordinator';
