import type { Party } from './definition';
import type { Lang } from './i18n';

/** GET /api/v1/roles rows: a role named in the language asked, with its names in every language. */
export interface RoleListing {
  id: string;
  /** null: both parties (the joint secretariat). */
  party: Party | null;
  title: string;
  org: string;
  titles: Record<Lang, string>;
  orgs: Record<Lang, string>;
}
