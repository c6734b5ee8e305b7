/**
 * The roles catalogue: the only role ids definitions and the seeded user directory may use.
 * A role belongs to one party (approvers are party-scoped), except the joint secretariat's coordinator.
 */
import type { Party } from '../../contracts/src/definition';
import type { Translations } from '../../contracts/src/i18n';
import { COORDINATOR_ROLE } from '../../contracts/src/principal';

export interface Role {
  id: string;
  /** null: both parties (the joint secretariat). */
  party: Party | null;
  title: string;
  org: string;
  /** The title in French and Japanese. */
  titles?: Translations;
  /** The organisation in French and Japanese (official names where they exist). */
  orgs?: Translations;
}

export const ROLES: readonly Role[] = [
  // Japan
  { id: 'jp-officer', party: 'JP', title: 'Ministry officer (initiator)', org: 'Government of Japan' },
  { id: 'jp-mofa-negotiator', party: 'JP', title: 'Negotiator', org: 'Ministry of Foreign Affairs' },
  { id: 'jp-clb-examiner', party: 'JP', title: 'Examiner', org: 'Cabinet Legislation Bureau' },
  {
    id: 'jp-mofa-treaties',
    party: 'JP',
    title: 'Treaties Division',
    org: 'Ministry of Foreign Affairs, International Legal Affairs Bureau',
  },
  {
    id: 'jp-cabinet-secretariat',
    party: 'JP',
    title: 'Records Cabinet decisions',
    org: 'Cabinet Secretariat',
  },
  {
    id: 'jp-diet-liaison',
    party: 'JP',
    title: 'Diet liaison (records Diet approval)',
    org: 'Ministry of Foreign Affairs',
  },
  {
    id: 'jp-official-gazette',
    party: 'JP',
    title: 'Promulgation in the Official Gazette',
    org: 'Cabinet Office / National Printing Bureau',
  },
  {
    id: 'jp-mod-atla',
    party: 'JP',
    title: 'Acquisition, Technology & Logistics Agency',
    org: 'Ministry of Defense',
  },
  // Added for exercise participation (defence policy, Joint Staff); ATLA is acquisition only.
  { id: 'jp-mod', party: 'JP', title: 'Defense Policy Bureau / Joint Staff', org: 'Ministry of Defense' },
  { id: 'jp-mofa', party: 'JP', title: 'Desk officer', org: 'Ministry of Foreign Affairs' },
  // Lead ministry for the MLAT (agreement-entry-into-force@2, leadDepartmentJP: moj).
  { id: 'jp-moj', party: 'JP', title: 'International Affairs Division', org: 'Ministry of Justice' },
  { id: 'jp-meti', party: 'JP', title: 'Desk officer', org: 'Ministry of Economy, Trade and Industry' },
  { id: 'jp-jetro', party: 'JP', title: 'Trade promotion', org: 'Japan External Trade Organization (JETRO)' },
  { id: 'jp-senior-official', party: 'JP', title: 'Senior official', org: 'Government of Japan' },
  {
    id: 'jp-minister-office',
    party: 'JP',
    title: "Minister's office",
    org: 'Ministry of Economy, Trade and Industry',
  },
  // Canada
  { id: 'ca-officer', party: 'CA', title: 'Ministry officer (initiator)', org: 'Government of Canada' },
  { id: 'ca-gac-negotiator', party: 'CA', title: 'Negotiator', org: 'Global Affairs Canada' },
  { id: 'ca-gac-treaty-law', party: 'CA', title: 'Treaty Law Division', org: 'Global Affairs Canada' },
  { id: 'ca-justice-legal', party: 'CA', title: 'Legal counsel', org: 'Justice Canada' },
  { id: 'ca-pco-oic', party: 'CA', title: 'Orders in Council', org: 'Privy Council Office' },
  {
    id: 'ca-parliament-liaison',
    party: 'CA',
    title: 'Parliamentary affairs (tabling, legislation)',
    org: 'Global Affairs Canada',
  },
  {
    id: 'ca-treaty-registry',
    party: 'CA',
    title: 'Canada Treaty Series / treaty registry',
    org: 'Global Affairs Canada',
  },
  { id: 'ca-dnd', party: 'CA', title: 'Desk officer', org: 'National Defence' },
  // Lead department for the MLAT (agreement-entry-into-force@2, leadDepartmentCA: justice).
  { id: 'ca-justice-iag', party: 'CA', title: 'International Assistance Group', org: 'Justice Canada' },
  { id: 'ca-gac', party: 'CA', title: 'Desk officer', org: 'Global Affairs Canada' },
  { id: 'ca-pspc', party: 'CA', title: 'Industrial security', org: 'Public Services and Procurement Canada' },
  { id: 'ca-senior-official', party: 'CA', title: 'Senior official', org: 'Government of Canada' },
  {
    id: 'ca-trade-minister-office',
    party: 'CA',
    title: "Minister of International Trade's office",
    org: 'Global Affairs Canada',
  },
  {
    id: 'ca-gac-trade-missions',
    party: 'CA',
    title: 'Trade missions division',
    org: 'Global Affairs Canada',
  },
  {
    id: 'ca-tcs-tokyo',
    party: 'CA',
    title: 'Trade Commissioner Service, Tokyo',
    org: 'Embassy of Canada to Japan',
  },
  // Both
  { id: COORDINATOR_ROLE, party: null, title: 'Coordinator', org: 'Joint secretariat' },
];

const byId = new Map(ROLES.map((r) => [r.id, r]));

export function getRole(id: string): Role | undefined {
  return byId.get(id);
}

export function rolesOf(party: Party): Role[] {
  return ROLES.filter((r) => r.party === party);
}
