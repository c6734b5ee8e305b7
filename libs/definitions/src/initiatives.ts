/**
 * The seeded roadmap initiatives that map to a process definition. `pillar` is the section
 * number of the roadmap text (shared/roadmap); `roadmapQuote` is the sentence that names the commitment.
 * `defaultParameters` are the known facts (e.g. a signature date) — a process for an initiative starts with
 * them, and the caller may override any of them.
 */
import type { ParamValue } from '../../contracts/src/definition';
import type { Translations } from '../../contracts/src/i18n';

export interface Initiative {
  id: string;
  title: string;
  /** The title in French and Japanese (official titles where they exist). */
  titles?: Translations;
  pillar: string;
  pillarTitle: string;
  pillarTitles?: Translations;
  section?: string;
  definitionId: string;
  defaultParameters: Record<string, ParamValue>;
  description: string;
  /** The description in French and Japanese. */
  descriptions?: Translations;
  roadmapQuote?: string;
}

const P1 = 'Enhanced Security and Defence Cooperation';
const P2 = 'Economic Security, Supply Chains, and Technological Resilience';
const P3 = 'Trade and Investment';
const P4 = 'Energy Security and Food Security';
const P5 = 'Arctic, Environment, and Climate Cooperation';
const P6 = 'People-to-People, Academic, and Cultural Exchanges';

/** The pillars' names in French and Japanese (working translations: the roadmap text is in English). */
export const PILLAR_TITLES: Record<string, Translations> = {
  '1': { fr: 'Coopération renforcée en matière de sécurité et de défense', ja: '安全保障・防衛協力の強化' },
  '2': {
    fr: 'Sécurité économique, chaînes d’approvisionnement et résilience technologique',
    ja: '経済安全保障、サプライチェーン及び技術の強靱性',
  },
  '3': { fr: 'Commerce et investissement', ja: '貿易・投資' },
  '4': { fr: 'Sécurité énergétique et sécurité alimentaire', ja: 'エネルギー安全保障及び食料安全保障' },
  '5': {
    fr: 'Coopération sur l’Arctique, l’environnement et le climat',
    ja: '北極・環境・気候変動に関する協力',
  },
  '6': {
    fr: 'Échanges interpersonnels, universitaires et culturels',
    ja: '人的・学術・文化交流',
  },
};

export const INITIATIVES: readonly Initiative[] = [
  {
    id: 'etta',
    title: 'Defence Equipment and Technology Transfer Agreement',
    titles: {
      fr: "Accord entre le gouvernement du Canada et le gouvernement du Japon concernant le transfert d'équipement et de technologie de défense",
      ja: '防衛装備品及び技術の移転に関する日本国政府とカナダ政府との間の協定',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.2',
    definitionId: 'agreement-entry-into-force',
    defaultParameters: {
      signedOn: '2026-01-27',
      leadDepartmentJP: 'mod',
      leadDepartmentCA: 'dnd',
      requiresDietApproval: true,
      requiresImplementingLegislation: false,
      entryIntoForceRule: 'days-after-last-notification',
      entryIntoForceDays: 30,
    },
    description:
      'Signed in Ottawa on 27 January 2026; Diet approval in Japan, tabling for 21 sitting days in Canada, ' +
      'then the exchange of notes.',
    descriptions: {
      fr: 'Signé à Ottawa le 27 janvier 2026 ; approbation de la Diète au Japon, dépôt à la Chambre des communes pendant 21 jours de séance au Canada, puis échange de notes.',
      ja: '2026年1月27日にオタワで署名。日本における国会承認及びカナダにおける下院への提出（21開会日）を経て、公文を交換する。',
    },
    roadmapQuote:
      'Work toward bringing into force and implementing the Defense Equipment and Technology Transfer Agreement ' +
      'in order to facilitate government-to-government cooperation on defence-related initiatives',
  },
  {
    id: 'mlat',
    title: 'Mutual Legal Assistance Treaty',
    titles: {
      fr: "Traité d'entraide judiciaire en matière pénale entre le Canada et le Japon",
      ja: '刑事に関する共助に関する日本国とカナダとの間の条約',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.5',
    definitionId: 'agreement-entry-into-force',
    defaultParameters: {
      signedOn: '2025-12-12',
      leadDepartmentJP: 'moj',
      leadDepartmentCA: 'justice',
      ctsPublicationDays: 60,
      requiresDietApproval: true,
      requiresImplementingLegislation: false,
      entryIntoForceRule: 'days-after-last-notification',
      entryIntoForceDays: 30,
    },
    description:
      'Signed 12 December 2025; Japan will submit it to the Diet. Canada tables it in the House of Commons.',
    descriptions: {
      fr: 'Signé le 12 décembre 2025 ; le Japon le soumettra à la Diète. Le Canada le dépose à la Chambre des communes.',
      ja: '2025年12月12日署名。日本は国会に提出する予定である。カナダは下院に提出する。',
    },
    roadmapQuote:
      'Advance cooperation between law enforcement agencies, including through working toward bringing into ' +
      'force and implementing the bilateral Mutual Legal Assistance Treaty.',
  },
  {
    id: 'sia-implementing-arrangement',
    title: 'Implementing arrangement for the Security of Information Agreement',
    titles: {
      fr: "Arrangement de mise en œuvre de l'Accord sur la sécurité de l'information",
      ja: '情報保護協定の実施取決め',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.2',
    definitionId: 'implementing-arrangement',
    defaultParameters: {
      leadSide: 'JP',
      parentAgreement: 'Security of Information Agreement (signed 8 July 2025)',
    },
    description: 'Defence industrial security arrangement under the SIA (signed 8 July 2025).',
    descriptions: {
      fr: "Arrangement relatif à la sécurité industrielle de défense conclu en vertu de l'Accord sur la sécurité de l'information (signé le 8 juillet 2025).",
      ja: '情報保護協定（2025年7月8日署名）の下での防衛産業保全に関する取決め。',
    },
    roadmapQuote:
      "Fully utilize the Security of Information Agreement to exchange information important for both countries' " +
      'respective security and prosperity and pursue appropriate measures regarding defence industrial ' +
      'security, including an implementing arrangement for the Security of Information Agreement.',
  },
  {
    id: 'team-canada-trade-mission',
    title: 'Team Canada Trade Mission to Japan',
    titles: {
      fr: "Mission commerciale d'Équipe Canada au Japon",
      ja: 'チーム・カナダ貿易ミッション（訪日）',
    },
    pillar: '3',
    pillarTitle: P3,
    definitionId: 'trade-mission',
    defaultParameters: { direction: 'canada-to-japan', sectors: 'Multi-sector', registrationWindowDays: 30 },
    description:
      'A Team Canada Trade Mission to Japan, planned with JETRO and the Trade Commissioner Service in Tokyo.',
    descriptions: {
      fr: "Mission commerciale d'Équipe Canada au Japon, planifiée avec la JETRO et le Service des délégués commerciaux à Tokyo.",
      ja: '日本貿易振興機構（ジェトロ）及び在日カナダ大使館通商部（トレードコミッショナー・サービス）と連携して企画するチーム・カナダ貿易ミッション（訪日）。',
    },
    roadmapQuote:
      'Canada will plan for a Team Canada Trade Mission to Japan to take place in the near future',
  },
  {
    id: 'keidanren-return-visit',
    title: 'Keidanren return visit to Canada',
    titles: { fr: 'Visite de retour du Keidanren au Canada', ja: '経団連ミッションの訪加' },
    pillar: '3',
    pillarTitle: P3,
    definitionId: 'trade-mission',
    defaultParameters: { direction: 'japan-to-canada', sectors: 'Multi-sector', registrationWindowDays: 30 },
    description: "Keidanren's return visit, building on its 2025 visit to Canada.",
    descriptions: {
      fr: 'Visite de retour du Keidanren, dans le prolongement de sa visite au Canada en 2025.',
      ja: '2025年の訪加を踏まえた経団連による再度の訪加。',
    },
    roadmapQuote:
      "looks forward to welcoming a return visit by Keidanren, building on the latter's successful visit to Canada in 2025.",
  },
  {
    id: 'defence-trade-missions',
    title: 'Ministerial-led defence trade missions',
    titles: {
      fr: 'Missions commerciales de défense dirigées par des ministres',
      ja: '閣僚主導の防衛産業ミッション',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.2',
    definitionId: 'trade-mission',
    defaultParameters: {
      direction: 'canada-to-japan',
      sectors: 'Defence and security',
      registrationWindowDays: 30,
    },
    description: 'Mutual support for ministerial-led trade missions focused on defence exports.',
    descriptions: {
      fr: 'Soutien mutuel aux missions commerciales dirigées par des ministres et axées sur les exportations de défense.',
      ja: '防衛装備品の輸出に焦点を当てた閣僚主導の貿易ミッションへの相互支援。',
    },
    roadmapQuote:
      'mutual support for Ministerial-led Trade Missions focused on boosting defence exports and reciprocal ' +
      'participation in defence-related trade shows and expositions/exhibitions.',
  },
  {
    id: 'cyber-policy-dialogue',
    title: 'Cyber Policy Dialogue',
    titles: { fr: 'Dialogue sur les politiques cybernétiques', ja: '日カナダ・サイバー政策対話' },
    pillar: '1',
    pillarTitle: P1,
    section: '1.3',
    definitionId: 'policy-dialogue',
    defaultParameters: { dialogueName: 'Japan–Canada Cyber Policy Dialogue', level: 'director-general' },
    description: 'Establishing a Cyber Policy Dialogue on cybersecurity and cyber defence cooperation.',
    descriptions: {
      fr: "Établissement d'un dialogue sur les politiques cybernétiques consacré à la coopération en matière de cybersécurité et de cyberdéfense.",
      ja: 'サイバーセキュリティ及びサイバー防衛に関する協力のためのサイバー政策対話の立ち上げ。',
    },
    roadmapQuote:
      'Strengthen cybersecurity and cyber defence cooperation, including information exchange, resilience ' +
      'building, and collaboration on common cyber threats affecting government systems and critical ' +
      'infrastructure, through the establishment of a Cyber Policy Dialogue.',
  },
  {
    id: 'economic-security-dialogue',
    title: 'Economic Security Dialogue',
    titles: { fr: 'Dialogue sur la sécurité économique', ja: '日カナダ経済安全保障対話' },
    pillar: '2',
    pillarTitle: P2,
    definitionId: 'policy-dialogue',
    defaultParameters: { dialogueName: 'Japan–Canada Economic Security Dialogue', level: 'vice-minister' },
    description: 'Establishing the Economic Security Dialogue the leaders concurred on.',
    descriptions: {
      fr: 'Établissement du Dialogue sur la sécurité économique dont les dirigeants sont convenus.',
      ja: '首脳間で一致した経済安全保障対話の立ち上げ。',
    },
    roadmapQuote: 'They concur on the establishment of an Economic Security Dialogue',
  },
  {
    id: 'joint-economic-committee',
    title: 'Modernised Joint Economic Committee',
    titles: { fr: 'Comité économique mixte modernisé', ja: '日加次官級経済協議（JEC）の刷新' },
    pillar: '3',
    pillarTitle: P3,
    // The Joint Economic Committee exists: it is modernised (revised terms), not established.
    definitionId: 'dialogue-modernisation',
    defaultParameters: {
      dialogueName: 'Japan–Canada Joint Economic Committee',
      level: 'vice-minister',
      focus: 'Emerging priority areas of collaboration',
    },
    description:
      'New terms of reference for the existing bilateral economic dialogue, reflecting emerging priorities.',
    descriptions: {
      fr: 'Nouveau cadre de référence pour le dialogue économique bilatéral existant, tenant compte des nouvelles priorités.',
      ja: '新たな優先分野を反映した、既存の二国間経済対話の新たな付託事項。',
    },
    roadmapQuote:
      'Modernize their bilateral economic dialogue, the Joint Economic Committee, to reflect emerging priority ' +
      'areas of collaboration.',
  },
  {
    id: 'defence-policy-consultations',
    title: 'Expanded defence policy consultations',
    titles: { fr: 'Consultations élargies sur la politique de défense', ja: '防衛政策協議の拡充' },
    pillar: '1',
    pillarTitle: P1,
    section: '1.1',
    // The consultations exist: they are expanded (revised terms), not established.
    definitionId: 'dialogue-modernisation',
    defaultParameters: {
      dialogueName: 'Japan–Canada Defence Policy Consultations',
      level: 'director-general',
      focus: 'Regional security trends, risks and emerging challenges',
    },
    description: 'Expanded consultations for more consistent assessments of regional security trends.',
    descriptions: {
      fr: 'Consultations élargies permettant des évaluations plus cohérentes des tendances en matière de sécurité régionale.',
      ja: '地域の安全保障動向についてより一貫した評価を可能とするための協議の拡充。',
    },
    roadmapQuote:
      'Expand defence policy consultations to enable more consistent assessments of regional security trends, ' +
      'risks, and emerging challenges.',
  },
  {
    id: 'moc-maritime-information-sharing',
    title: 'MOC on maritime information sharing',
    titles: {
      fr: "Protocole de coopération sur l'échange d'informations maritimes",
      ja: '海洋情報共有に関する協力覚書',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.4',
    definitionId: 'moc-implementation',
    defaultParameters: { memorandum: 'Memorandum of Cooperation pertaining to information sharing' },
    description: 'Implementing the recently signed memorandum of cooperation on information sharing.',
    descriptions: {
      fr: "Mise en œuvre du protocole de coopération récemment signé sur l'échange d'informations.",
      ja: '最近署名された情報共有に関する協力覚書の実施。',
    },
    roadmapQuote:
      'Implement the three recently signed memorandums of cooperation pertaining to information sharing, ' +
      'combatting IUU fishing and related international fisheries management in the high seas of the North ' +
      'Pacific, and fisheries research and technical cooperation',
  },
  {
    id: 'moc-iuu-fishing',
    title: 'MOC on combatting IUU fishing in the North Pacific high seas',
    titles: {
      fr: 'Protocole de coopération sur la lutte contre la pêche INN en haute mer du Pacifique Nord',
      ja: '北太平洋公海におけるIUU漁業対策に関する協力覚書',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.4',
    definitionId: 'moc-implementation',
    defaultParameters: {
      memorandum:
        'Memorandum of Cooperation on combatting IUU fishing and related international fisheries management in the high seas of the North Pacific',
    },
    description: 'Implementing the recently signed memorandum of cooperation on IUU fishing.',
    descriptions: {
      fr: 'Mise en œuvre du protocole de coopération récemment signé sur la pêche illicite, non déclarée et non réglementée (INN).',
      ja: '最近署名されたIUU（違法・無報告・無規制）漁業に関する協力覚書の実施。',
    },
    roadmapQuote:
      'Implement the three recently signed memorandums of cooperation pertaining to information sharing, ' +
      'combatting IUU fishing and related international fisheries management in the high seas of the North Pacific',
  },
  {
    id: 'moc-fisheries-research',
    title: 'MOC on fisheries research and technical cooperation',
    titles: {
      fr: 'Protocole de coopération sur la recherche halieutique et la coopération technique',
      ja: '漁業研究及び技術協力に関する協力覚書',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.4',
    definitionId: 'moc-implementation',
    defaultParameters: {
      memorandum: 'Memorandum of Cooperation on fisheries research and technical cooperation',
    },
    description: 'Implementing the recently signed memorandum of cooperation on fisheries research.',
    descriptions: {
      fr: 'Mise en œuvre du protocole de coopération récemment signé sur la recherche halieutique.',
      ja: '最近署名された漁業研究に関する協力覚書の実施。',
    },
    roadmapQuote:
      'Implement the three recently signed memorandums of cooperation pertaining to ... fisheries research and technical cooperation',
  },
  {
    id: 'moc-nationals-abroad',
    title: 'MOC on Assisting Japanese and Canadian Nationals Abroad',
    titles: {
      fr: "Protocole de coopération sur l'assistance aux ressortissants japonais et canadiens à l'étranger",
      ja: '海外における日本国民及びカナダ国民の支援に関する協力覚書',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.5',
    definitionId: 'moc-implementation',
    defaultParameters: {
      memorandum: 'Memorandum of Cooperation on Assisting Japanese and Canadian Nationals Abroad',
    },
    description: 'Mutual assistance to each other’s nationals in crises abroad.',
    descriptions: {
      fr: "Assistance mutuelle aux ressortissants de l'autre pays lors de crises à l'étranger.",
      ja: '海外における緊急事態の際の相手国国民に対する相互支援。',
    },
    roadmapQuote:
      "reinforcing mutual assistance to each other's nationals through the implementation of the recently signed " +
      'Memorandum of Cooperation on Assisting Japanese and Canadian Nationals Abroad.',
  },
  {
    id: 'operation-nanook',
    title: "Participation in Canada's Operation NANOOK",
    titles: { fr: "Participation à l'opération NANOOK du Canada", ja: 'カナダの「ナヌーク作戦」への参加' },
    pillar: '1',
    pillarTitle: P1,
    section: '1.1',
    definitionId: 'exercise-participation',
    defaultParameters: { exercise: 'Operation NANOOK', host: 'CA' },
    description: 'Japanese participation in Canada’s Arctic operation NANOOK.',
    descriptions: {
      fr: "Participation du Japon à l'opération NANOOK menée par le Canada dans l'Arctique.",
      ja: 'カナダが北極圏で実施するナヌーク作戦への日本の参加。',
    },
    roadmapQuote: "Increasing participation in each other's exercises, including Canada's Operation NANOOK.",
  },
  {
    id: 'kaedex',
    title: 'Bilateral exercise KAEDEX and joint sails',
    titles: {
      fr: 'Exercice bilatéral KAEDEX et navigations conjointes',
      ja: '日加共同訓練KAEDEX及び共同航行',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.1',
    definitionId: 'exercise-participation',
    defaultParameters: { exercise: 'KAEDEX', host: 'JP' },
    description: 'Joint sails of the Royal Canadian Navy and the JMSDF, building on exercise KAEDEX.',
    descriptions: {
      fr: "Navigations conjointes de la Marine royale canadienne et de la Force maritime d'autodéfense du Japon, dans le prolongement de l'exercice KAEDEX.",
      ja: '日加共同訓練KAEDEXを踏まえた、カナダ海軍及び海上自衛隊による共同航行。',
    },
    roadmapQuote:
      "Conducting joint sails, building on the Royal Canadian Navy's and the Japan Maritime Self Defense Forces' " +
      'respective sails in the region and bilateral exercise KAEDEX.',
  },
  {
    id: 'search-and-rescue-exercise',
    title: 'Joint search and rescue exercise participation',
    titles: {
      fr: 'Participation à un exercice conjoint de recherche et sauvetage',
      ja: '捜索救難共同訓練への参加',
    },
    pillar: '1',
    pillarTitle: P1,
    section: '1.4',
    // Maritime search and rescue is the coast guards' business, with the armed forces taking part.
    definitionId: 'search-and-rescue-cooperation',
    defaultParameters: { exercise: 'Joint search and rescue exercise', host: 'JP' },
    description:
      'The Japan Coast Guard and the Canadian Coast Guard exchange best practices and exercise together, with ' +
      'the armed forces of both sides.',
    descriptions: {
      fr: "La Garde côtière du Japon et la Garde côtière canadienne échangent leurs pratiques exemplaires et s'exercent ensemble, avec les forces armées des deux pays.",
      ja: '海上保安庁及びカナダ沿岸警備隊がベストプラクティスを共有し、自衛隊及びカナダ軍とともに共同訓練を行う。',
    },
    roadmapQuote:
      'Strengthen cooperation in search and rescue through the exchange of best practices and joint exercise participation.',
  },
  {
    id: 'energy-policy-dialogue',
    title: 'Japan–Canada Energy Policy Dialogue',
    titles: { fr: 'Dialogue Japon–Canada sur la politique énergétique', ja: '日カナダ・エネルギー政策対話' },
    pillar: '4',
    pillarTitle: P4,
    section: '4.1',
    definitionId: 'dialogue-modernisation',
    defaultParameters: {
      dialogueName: 'Japan–Canada Energy Policy Dialogue',
      level: 'director-general',
      focus: 'Long-term stability and sustainability; secure energy supply chains',
    },
    description: 'Leveraging the existing Energy Policy Dialogue to broaden and deepen energy cooperation.',
    descriptions: {
      fr: "Mise à profit du Dialogue sur la politique énergétique existant pour élargir et approfondir la coopération dans le domaine de l'énergie.",
      ja: '既存のエネルギー政策対話を活用した、エネルギー分野における協力の拡大及び深化。',
    },
    roadmapQuote:
      'Leverage the Japan-Canada Energy Policy Dialogue, with a focus on long-term stability and ' +
      'sustainability, to broaden and deepen cooperation in the field of energy',
  },
  {
    id: 'agriculture-dialogue',
    title: 'Bilateral Agriculture Dialogue',
    titles: { fr: 'Dialogue bilatéral sur l’agriculture', ja: '日カナダ農業対話' },
    pillar: '4',
    pillarTitle: P4,
    section: '4.2',
    definitionId: 'dialogue-modernisation',
    defaultParameters: {
      dialogueName: 'Japan–Canada Agriculture Dialogue',
      level: 'director-general',
      focus: 'Resilient food systems; streamlined import processes',
    },
    description: 'Leveraging the existing Agriculture Dialogue for food security and stable trade in food.',
    descriptions: {
      fr: "Mise à profit du Dialogue sur l'agriculture existant au service de la sécurité alimentaire et de la stabilité du commerce des produits alimentaires.",
      ja: '既存の農業対話を活用した、食料安全保障及び食料の安定的な貿易の確保。',
    },
    roadmapQuote:
      'Leverage the bilateral Agriculture Dialogue to enhance cooperation towards resilient and sustainable ' +
      'agriculture production and food systems',
  },
  {
    id: 'climate-environment-dialogue',
    title: 'Japan–Canada Ministerial Dialogue on Climate and Environment',
    titles: {
      fr: 'Dialogue ministériel Japon–Canada sur le climat et l’environnement',
      ja: '日カナダ気候・環境閣僚対話',
    },
    pillar: '5',
    pillarTitle: P5,
    definitionId: 'dialogue-modernisation',
    defaultParameters: {
      dialogueName: 'Japan–Canada Ministerial Dialogue on Climate and Environment',
      level: 'ministerial',
      focus: 'Climate change, biodiversity loss and pollution; the Arctic Council',
    },
    description: 'Leveraging the existing ministerial dialogue to address the triple crisis.',
    descriptions: {
      fr: 'Mise à profit du dialogue ministériel existant pour faire face à la triple crise (changements climatiques, perte de biodiversité et pollution).',
      ja: '既存の閣僚対話を活用した、三つの世界的危機（気候変動、生物多様性の損失及び汚染）への対処。',
    },
    roadmapQuote:
      'Leverage the Japan-Canada Ministerial Dialogue on Climate and Environment to explore ways to deepen ' +
      'cooperation to address the triple crisis bilaterally',
  },
  {
    id: 'centenary-workplan',
    title: 'Workplan toward the 100th anniversary of diplomatic relations (2028)',
    titles: {
      fr: 'Plan de travail pour le 100e anniversaire des relations diplomatiques (2028)',
      ja: '外交関係樹立100周年（2028年）に向けた作業計画',
    },
    pillar: '6',
    pillarTitle: P6,
    definitionId: 'moc-implementation',
    defaultParameters: {
      memorandum: 'Workplan toward the 100th anniversary of Japan–Canada diplomatic relations (2028)',
    },
    description: 'Focal points, a joint workplan approved by senior officials, the first joint activity.',
    descriptions: {
      fr: 'Points de contact, plan de travail conjoint approuvé par les hauts fonctionnaires, première activité conjointe.',
      ja: '連絡窓口の指定、高級事務レベルによる共同作業計画の承認及び最初の共同事業の実施。',
    },
    roadmapQuote:
      'Develop a workplan toward the commemoration of the 100th anniversary of diplomatic relations in 2028',
  },
  {
    id: 'working-holiday-youth-mobility',
    title: 'Working Holiday Youth Mobility Arrangement',
    titles: {
      fr: 'Arrangement sur la mobilité des jeunes (vacances-travail)',
      ja: 'ワーキング・ホリデー（青少年交流）に関する取決め',
    },
    pillar: '6',
    pillarTitle: P6,
    definitionId: 'moc-implementation',
    defaultParameters: { memorandum: 'Working Holiday Youth Mobility Arrangement (updated)' },
    description: 'Using the recently updated arrangement to strengthen youth exchange.',
    descriptions: {
      fr: "Recours à l'arrangement récemment mis à jour pour renforcer les échanges de jeunes.",
      ja: '最近改定された取決めを活用した青少年交流の強化。',
    },
    roadmapQuote:
      'Explore ways to strengthen youth exchange, including through the utilization of the recently updated ' +
      'Working Holiday Youth Mobility Arrangement',
  },
];
