/**
 * Planning a trade mission (PRODUCT.md). Examples: the Team Canada Trade Mission to Japan; Keidanren's return
 * visit. Lead time ~6 months. Participant recruitment is a registration window (a timer, waivable by a
 * coordinator if it is closed early), then the number of companies registered is recorded.
 */
import type { ProcessDefinition } from '../../../contracts/src/definition';

export const tradeMission: ProcessDefinition = {
  id: 'trade-mission',
  version: 1,
  title: 'Planning a trade mission',
  titles: { fr: "Planification d'une mission commerciale", ja: '貿易ミッションの企画' },
  description:
    'From concept to post-mission report: concept approval and host concurrence, budget, dates and ' +
    'programme, participant recruitment through a registration window, B2B matchmaking, logistics and ' +
    'security, a final go/no-go by both ministers’ offices, the mission itself and the report.',
  descriptions: {
    fr: "De la conception au rapport postérieur à la mission : approbation du concept et accord du pays hôte, budget, dates et programme, recrutement des participants pendant une période d'inscription, maillage d'entreprises (B2B), logistique et sécurité, décision finale d'aller de l'avant ou non prise par les cabinets des deux ministres, la mission elle-même et le rapport.",
    ja: '構想から事後報告まで：構想の承認及び受入れ国の同意、予算、日程及びプログラム、登録期間中の参加者の募集、企業間（B2B）マッチング、ロジスティクス及び警備、双方の大臣室による実施可否の最終判断、ミッションの実施並びに報告。',
  },
  roadmap: {
    pillar: '3',
    pillarTitle: 'Trade and Investment',
    section: 'Team Canada Trade Mission to Japan; Keidanren return visit',
  },
  parties: ['JP', 'CA'],
  initiatorRoles: ['ca-officer', 'ca-gac-trade-missions', 'jp-officer', 'jp-jetro'],
  idleAfter: { amount: 14, unit: 'calendar-days' },
  parameters: {
    direction: {
      type: 'enum',
      title: 'Direction',
      titles: { fr: 'Sens de la mission', ja: 'ミッションの方向' },
      options: ['canada-to-japan', 'japan-to-canada'],
      optionTitles: {
        'canada-to-japan': {
          title: 'Canada to Japan',
          titles: { fr: 'Du Canada vers le Japon', ja: 'カナダから日本へ' },
        },
        'japan-to-canada': {
          title: 'Japan to Canada',
          titles: { fr: 'Du Japon vers le Canada', ja: '日本からカナダへ' },
        },
      },
      default: 'canada-to-japan',
    },
    sectors: {
      type: 'text',
      title: 'Focus sectors',
      titles: { fr: 'Secteurs ciblés', ja: '重点分野' },
      default: 'Multi-sector',
    },
    registrationWindowDays: {
      type: 'number',
      title: 'Registration window (calendar days)',
      titles: { fr: "Période d'inscription (jours civils)", ja: '登録期間（暦日数）' },
      default: 30,
      min: 1,
      max: 120,
    },
    targetCompanies: {
      type: 'number',
      title: 'Target number of companies',
      titles: { fr: "Nombre d'entreprises visé", ja: '目標参加企業数' },
      default: 50,
      min: 1,
    },
  },
  steps: [
    {
      id: 'concept-approval',
      type: 'approval',
      title: 'Concept approval',
      titles: { fr: 'Approbation du concept', ja: '構想の承認' },
      description:
        "The Minister of International Trade's office approves the concept; the Japanese host (METI or JETRO) " +
        'concurs. A rejection ends the planning.',
      parties: {
        CA: { roles: ['ca-trade-minister-office'], rule: 'any' },
        JP: { roles: ['jp-meti', 'jp-jetro'], rule: 'any' },
      },
      onReject: 'end',
      maxRounds: 3,
      deadline: {
        within: { amount: 30, unit: 'calendar-days' },
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 21, unit: 'calendar-days' },
    },
    {
      id: 'budget-approval',
      type: 'approval',
      title: 'Budget approval',
      titles: { fr: 'Approbation du budget', ja: '予算の承認' },
      description: 'The GAC trade missions division approves the budget.',
      parties: { CA: { roles: ['ca-gac-trade-missions'], rule: 'any' } },
      onReject: 'end',
      maxRounds: 3,
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'CA' },
        remindBefore: [{ amount: 3, unit: 'business-days', calendar: 'CA' }],
      },
      typically: { amount: 10, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'dates-and-programme',
      type: 'task',
      title: 'Dates and programme',
      titles: { fr: 'Dates et programme', ja: '日程及びプログラム' },
      description: 'Agreed jointly; either side records the dates, cities and programme.',
      parties: { CA: { roles: ['ca-gac-trade-missions', 'ca-tcs-tokyo'] }, JP: { roles: ['jp-jetro'] } },
      outputs: {
        startsOn: {
          type: 'date',
          title: 'First day of the mission',
          titles: { fr: 'Premier jour de la mission', ja: 'ミッションの初日' },
        },
        endsOn: {
          type: 'date',
          title: 'Last day of the mission',
          titles: { fr: 'Dernier jour de la mission', ja: 'ミッションの最終日' },
        },
        cities: { type: 'text', title: 'Cities', titles: { fr: 'Villes', ja: '訪問都市' } },
        programme: {
          type: 'reference',
          title: 'Programme reference',
          titles: { fr: 'Référence du programme', ja: 'プログラムの文書番号' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 30, unit: 'calendar-days' },
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 21, unit: 'calendar-days' },
    },
    {
      id: 'registration-window',
      type: 'timer',
      title: 'Participant registration window',
      titles: { fr: "Période d'inscription des participants", ja: '参加者の登録期間' },
      description:
        'Companies register for the mission; a coordinator may close the window early with a reason.',
      wait: { amount: { param: 'registrationWindowDays' }, unit: 'calendar-days' },
      waivable: true,
    },
    {
      id: 'participants-recorded',
      type: 'task',
      title: 'Participants recorded',
      titles: { fr: 'Participants consignés', ja: '参加者の記録' },
      description: 'Record the number of companies registered when the window closes.',
      parties: { CA: { roles: ['ca-gac-trade-missions'] } },
      outputs: {
        companiesRegistered: {
          type: 'number',
          title: 'Companies registered',
          titles: { fr: 'Entreprises inscrites', ja: '登録企業数' },
        },
        participantList: {
          type: 'reference',
          title: 'Participant list',
          titles: { fr: 'Liste des participants', ja: '参加者名簿' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 5, unit: 'business-days', calendar: 'CA' },
        remindBefore: [{ amount: 1, unit: 'business-days', calendar: 'CA' }],
      },
      typically: { amount: 3, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'b2b-matchmaking',
      type: 'task',
      title: 'B2B matchmaking',
      titles: { fr: "Rencontres d'affaires (B2B)", ja: '企業間商談（B2B）のマッチング' },
      description: 'JETRO and the Trade Commissioner Service in Tokyo arrange the business meetings.',
      parties: { JP: { roles: ['jp-jetro'] }, CA: { roles: ['ca-tcs-tokyo'] } },
      outputs: {
        meetingsArranged: {
          type: 'number',
          title: 'B2B meetings arranged',
          titles: { fr: 'Rencontres B2B organisées', ja: '設定された企業間商談（B2B）の件数' },
        },
      },
      deadline: {
        within: { amount: 45, unit: 'calendar-days' },
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 30, unit: 'calendar-days' },
    },
    {
      id: 'logistics-and-security',
      type: 'task',
      title: 'Logistics and security',
      titles: { fr: 'Logistique et sécurité', ja: 'ロジスティクス及び安全' },
      description: 'Venues, transport, accommodation and the security plan are in place.',
      parties: { CA: { roles: ['ca-gac-trade-missions', 'ca-tcs-tokyo'] } },
      outputs: {
        logisticsPlan: {
          type: 'reference',
          title: 'Logistics and security plan',
          titles: { fr: 'Plan de logistique et de sécurité', ja: 'ロジスティクス及び安全計画' },
        },
      },
      deadline: {
        within: { amount: 30, unit: 'calendar-days' },
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 21, unit: 'calendar-days' },
    },
    {
      id: 'go-no-go',
      type: 'approval',
      title: 'Final go / no-go',
      titles: { fr: 'Décision finale (go / no-go)', ja: '実施の最終判断' },
      description: "Both ministers' offices confirm the mission goes ahead; a rejection cancels it.",
      parties: {
        CA: { roles: ['ca-trade-minister-office'], rule: 'any' },
        JP: { roles: ['jp-minister-office'], rule: 'any' },
      },
      onReject: 'end',
      maxRounds: 3,
      deadline: {
        within: { amount: 10, unit: 'business-days', calendar: 'CA' },
        remindBefore: [
          { amount: 3, unit: 'business-days', calendar: 'CA' },
          { amount: 1, unit: 'business-days', calendar: 'CA' },
        ],
        escalateAfter: [
          { amount: 0, unit: 'hours' },
          { amount: 2, unit: 'business-days', calendar: 'CA' },
        ],
      },
      typically: { amount: 7, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'mission-held',
      type: 'task',
      title: 'Mission held',
      titles: { fr: 'Mission tenue', ja: 'ミッションの実施' },
      description: 'Record when the mission took place and how many took part.',
      parties: { CA: { roles: ['ca-gac-trade-missions', 'ca-tcs-tokyo'] }, JP: { roles: ['jp-jetro'] } },
      outputs: {
        heldFrom: { type: 'date', title: 'From', titles: { fr: 'Du', ja: '開始日' } },
        heldTo: { type: 'date', title: 'To', titles: { fr: 'Au', ja: '終了日' } },
        participants: {
          type: 'number',
          title: 'Participating companies',
          titles: { fr: 'Entreprises participantes', ja: '参加企業数' },
        },
      },
      typically: { amount: 60, unit: 'calendar-days' },
    },
    {
      id: 'post-mission-report',
      type: 'task',
      title: 'Post-mission report drafted',
      titles: { fr: 'Rapport de mission rédigé', ja: '事後報告書の起案' },
      description: 'The Trade Commissioner Service in Tokyo drafts the report (results, deals, follow-ups).',
      parties: { CA: { roles: ['ca-tcs-tokyo'] } },
      outputs: {
        reportReference: {
          type: 'reference',
          title: 'Report reference',
          titles: { fr: 'Référence du rapport', ja: '報告書の文書番号' },
        },
        dealsAnnounced: {
          type: 'number',
          title: 'Agreements / deals announced',
          titles: { fr: 'Accords et ententes annoncés', ja: '発表された合意・成約' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 30, unit: 'calendar-days' },
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 21, unit: 'calendar-days' },
    },
    {
      id: 'post-mission-report-approval',
      type: 'approval',
      title: 'Post-mission report approved',
      titles: { fr: 'Rapport de mission approuvé', ja: '事後報告書の承認' },
      description: 'Both sides approve the report; requested changes send it back to the drafter.',
      parties: {
        CA: { roles: ['ca-gac-trade-missions'], rule: 'any' },
        JP: { roles: ['jp-jetro'], rule: 'any' },
      },
      onRequestChanges: { goto: 'post-mission-report' },
      onReject: 'end',
      maxRounds: 5,
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'CA' },
        remindBefore: [{ amount: 3, unit: 'business-days', calendar: 'CA' }],
      },
      typically: { amount: 10, unit: 'business-days', calendar: 'CA' },
    },
  ],
};
