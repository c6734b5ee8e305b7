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
  {
    id: 'jp-officer',
    party: 'JP',
    title: 'Ministry officer (initiator)',
    org: 'Government of Japan',
    titles: { fr: 'Agent ministériel (initiateur)', ja: '担当官（起案者）' },
    orgs: { fr: 'Gouvernement du Japon', ja: '日本国政府' },
  },
  {
    id: 'jp-mofa-negotiator',
    party: 'JP',
    title: 'Negotiator',
    org: 'Ministry of Foreign Affairs',
    titles: { fr: 'Négociateur', ja: '交渉担当官' },
    orgs: { fr: 'Ministère des Affaires étrangères du Japon', ja: '外務省' },
  },
  {
    id: 'jp-clb-examiner',
    party: 'JP',
    title: 'Examiner',
    org: 'Cabinet Legislation Bureau',
    titles: { fr: 'Examinateur', ja: '参事官（審査担当）' },
    orgs: { fr: 'Bureau législatif du Cabinet', ja: '内閣法制局' },
  },
  {
    id: 'jp-mofa-treaties',
    party: 'JP',
    title: 'Treaties Division',
    org: 'Ministry of Foreign Affairs, International Legal Affairs Bureau',
    titles: { fr: 'Division des traités', ja: '条約課' },
    orgs: {
      fr: 'Ministère des Affaires étrangères du Japon, Bureau des affaires juridiques internationales',
      ja: '外務省国際法局',
    },
  },
  {
    id: 'jp-cabinet-secretariat',
    party: 'JP',
    title: 'Records Cabinet decisions',
    org: 'Cabinet Secretariat',
    titles: { fr: 'Consigne les décisions du Cabinet', ja: '閣議決定の記録' },
    orgs: { fr: 'Secrétariat du Cabinet', ja: '内閣官房' },
  },
  {
    id: 'jp-diet-liaison',
    party: 'JP',
    title: 'Diet liaison (records Diet approval)',
    org: 'Ministry of Foreign Affairs',
    titles: { fr: 'Liaison avec la Diète (consigne les approbations)', ja: '国会担当（国会承認の記録）' },
    orgs: { fr: 'Ministère des Affaires étrangères du Japon', ja: '外務省' },
  },
  {
    id: 'jp-official-gazette',
    party: 'JP',
    title: 'Promulgation in the Official Gazette',
    org: 'Cabinet Office / National Printing Bureau',
    titles: { fr: 'Promulgation au Journal officiel', ja: '官報による公布' },
    orgs: { fr: 'Bureau du Cabinet / Bureau national de l’imprimerie', ja: '内閣府・国立印刷局' },
  },
  {
    id: 'jp-mod-atla',
    party: 'JP',
    title: 'Acquisition, Technology & Logistics Agency',
    org: 'Ministry of Defense',
    titles: { fr: "Agence d'acquisition, de technologie et de logistique", ja: '防衛装備庁' },
    orgs: { fr: 'Ministère de la Défense du Japon', ja: '防衛省' },
  },
  // Added for exercise participation (defence policy, Joint Staff); ATLA is acquisition only.
  {
    id: 'jp-mod',
    party: 'JP',
    title: 'Defense Policy Bureau / Joint Staff',
    org: 'Ministry of Defense',
    titles: {
      fr: 'Bureau de la politique de défense / État-major interarmées',
      ja: '防衛政策局・統合幕僚監部',
    },
    orgs: { fr: 'Ministère de la Défense du Japon', ja: '防衛省' },
  },
  {
    id: 'jp-mofa',
    party: 'JP',
    title: 'Desk officer',
    org: 'Ministry of Foreign Affairs',
    titles: { fr: 'Agent de pupitre', ja: '担当官' },
    orgs: { fr: 'Ministère des Affaires étrangères du Japon', ja: '外務省' },
  },
  // Lead ministry for the MLAT (agreement-entry-into-force@2, leadDepartmentJP: moj).
  {
    id: 'jp-moj',
    party: 'JP',
    title: 'International Affairs Division',
    org: 'Ministry of Justice',
    titles: { fr: 'Division des affaires internationales', ja: '国際課' },
    orgs: { fr: 'Ministère de la Justice du Japon', ja: '法務省' },
  },
  {
    id: 'jp-meti',
    party: 'JP',
    title: 'Desk officer',
    org: 'Ministry of Economy, Trade and Industry',
    titles: { fr: 'Agent de pupitre', ja: '担当官' },
    orgs: { fr: "Ministère de l'Économie, du Commerce et de l'Industrie", ja: '経済産業省' },
  },
  {
    id: 'jp-jetro',
    party: 'JP',
    title: 'Trade promotion',
    org: 'Japan External Trade Organization (JETRO)',
    titles: { fr: 'Promotion commerciale', ja: '貿易振興' },
    orgs: { fr: 'Organisation japonaise du commerce extérieur (JETRO)', ja: '日本貿易振興機構（ジェトロ）' },
  },
  {
    id: 'jp-senior-official',
    party: 'JP',
    title: 'Senior official',
    org: 'Government of Japan',
    titles: { fr: 'Haut fonctionnaire', ja: '幹部職員' },
    orgs: { fr: 'Gouvernement du Japon', ja: '日本国政府' },
  },
  {
    id: 'jp-minister-office',
    party: 'JP',
    title: "Minister's office",
    org: 'Ministry of Economy, Trade and Industry',
    titles: { fr: 'Cabinet du ministre', ja: '大臣官房' },
    orgs: { fr: "Ministère de l'Économie, du Commerce et de l'Industrie", ja: '経済産業省' },
  },
  {
    id: 'jp-keidanren',
    party: 'JP',
    title: 'Mission organiser',
    org: 'Japan Business Federation (Keidanren)',
    titles: { fr: 'Organisateur de la mission', ja: 'ミッション主催者' },
    orgs: {
      fr: 'Fédération japonaise des entreprises (Keidanren)',
      ja: '一般社団法人日本経済団体連合会（経団連）',
    },
  },
  {
    id: 'jp-embassy-canada',
    party: 'JP',
    title: 'Economic section',
    org: 'Embassy of Japan in Canada',
    titles: { fr: 'Section économique', ja: '経済班' },
    orgs: { fr: 'Ambassade du Japon au Canada', ja: '在カナダ日本国大使館' },
  },
  {
    id: 'jp-coast-guard',
    party: 'JP',
    title: 'Search and rescue',
    org: 'Japan Coast Guard',
    titles: { fr: 'Recherche et sauvetage', ja: '救難' },
    orgs: { fr: 'Garde côtière du Japon', ja: '海上保安庁' },
  },
  // Canada
  {
    id: 'ca-officer',
    party: 'CA',
    title: 'Ministry officer (initiator)',
    org: 'Government of Canada',
    titles: { fr: 'Agent ministériel (initiateur)', ja: '担当官（起案者）' },
    orgs: { fr: 'Gouvernement du Canada', ja: 'カナダ政府' },
  },
  {
    id: 'ca-gac-negotiator',
    party: 'CA',
    title: 'Negotiator',
    org: 'Global Affairs Canada',
    titles: { fr: 'Négociateur', ja: '交渉担当官' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-gac-treaty-law',
    party: 'CA',
    title: 'Treaty Law Division',
    org: 'Global Affairs Canada',
    titles: { fr: 'Direction du droit des traités', ja: '条約法課' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-justice-legal',
    party: 'CA',
    title: 'Legal counsel',
    org: 'Justice Canada',
    titles: { fr: 'Conseiller juridique', ja: '法律顧問' },
    orgs: { fr: 'Justice Canada', ja: 'カナダ司法省' },
  },
  {
    id: 'ca-pco-oic',
    party: 'CA',
    title: 'Orders in Council',
    org: 'Privy Council Office',
    titles: { fr: 'Décrets', ja: '枢密院令担当' },
    orgs: { fr: 'Bureau du Conseil privé', ja: '枢密院事務局' },
  },
  {
    id: 'ca-parliament-liaison',
    party: 'CA',
    title: 'Parliamentary affairs (tabling, legislation)',
    org: 'Global Affairs Canada',
    titles: { fr: 'Affaires parlementaires (dépôt, législation)', ja: '議会担当（提出、立法）' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-treaty-registry',
    party: 'CA',
    title: 'Canada Treaty Series / treaty registry',
    org: 'Global Affairs Canada',
    titles: { fr: 'Recueil des traités du Canada / registre des traités', ja: 'カナダ条約集・条約登録簿' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-dnd',
    party: 'CA',
    title: 'Desk officer',
    org: 'National Defence',
    titles: { fr: 'Agent de pupitre', ja: '担当官' },
    orgs: { fr: 'Défense nationale', ja: 'カナダ国防省' },
  },
  // Lead department for the MLAT (agreement-entry-into-force@2, leadDepartmentCA: justice).
  {
    id: 'ca-justice-iag',
    party: 'CA',
    title: 'International Assistance Group',
    org: 'Justice Canada',
    titles: { fr: "Groupe d'entraide internationale", ja: '国際援助課' },
    orgs: { fr: 'Justice Canada', ja: 'カナダ司法省' },
  },
  {
    id: 'ca-gac',
    party: 'CA',
    title: 'Desk officer',
    org: 'Global Affairs Canada',
    titles: { fr: 'Agent de pupitre', ja: '担当官' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-pspc',
    party: 'CA',
    title: 'Industrial security',
    org: 'Public Services and Procurement Canada',
    titles: { fr: 'Sécurité industrielle', ja: '産業保全' },
    orgs: { fr: 'Services publics et Approvisionnement Canada', ja: 'カナダ公共サービス調達省' },
  },
  {
    id: 'ca-senior-official',
    party: 'CA',
    title: 'Senior official',
    org: 'Government of Canada',
    titles: { fr: 'Haut fonctionnaire', ja: '幹部職員' },
    orgs: { fr: 'Gouvernement du Canada', ja: 'カナダ政府' },
  },
  {
    id: 'ca-trade-minister-office',
    party: 'CA',
    title: "Minister of International Trade's office",
    org: 'Global Affairs Canada',
    titles: { fr: 'Cabinet du ministre du Commerce international', ja: '国際貿易大臣室' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-gac-trade-missions',
    party: 'CA',
    title: 'Trade missions division',
    org: 'Global Affairs Canada',
    titles: { fr: 'Division des missions commerciales', ja: '貿易ミッション課' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-tcs-tokyo',
    party: 'CA',
    title: 'Trade Commissioner Service, Tokyo',
    org: 'Embassy of Canada to Japan',
    titles: {
      fr: 'Service des délégués commerciaux, Tokyo',
      ja: '在日カナダ大使館 通商部（トレードコミッショナー・サービス）',
    },
    orgs: { fr: 'Ambassade du Canada au Japon', ja: '在日カナダ大使館' },
  },
  {
    id: 'ca-invest-in-canada',
    party: 'CA',
    title: 'Investment attraction',
    org: 'Invest in Canada',
    titles: { fr: "Attraction de l'investissement", ja: '投資誘致' },
    orgs: { fr: 'Investir au Canada', ja: 'インベスト・イン・カナダ' },
  },
  {
    id: 'ca-pt-liaison',
    party: 'CA',
    title: 'Provinces and territories liaison',
    org: 'Global Affairs Canada',
    titles: { fr: 'Liaison avec les provinces et territoires', ja: '州・準州との連絡調整' },
    orgs: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
  },
  {
    id: 'ca-coast-guard',
    party: 'CA',
    title: 'Search and rescue',
    org: 'Canadian Coast Guard',
    titles: { fr: 'Recherche et sauvetage', ja: '捜索救難' },
    orgs: { fr: 'Garde côtière canadienne', ja: 'カナダ沿岸警備隊' },
  },
  // Both
  {
    id: COORDINATOR_ROLE,
    party: null,
    title: 'Coordinator',
    org: 'Joint secretariat',
    titles: { fr: 'Coordonnateur', ja: 'コーディネーター' },
    orgs: { fr: 'Secrétariat conjoint', ja: '共同事務局' },
  },
];

const byId = new Map(ROLES.map((r) => [r.id, r]));

export function getRole(id: string): Role | undefined {
  return byId.get(id);
}

export function rolesOf(party: Party): Role[] {
  return ROLES.filter((r) => r.party === party);
}
