/**
 * Planning a trade mission, version 2 (issue 10). Version 1 (./trade-mission.ts) ignored its `direction`: a
 * Japanese business mission to Canada (Keidanren's return visit) ran on the GAC budget and the Trade
 * Commissioner Service in Tokyo. Here each direction has its own organisations (steps chosen by `direction`;
 * the Canada-to-Japan steps keep version 1's ids), Canada's provinces and territories take part, and the
 * registered participants are vetted before matchmaking. Version 1 processes finish on version 1.
 */
import type { Condition, ProcessDefinition } from '../../../contracts/src/definition';

const outbound: Condition = { param: 'direction', equals: 'canada-to-japan' };
const inbound: Condition = { param: 'direction', equals: 'japan-to-canada' };

export const tradeMissionV2: ProcessDefinition = {
  id: 'trade-mission',
  version: 2,
  title: 'Planning a trade mission',
  titles: { fr: "Planification d'une mission commerciale", ja: '貿易ミッションの企画' },
  description:
    'From concept to post-mission report, by direction: concept approval and host concurrence, budget, dates ' +
    "and programme, Canada's provinces and territories, participant recruitment through a registration " +
    'window and vetting, B2B matchmaking, logistics and security, a final go/no-go by both ministers’ ' +
    'offices, the mission itself and the report. A Canadian mission to Japan runs on the GAC budget with the ' +
    "Trade Commissioner Service in Tokyo and JETRO; a Japanese business mission to Canada (Keidanren's) runs " +
    'on its organiser with Invest in Canada and the Embassy of Japan in Canada.',
  descriptions: {
    fr: "De la conception au rapport postérieur à la mission, selon le sens de la mission : approbation du concept et accord du pays hôte, budget, dates et programme, provinces et territoires du Canada, recrutement des participants pendant une période d'inscription et vérification de leur admissibilité, maillage d'entreprises (B2B), logistique et sécurité, décision finale d'aller de l'avant ou non prise par les cabinets des deux ministres, la mission elle-même et le rapport. Une mission canadienne au Japon est financée sur le budget d'Affaires mondiales Canada et organisée avec le Service des délégués commerciaux à Tokyo et la JETRO ; une mission d'affaires japonaise au Canada (celle du Keidanren) est prise en charge par son organisateur, avec Investir au Canada et l'ambassade du Japon au Canada.",
    ja: '構想から事後報告まで（派遣の方向別）：構想の承認及び受入れ国の同意、予算、日程及びプログラム、カナダの州及び準州の参加、登録期間中の参加者の募集及び審査、企業間（B2B）マッチング、ロジスティクス及び警備、双方の大臣室による実施可否の最終判断、ミッションの実施並びに報告。カナダから日本へのミッションは、グローバル連携省の予算により、在日カナダ大使館通商部（トレードコミッショナー・サービス）及び日本貿易振興機構（ジェトロ）と連携して実施する。日本からカナダへの経済ミッション（経団連によるもの）は、主催者の負担により、インベスト・イン・カナダ及び在カナダ日本国大使館と連携して実施する。',
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
      when: outbound,
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
      id: 'concept-approval-inbound',
      when: inbound,
      type: 'approval',
      title: 'Concept approval (mission to Canada)',
      titles: { fr: 'Approbation du concept (mission au Canada)', ja: '構想の承認（訪加ミッション）' },
      description:
        "The organiser (Keidanren) approves the concept; the Minister of International Trade's office concurs " +
        'as host. A rejection ends the planning.',
      parties: {
        JP: { roles: ['jp-keidanren'], rule: 'any' },
        CA: { roles: ['ca-trade-minister-office'], rule: 'any' },
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
      when: outbound,
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
      id: 'budget-approval-inbound',
      when: inbound,
      type: 'approval',
      title: "Budget approval (the organiser's)",
      titles: { fr: "Approbation du budget (par l'organisateur)", ja: '予算の承認（主催者）' },
      description: 'The mission to Canada is funded by its organiser: Keidanren approves its budget.',
      parties: { JP: { roles: ['jp-keidanren'], rule: 'any' } },
      onReject: 'end',
      maxRounds: 3,
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'JP' },
        remindBefore: [{ amount: 3, unit: 'business-days', calendar: 'JP' }],
      },
      typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'dates-and-programme',
      when: outbound,
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
      id: 'dates-and-programme-inbound',
      when: inbound,
      type: 'task',
      title: 'Dates and programme (mission to Canada)',
      titles: { fr: 'Dates et programme (mission au Canada)', ja: '日程及びプログラム（訪加ミッション）' },
      description: 'Agreed jointly; the organiser or GAC records the dates, cities and programme in Canada.',
      parties: { JP: { roles: ['jp-keidanren'] }, CA: { roles: ['ca-gac-trade-missions'] } },
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
      when: outbound,
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
      id: 'participants-recorded-inbound',
      when: inbound,
      type: 'task',
      title: 'Participants recorded (mission to Canada)',
      titles: { fr: 'Participants consignés (mission au Canada)', ja: '参加者の記録（訪加ミッション）' },
      description: 'The organiser records the companies registered when the window closes.',
      parties: { JP: { roles: ['jp-keidanren'] } },
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
        within: { amount: 5, unit: 'business-days', calendar: 'JP' },
        remindBefore: [{ amount: 1, unit: 'business-days', calendar: 'JP' }],
      },
      typically: { amount: 3, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'participant-vetting',
      when: outbound,
      type: 'approval',
      title: 'Participants vetted',
      titles: { fr: 'Participants vérifiés', ja: '参加者の審査' },
      description:
        'GAC checks each registered company against the mission criteria (a Canadian business, export-ready, ' +
        'integrity checks). Changes requested send the list back to be recorded again; a rejection ends the ' +
        'planning (no eligible delegation).',
      parties: { CA: { roles: ['ca-gac-trade-missions'], rule: 'any' } },
      onRequestChanges: { goto: 'participants-recorded' },
      onReject: 'end',
      maxRounds: 5,
      deadline: {
        within: { amount: 10, unit: 'business-days', calendar: 'CA' },
        remindBefore: [{ amount: 2, unit: 'business-days', calendar: 'CA' }],
      },
      typically: { amount: 7, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'participant-vetting-inbound',
      when: inbound,
      type: 'approval',
      title: 'Participants vetted (mission to Canada)',
      titles: { fr: 'Participants vérifiés (mission au Canada)', ja: '参加者の審査（訪加ミッション）' },
      description:
        'The organiser confirms the delegation; GAC checks it for the visits planned in Canada. Changes ' +
        'requested send the list back to be recorded again.',
      parties: {
        JP: { roles: ['jp-keidanren'], rule: 'any' },
        CA: { roles: ['ca-gac-trade-missions'], rule: 'any' },
      },
      onRequestChanges: { goto: 'participants-recorded-inbound' },
      onReject: 'end',
      maxRounds: 5,
      deadline: {
        within: { amount: 10, unit: 'business-days', calendar: 'JP' },
        perPartyCalendars: true,
        remindBefore: [{ amount: 3, unit: 'calendar-days' }],
      },
      typically: { amount: 7, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'provinces-and-territories',
      type: 'task',
      title: 'Provinces and territories taking part',
      titles: { fr: 'Provinces et territoires participants', ja: '参加する州・準州' },
      description:
        'The provinces and territories joining the mission (a Team Canada mission to Japan) or hosting it (a ' +
        'mission to Canada) confirm, with who leads each delegation, before the business meetings are ' +
        'arranged. Record them by their two-letter codes.',
      parties: { CA: { roles: ['ca-pt-liaison'] } },
      outputs: {
        provincesAndTerritories: {
          type: 'text',
          title: 'Provinces and territories (e.g. ON, QC, BC, AB)',
          titles: {
            fr: 'Provinces et territoires (p. ex. ON, QC, BC, AB)',
            ja: '州・準州（例：ON, QC, BC, AB）',
          },
        },
        count: { type: 'number', title: 'How many', titles: { fr: 'Nombre', ja: '数' } },
        leads: {
          type: 'text',
          title: 'Who leads each delegation',
          titles: { fr: 'Responsable de chaque délégation', ja: '各代表団の団長' },
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
      id: 'b2b-matchmaking',
      when: outbound,
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
      id: 'b2b-matchmaking-inbound',
      when: inbound,
      type: 'task',
      title: 'B2B matchmaking (in Canada)',
      titles: { fr: "Rencontres d'affaires (B2B) au Canada", ja: '企業間商談（B2B）のマッチング（カナダ）' },
      description:
        'Invest in Canada and the provinces arrange the meetings with Canadian companies and investment hosts; ' +
        'the organiser matches its members.',
      parties: { CA: { roles: ['ca-invest-in-canada'] }, JP: { roles: ['jp-keidanren'] } },
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
      when: outbound,
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
      id: 'logistics-and-security-inbound',
      when: inbound,
      type: 'task',
      title: 'Logistics and security (in Canada)',
      titles: { fr: 'Logistique et sécurité (au Canada)', ja: 'ロジスティクス及び安全（カナダ）' },
      description:
        'The organiser and the Embassy of Japan in Canada arrange venues, transport and accommodation; the ' +
        'security plan is agreed with the Canadian host.',
      parties: { JP: { roles: ['jp-keidanren', 'jp-embassy-canada'] } },
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
      when: outbound,
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
      id: 'mission-held-inbound',
      when: inbound,
      type: 'task',
      title: 'Mission held (in Canada)',
      titles: { fr: 'Mission tenue (au Canada)', ja: 'ミッションの実施（カナダ）' },
      description: 'Record when the mission took place and how many took part.',
      parties: { JP: { roles: ['jp-keidanren'] }, CA: { roles: ['ca-gac-trade-missions'] } },
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
      when: outbound,
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
      id: 'post-mission-report-inbound',
      when: inbound,
      type: 'task',
      title: 'Post-mission report drafted (by the organiser)',
      titles: { fr: "Rapport de mission rédigé (par l'organisateur)", ja: '事後報告書の起案（主催者）' },
      description: 'Keidanren drafts the report (results, investments, follow-ups).',
      parties: { JP: { roles: ['jp-keidanren'] } },
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
      when: outbound,
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
    {
      id: 'post-mission-report-approval-inbound',
      when: inbound,
      type: 'approval',
      title: 'Post-mission report approved (mission to Canada)',
      titles: {
        fr: 'Rapport de mission approuvé (mission au Canada)',
        ja: '事後報告書の承認（訪加ミッション）',
      },
      description: 'Both sides approve the report; requested changes send it back to the organiser.',
      parties: {
        JP: { roles: ['jp-keidanren'], rule: 'any' },
        CA: { roles: ['ca-gac-trade-missions'], rule: 'any' },
      },
      onRequestChanges: { goto: 'post-mission-report-inbound' },
      onReject: 'end',
      maxRounds: 5,
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'JP' },
        perPartyCalendars: true,
        remindBefore: [{ amount: 3, unit: 'calendar-days' }],
      },
      typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
    },
  ],
};
