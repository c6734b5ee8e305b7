/**
 * Bringing an agreement into force, version 2: version 1 corrected after a review against both countries'
 * practice (issue 10). Version 1 stays shipped: processes started on it keep it (the definition travels in the
 * workflow input) and finish on it.
 *
 * What changed from version 1:
 * - before negotiation: Canada's Cabinet policy approval (mandate) and Japan's inter-ministerial consultation;
 *   the lead department of each side is a parameter, and a lead department other than the foreign ministry
 *   concurs in the final text;
 * - the authority to sign includes the Instruments of Full Powers;
 * - each side's domestic branch ends in its own notification (date sent and date received): a side does not
 *   wait for the other. With `consentMode: instruments-of-ratification` each branch ends with its instrument
 *   ready and both exchange them jointly after the join;
 * - Japan always concludes by Cabinet decision; only the Diet part is conditional (`requiresDietApproval`):
 *   Cabinet decision to submit, House of Representatives, the 30-day rule as a timer counted in days the Diet
 *   sits (Constitution arts. 61 and 60(2): recess excluded), the House of Councillors (or the rule) — each
 *   House with its own date;
 * - Canada: Explanatory Memorandum approved before tabling; the implementing Act's Royal Assent and coming into
 *   force as two steps;
 * - entry into force counts from the receipt of the later note (or the exchange of instruments);
 * - publication in the right order: Japan promulgates in the Official Gazette (条約第n号) after the exchange,
 *   before entry into force (an agreement without Diet approval: MOFA notice only); then MOFA's notice
 *   (外務省告示) of the entry into force, the Canada Treaty Series within a per-agreement deadline (a mutual
 *   legal assistance treaty: 60 days, MLACMA s. 5) and registration with the UN Secretariat (Charter art. 102).
 *
 * Each side's legal examination and Cabinet decisions (Japan's 閣議決定, Canada's policy approval and Orders in
 * Council) are `internal`: their comments and outputs are read by that side only (libs/directory/src/read-scope.ts).
 * Not read by the engine, so processes already running replay unchanged.
 */
import type { Condition, DateExpr, ProcessDefinition } from '../../../contracts/src/definition';
import { SOURCES } from '../sources';

const notSignedYet: Condition = { not: { param: 'signedOn', truthy: true } };
const needsConsent: Condition = { not: { param: 'entryIntoForceRule', equals: 'on-signature' } };
const byNotes: Condition = { param: 'consentMode', equals: 'notes' };
const byInstruments: Condition = { param: 'consentMode', equals: 'instruments-of-ratification' };
const diet: Condition = { param: 'requiresDietApproval', truthy: true };
const implementingAct: Condition = { param: 'requiresImplementingLegislation', truthy: true };
const signatureDate: DateExpr = { latestOf: [{ param: 'signedOn' }, { output: 'signature.signedOn' }] };
/** The later of the two notes' receipt, or the exchange of instruments (only the set members count). */
const consentDate: DateExpr = {
  latestOf: [
    { output: 'jp-note.receivedOn' },
    { output: 'ca-note.receivedOn' },
    { output: 'exchange-of-instruments.exchangedOn' },
  ],
};

const sentAndReceived = {
  sentOn: { type: 'date', title: 'Date sent', titles: { fr: "Date d'envoi", ja: '発出日' } },
  receivedOn: {
    type: 'date',
    title: 'Date received by the other side',
    titles: { fr: "Date de réception par l'autre partie", ja: '相手国による接受日' },
  },
  noteReference: {
    type: 'reference',
    title: 'Note reference',
    titles: { fr: 'Référence de la note', ja: '公文番号' },
    required: false,
  },
} as const;

export const agreementEntryIntoForceV2: ProcessDefinition = {
  id: 'agreement-entry-into-force',
  version: 2,
  title: 'Bringing an agreement into force',
  titles: { fr: "Entrée en vigueur d'un accord", ja: '協定の締結及び発効の手続' },
  description:
    'From the mandate to entry into force, publication and registration: Cabinet policy approval (CA) and ' +
    'inter-ministerial consultation (JP), the negotiated text, legal examination, authority to sign and full ' +
    "powers, signature, each side's domestic procedures ending in its own notification (JP: Diet approval when " +
    'required and always a Cabinet decision to conclude; CA: Explanatory Memorandum, tabling for 21 sitting days, ' +
    'implementing Act, Order in Council), entry into force from the later note, promulgation and publication ' +
    'in both countries, and registration with the United Nations.',
  descriptions: {
    fr: "Du mandat à l'entrée en vigueur, à la publication et à l'enregistrement : approbation de principe par le Cabinet (Canada) et consultations interministérielles (Japon), texte négocié, examen juridique, autorisation de signer et pleins pouvoirs, signature, procédures internes de chaque Partie, chacune se terminant par sa propre notification (Japon : approbation de la Diète lorsqu'elle est requise et, dans tous les cas, décision du Cabinet de conclure ; Canada : mémoire explicatif, dépôt à la Chambre des communes pendant 21 jours de séance, loi de mise en œuvre, décret), entrée en vigueur à compter de la dernière des notes, promulgation et publication dans les deux pays, et enregistrement auprès de l'Organisation des Nations Unies.",
    ja: '交渉権限の付与から効力発生、公表及び登録まで：内閣による政策承認（カナダ）及び関係省庁協議（日本）、交渉テキスト、法的審査、署名の授権及び全権委任状、署名、それぞれ自国の通告をもって完了する各国の国内手続（日本：国会承認条約の場合の国会承認及び全ての場合における締結の閣議決定、カナダ：説明覚書、下院への提出（21開会日）、実施法、枢密院令）、後の通告に基づく効力発生、両国における公布及び公表並びに国際連合への登録。',
  },
  roadmap: {
    pillar: '1',
    pillarTitle: 'Enhanced Security and Defence Cooperation',
    pillarTitles: {
      fr: 'Coopération renforcée en matière de sécurité et de défense',
      ja: '安全保障・防衛協力の強化',
    },
    section:
      '1.2 Secure Information and Technology Cooperation; 1.5 Law Enforcement and Public Safety Cooperation',
  },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer', 'ca-officer', 'jp-mofa-negotiator', 'ca-gac-negotiator'],
  idleAfter: { amount: 30, unit: 'calendar-days' },
  sources: [
    SOURCES.tablingPolicy,
    SOURCES.treatyLaw,
    SOURCES.mlacma,
    SOURCES.constitutionJapan,
    SOURCES.constitutionJapanJa,
    SOURCES.mofaTreaties,
    SOURCES.ndlTreatyGuide,
    SOURCES.unCharter102,
  ],
  parameters: {
    signedOn: {
      type: 'date',
      title: 'Already signed on',
      titles: { fr: 'Déjà signé le', ja: '署名済みの場合の署名日' },
      description: 'Set to start after signature: the steps up to signature are skipped.',
      default: null,
    },
    leadDepartmentJP: {
      type: 'enum',
      title: 'Lead ministry (JP)',
      titles: { fr: 'Ministère responsable (Japon)', ja: '主管省庁（日本）' },
      description:
        'The ministry that leads for Japan besides MOFA (e.g. the Ministry of Defense for the ETTA, the Ministry ' +
        'of Justice for the MLAT); it concurs in the final text.',
      options: ['mofa', 'mod', 'moj', 'meti'],
      optionTitles: {
        mofa: {
          title: 'Ministry of Foreign Affairs',
          titles: { fr: 'Ministère des Affaires étrangères', ja: '外務省' },
        },
        mod: { title: 'Ministry of Defense', titles: { fr: 'Ministère de la Défense', ja: '防衛省' } },
        moj: { title: 'Ministry of Justice', titles: { fr: 'Ministère de la Justice', ja: '法務省' } },
        meti: {
          title: 'Ministry of Economy, Trade and Industry',
          titles: { fr: "Ministère de l'Économie, du Commerce et de l'Industrie", ja: '経済産業省' },
        },
      },
      default: 'mofa',
    },
    leadDepartmentCA: {
      type: 'enum',
      title: 'Lead department (CA)',
      titles: { fr: 'Ministère responsable (Canada)', ja: '主管省庁（カナダ）' },
      description:
        'The department that leads for Canada besides GAC (National Defence for the ETTA, Justice Canada for ' +
        'the MLAT); it concurs in the final text.',
      options: ['gac', 'dnd', 'justice'],
      optionTitles: {
        gac: {
          title: 'Global Affairs Canada',
          titles: { fr: 'Affaires mondiales Canada', ja: 'グローバル連携省' },
        },
        dnd: { title: 'National Defence', titles: { fr: 'Défense nationale', ja: 'カナダ国防省' } },
        justice: { title: 'Justice Canada', titles: { fr: 'Justice Canada', ja: 'カナダ司法省' } },
      },
      default: 'gac',
    },
    requiresDietApproval: {
      type: 'boolean',
      title: 'Requires Diet approval (JP)',
      titles: { fr: 'Approbation de la Diète requise (Japon)', ja: '国会承認条約' },
      description:
        'A treaty needing the approval of the Diet (Constitution art. 73(3)). Without it, Japan still concludes ' +
        'by Cabinet decision and publishes by MOFA notice.',
      default: true,
    },
    requiresImplementingLegislation: {
      type: 'boolean',
      title: 'Requires an implementing Act (CA)',
      titles: { fr: 'Loi de mise en œuvre requise (Canada)', ja: '実施法の制定が必要（カナダ）' },
      default: false,
    },
    tablingSittingDays: {
      type: 'number',
      title: 'House of Commons tabling period (sitting days)',
      titles: { fr: 'Période de dépôt (jours de séance)', ja: '下院提出期間（開会日数）' },
      description: "Canada's Policy on Tabling of Treaties in Parliament: 21 sitting days.",
      default: 21,
      min: 0,
      max: 60,
    },
    consentMode: {
      type: 'enum',
      title: 'How consent to be bound is exchanged',
      titles: { fr: "Mode d'expression du consentement", ja: '拘束される旨の同意の表明方法' },
      description:
        'notes: each side notifies the other when its own procedures are complete; instruments-of-ratification: ' +
        'each side prepares its instrument and both exchange them on one date.',
      options: ['notes', 'instruments-of-ratification'],
      optionTitles: {
        notes: {
          title: 'Exchange of notes (each side notifies the other)',
          titles: {
            fr: "Échange de notes (chaque partie notifie l'autre)",
            ja: '公文の交換（各締約国による通告）',
          },
        },
        'instruments-of-ratification': {
          title: 'Exchange of instruments of ratification',
          titles: { fr: 'Échange des instruments de ratification', ja: '批准書の交換' },
        },
      },
      default: 'notes',
    },
    entryIntoForceRule: {
      type: 'enum',
      title: 'Entry-into-force rule',
      titles: { fr: "Règle d'entrée en vigueur", ja: '効力発生の規定' },
      options: ['on-signature', 'days-after-last-notification', 'first-day-of-month-after'],
      optionTitles: {
        'on-signature': { title: 'On signature', titles: { fr: 'À la signature', ja: '署名の日に効力発生' } },
        'days-after-last-notification': {
          title: 'On the N-th day after the later note',
          titles: {
            fr: 'Le N-ième jour suivant la dernière note',
            ja: '後の通告の接受の日の後N日目の日に効力発生',
          },
        },
        'first-day-of-month-after': {
          title: 'On the first day of the N-th month after the later note',
          titles: {
            fr: 'Le premier jour du N-ième mois suivant la dernière note',
            ja: '後の通告の接受の月の後N番目の月の初日に効力発生',
          },
        },
      },
      default: 'days-after-last-notification',
    },
    entryIntoForceDays: {
      type: 'number',
      title: 'Days after the later note',
      titles: { fr: 'Jours après la dernière note', ja: '後の通告の接受からの日数' },
      description:
        'For days-after-last-notification: enters into force on the N-th day after the receipt of the later ' +
        'note (or after the exchange of instruments).',
      default: 30,
      min: 0,
      max: 365,
    },
    entryIntoForceMonths: {
      type: 'number',
      title: 'Months after the later note',
      titles: { fr: 'Mois après la dernière note', ja: '後の通告の接受からの月数' },
      description: 'For first-day-of-month-after: the first day of the N-th month after the later note.',
      default: 1,
      min: 1,
      max: 24,
    },
    ctsPublicationDays: {
      type: 'number',
      title: 'Canada Treaty Series: publish within (days after entry into force)',
      titles: {
        fr: 'Recueil des traités du Canada : publier dans les (jours après l’entrée en vigueur)',
        ja: 'カナダ条約集への掲載期限（発効後の日数）',
      },
      description:
        'A deadline per agreement: 60 for a mutual legal assistance treaty (Mutual Legal Assistance in Criminal ' +
        'Matters Act, s. 5); otherwise the target the Treaty Law Division sets (90 by default).',
      default: 90,
      min: 1,
      max: 365,
    },
  },
  steps: [
    {
      id: 'before-negotiation',
      type: 'parallel',
      title: 'Before negotiation',
      titles: { fr: 'Avant la négociation', ja: '交渉開始前の手続' },
      description: "Each side's authority to negotiate, in parallel.",
      when: notSignedYet,
      branches: [
        {
          id: 'ca-mandate',
          title: 'Canada: Cabinet policy approval (mandate)',
          titles: {
            fr: 'Canada : approbation de la politique par le Cabinet (mandat)',
            ja: 'カナダ：内閣による政策承認（交渉権限）',
          },
          steps: [
            {
              id: 'ca-cabinet-policy-approval',
              type: 'task',
              internal: true,
              title: 'Cabinet policy approval (negotiating mandate)',
              titles: {
                fr: 'Approbation de la politique par le Cabinet (mandat de négociation)',
                ja: '内閣による政策承認（交渉権限の付与）',
              },
              description:
                'The lead minister obtains Cabinet policy approval for the negotiating mandate (Memorandum to ' +
                'Cabinet, Record of Decision); the negotiator records it.',
              authority: { CA: 'Cabinet (on a Memorandum to Cabinet from the lead minister)' },
              legalBasis: 'Cabinet policy approval before negotiating a treaty (GAC treaty procedures)',
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-gac-negotiator'] } },
              outputs: {
                approvedOn: {
                  type: 'date',
                  title: 'Date of approval',
                  titles: { fr: "Date d'approbation", ja: '承認日' },
                },
                recordOfDecision: {
                  type: 'reference',
                  title: 'Record of Decision',
                  titles: { fr: 'Compte rendu de décision', ja: '決定記録' },
                  required: false,
                },
              },
              typically: { amount: 60, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'jp-consultation',
          title: 'Japan: inter-ministerial consultation',
          titles: { fr: 'Japon : consultations interministérielles', ja: '日本：関係省庁協議' },
          steps: [
            {
              id: 'jp-inter-ministerial-consultation',
              type: 'task',
              title: 'Inter-ministerial consultation',
              titles: { fr: 'Consultations interministérielles', ja: '関係省庁協議' },
              description:
                'MOFA consults the ministries concerned (the lead ministry first) on the negotiating position.',
              authority: { JP: 'Ministry of Foreign Affairs with the ministries concerned' },
              sources: [SOURCES.mofaTreaties],
              parties: { JP: { roles: ['jp-mofa-negotiator'] } },
              outputs: {
                concludedOn: {
                  type: 'date',
                  title: 'Date concluded',
                  titles: { fr: 'Date de conclusion', ja: '協議終了日' },
                },
              },
              typically: { amount: 45, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'text-draft',
      type: 'task',
      title: 'Negotiated text',
      titles: { fr: 'Texte négocié', ja: '交渉テキスト' },
      description:
        'A negotiator records the reference of the negotiated text in English, French and Japanese (or its ' +
        'revision after a change request).',
      when: notSignedYet,
      authority: { JP: 'Ministry of Foreign Affairs', CA: 'Global Affairs Canada' },
      parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
      outputs: {
        textReference: {
          type: 'reference',
          title: 'Text reference',
          titles: { fr: 'Référence du texte', ja: 'テキスト番号' },
        },
      },
      typically: { amount: 14, unit: 'calendar-days' },
    },
    {
      id: 'text-finalised',
      type: 'approval',
      title: 'Text finalised',
      titles: { fr: 'Texte définitif arrêté', ja: '条約文の確定' },
      description:
        'Both negotiators (JP MOFA, CA GAC) confirm the final text, the three language versions checked. ' +
        'Requested changes send the text back for revision; a rejection ends the process.',
      when: notSignedYet,
      authority: { JP: 'Ministry of Foreign Affairs', CA: 'Global Affairs Canada' },
      parties: {
        JP: { roles: ['jp-mofa-negotiator'], rule: 'any' },
        CA: { roles: ['ca-gac-negotiator'], rule: 'any' },
      },
      onRequestChanges: { goto: 'text-draft' },
      onReject: 'end',
      maxRounds: 10,
      deadline: {
        within: { amount: 30, unit: 'calendar-days' },
        remindBefore: [
          { amount: 7, unit: 'calendar-days' },
          { amount: 1, unit: 'calendar-days' },
        ],
        escalateAfter: [
          { amount: 0, unit: 'calendar-days' },
          { amount: 7, unit: 'calendar-days' },
        ],
      },
      typically: { amount: 21, unit: 'calendar-days' },
    },
    {
      id: 'lead-department-concurrence',
      type: 'parallel',
      title: 'Lead departments concur',
      titles: { fr: 'Accord des ministères responsables', ja: '主管省庁の同意' },
      description:
        'The lead ministry or department of each side, when it is not the foreign ministry, concurs.',
      when: notSignedYet,
      branches: [
        {
          id: 'jp-lead-mod',
          title: 'Japan: Ministry of Defense',
          titles: { fr: 'Japon : ministère de la Défense', ja: '日本：防衛省' },
          when: { param: 'leadDepartmentJP', equals: 'mod' },
          steps: [
            {
              id: 'jp-mod-concurrence',
              type: 'approval',
              title: 'Ministry of Defense concurs',
              titles: { fr: 'Le ministère de la Défense donne son accord', ja: '防衛省の同意' },
              description: 'The Ministry of Defense, lead ministry for Japan, concurs in the final text.',
              authority: { JP: 'Ministry of Defense' },
              parties: { JP: { roles: ['jp-mod'], rule: 'any' } },
              typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
            },
          ],
        },
        {
          id: 'jp-lead-moj',
          title: 'Japan: Ministry of Justice',
          titles: { fr: 'Japon : ministère de la Justice', ja: '日本：法務省' },
          when: { param: 'leadDepartmentJP', equals: 'moj' },
          steps: [
            {
              id: 'jp-moj-concurrence',
              type: 'approval',
              title: 'Ministry of Justice concurs',
              titles: { fr: 'Le ministère de la Justice donne son accord', ja: '法務省の同意' },
              description: 'The Ministry of Justice, lead ministry for Japan, concurs in the final text.',
              authority: { JP: 'Ministry of Justice' },
              parties: { JP: { roles: ['jp-moj'], rule: 'any' } },
              typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
            },
          ],
        },
        {
          id: 'jp-lead-meti',
          title: 'Japan: Ministry of Economy, Trade and Industry',
          titles: {
            fr: "Japon : ministère de l'Économie, du Commerce et de l'Industrie",
            ja: '日本：経済産業省',
          },
          when: { param: 'leadDepartmentJP', equals: 'meti' },
          steps: [
            {
              id: 'jp-meti-concurrence',
              type: 'approval',
              title: 'METI concurs',
              titles: {
                fr: "Le ministère de l'Économie, du Commerce et de l'Industrie donne son accord",
                ja: '経済産業省の同意',
              },
              description: 'METI, lead ministry for Japan, concurs in the final text.',
              authority: { JP: 'Ministry of Economy, Trade and Industry' },
              parties: { JP: { roles: ['jp-meti'], rule: 'any' } },
              typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
            },
          ],
        },
        {
          id: 'ca-lead-dnd',
          title: 'Canada: National Defence',
          titles: { fr: 'Canada : Défense nationale', ja: 'カナダ：国防省' },
          when: { param: 'leadDepartmentCA', equals: 'dnd' },
          steps: [
            {
              id: 'ca-dnd-concurrence',
              type: 'approval',
              title: 'National Defence concurs',
              titles: { fr: 'La Défense nationale donne son accord', ja: 'カナダ国防省の同意' },
              description: 'National Defence, lead department for Canada, concurs in the final text.',
              authority: { CA: 'Department of National Defence' },
              parties: { CA: { roles: ['ca-dnd'], rule: 'any' } },
              typically: { amount: 10, unit: 'business-days', calendar: 'CA' },
            },
          ],
        },
        {
          id: 'ca-lead-justice',
          title: 'Canada: Justice Canada',
          titles: { fr: 'Canada : Justice Canada', ja: 'カナダ：司法省' },
          when: { param: 'leadDepartmentCA', equals: 'justice' },
          steps: [
            {
              id: 'ca-justice-concurrence',
              type: 'approval',
              title: 'Justice Canada concurs',
              titles: { fr: 'Justice Canada donne son accord', ja: 'カナダ司法省の同意' },
              description:
                "Justice Canada's International Assistance Group, lead for Canada, concurs in the final text.",
              authority: { CA: 'Department of Justice (International Assistance Group)' },
              parties: { CA: { roles: ['ca-justice-iag'], rule: 'any' } },
              typically: { amount: 10, unit: 'business-days', calendar: 'CA' },
            },
          ],
        },
      ],
    },
    {
      id: 'legal-examination',
      type: 'parallel',
      title: 'Legal examination',
      titles: { fr: 'Examen juridique', ja: '法的審査' },
      description: 'Both sides examine the text in parallel.',
      when: notSignedYet,
      branches: [
        {
          id: 'jp-legal',
          title: 'Japan: MOFA Treaties Division and Cabinet Legislation Bureau',
          titles: {
            fr: 'Japon : division des traités et Bureau législatif du Cabinet',
            ja: '日本：外務省条約課及び内閣法制局',
          },
          steps: [
            {
              id: 'jp-legal-examination',
              type: 'approval',
              internal: true,
              title: 'Legal examination (JP)',
              titles: { fr: 'Examen juridique (Japon)', ja: '法的審査（日本）' },
              description:
                'The Treaties Division of MOFA (International Legal Affairs Bureau) and the Cabinet Legislation ' +
                'Bureau both clear the text.',
              authority: { JP: 'MOFA International Legal Affairs Bureau; Cabinet Legislation Bureau' },
              sources: [SOURCES.mofaTreaties, SOURCES.ndlTreatyGuide],
              parties: { JP: { roles: ['jp-mofa-treaties', 'jp-clb-examiner'], rule: 'all' } },
              maxRounds: 5,
              deadline: {
                within: { amount: 60, unit: 'business-days', calendar: 'JP' },
                remindBefore: [{ amount: 10, unit: 'business-days', calendar: 'JP' }],
              },
              typically: { amount: 45, unit: 'business-days', calendar: 'JP' },
            },
          ],
        },
        {
          id: 'ca-legal',
          title: 'Canada: GAC Treaty Law Division and Justice Canada',
          titles: {
            fr: 'Canada : Direction du droit des traités (AMC) et Justice Canada',
            ja: 'カナダ：グローバル連携省条約法課及び司法省',
          },
          steps: [
            {
              id: 'ca-legal-examination',
              type: 'approval',
              internal: true,
              title: 'Legal examination (CA)',
              titles: { fr: 'Examen juridique (Canada)', ja: '法的審査（カナダ）' },
              description:
                'The Treaty Law Division of Global Affairs Canada and Justice Canada both clear the text.',
              authority: { CA: 'GAC Treaty Law Division; Department of Justice' },
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-gac-treaty-law', 'ca-justice-legal'], rule: 'all' } },
              maxRounds: 5,
              deadline: {
                within: { amount: 60, unit: 'business-days', calendar: 'CA' },
                remindBefore: [{ amount: 10, unit: 'business-days', calendar: 'CA' }],
              },
              typically: { amount: 45, unit: 'business-days', calendar: 'CA' },
            },
          ],
        },
      ],
    },
    {
      id: 'authority-to-sign',
      type: 'parallel',
      title: 'Authority to sign and full powers',
      titles: { fr: 'Autorisation de signer et pleins pouvoirs', ja: '署名の授権及び全権委任状' },
      description:
        'Each side authorises its signatory and issues the Instrument of Full Powers: a Cabinet decision in ' +
        'Japan, an Order in Council in Canada.',
      when: notSignedYet,
      branches: [
        {
          id: 'jp-authority',
          title: 'Japan: Cabinet decision and full powers',
          titles: {
            fr: 'Japon : décision du Cabinet et pleins pouvoirs',
            ja: '日本：署名の閣議決定及び全権委任状',
          },
          steps: [
            {
              id: 'jp-cabinet-decision-signature',
              type: 'task',
              internal: true,
              title: 'Cabinet decision authorising signature',
              titles: { fr: 'Décision du Cabinet autorisant la signature', ja: '署名についての閣議決定' },
              description: 'The Cabinet Secretariat records the Cabinet decision authorising signature.',
              authority: { JP: 'Cabinet (閣議決定)' },
              legalBasis: 'Constitution of Japan, art. 73(3) (the Cabinet concludes treaties)',
              sources: [SOURCES.constitutionJapan],
              parties: { JP: { roles: ['jp-cabinet-secretariat'] } },
              outputs: {
                decidedOn: {
                  type: 'date',
                  title: 'Cabinet decision date',
                  titles: { fr: 'Date de la décision du Cabinet', ja: '閣議決定日' },
                },
                decisionReference: {
                  type: 'reference',
                  title: 'Decision reference',
                  titles: { fr: 'Référence de la décision', ja: '閣議決定番号' },
                  required: false,
                },
              },
              typically: { amount: 21, unit: 'calendar-days' },
            },
            {
              id: 'jp-full-powers',
              type: 'task',
              title: 'Instrument of Full Powers (JP)',
              titles: { fr: 'Instrument de pleins pouvoirs (Japon)', ja: '全権委任状（日本）' },
              description: "MOFA's Treaties Division records the full powers issued to Japan's signatory.",
              authority: { JP: 'Cabinet; attested by the Emperor (Constitution art. 7(5))' },
              legalBasis: 'Constitution of Japan, art. 7(5) (attestation of full powers)',
              sources: [SOURCES.constitutionJapan],
              parties: { JP: { roles: ['jp-mofa-treaties'] } },
              outputs: {
                issuedOn: {
                  type: 'date',
                  title: 'Date issued',
                  titles: { fr: 'Date de délivrance', ja: '発給日' },
                },
                signatory: { type: 'text', title: 'Signatory', titles: { fr: 'Signataire', ja: '署名者' } },
              },
              typically: { amount: 7, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca-authority',
          title: 'Canada: Order in Council and full powers',
          titles: {
            fr: 'Canada : décret et pleins pouvoirs',
            ja: 'カナダ：署名を授権する枢密院令及び全権委任状',
          },
          steps: [
            {
              id: 'ca-oic-signature',
              type: 'task',
              internal: true,
              title: 'Order in Council authorising signature',
              titles: { fr: 'Décret autorisant la signature', ja: '署名を授権する枢密院令' },
              description: 'PCO records the Order in Council (Governor in Council) authorising signature.',
              authority: { CA: 'Governor in Council' },
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-pco-oic'] } },
              outputs: {
                madeOn: { type: 'date', title: 'Date made', titles: { fr: 'Date de prise', ja: '制定日' } },
                orderNumber: {
                  type: 'reference',
                  title: 'P.C. number',
                  titles: { fr: 'Numéro C.P.', ja: '枢密院令番号 (P.C.)' },
                },
              },
              typically: { amount: 30, unit: 'calendar-days' },
            },
            {
              id: 'ca-full-powers',
              type: 'task',
              title: 'Instrument of Full Powers (CA)',
              titles: { fr: 'Instrument de pleins pouvoirs (Canada)', ja: '全権委任状（カナダ）' },
              description:
                'The Treaty Law Division records the Instrument of Full Powers signed by the Minister of Foreign ' +
                "Affairs for Canada's signatory.",
              authority: { CA: 'Minister of Foreign Affairs' },
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: {
                issuedOn: {
                  type: 'date',
                  title: 'Date issued',
                  titles: { fr: 'Date de délivrance', ja: '発給日' },
                },
                signatory: { type: 'text', title: 'Signatory', titles: { fr: 'Signataire', ja: '署名者' } },
              },
              typically: { amount: 7, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'signature',
      type: 'task',
      title: 'Signature',
      titles: { fr: 'Signature', ja: '署名' },
      description: 'Joint signature: record the date, the place and the signatories.',
      when: notSignedYet,
      parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
      outputs: {
        signedOn: {
          type: 'date',
          title: 'Date of signature',
          titles: { fr: 'Date de signature', ja: '署名日' },
        },
        place: { type: 'text', title: 'Place', titles: { fr: 'Lieu', ja: '署名地' } },
        signatories: { type: 'text', title: 'Signatories', titles: { fr: 'Signataires', ja: '署名者' } },
      },
      typically: { amount: 30, unit: 'calendar-days' },
    },
    {
      id: 'domestic-procedures',
      type: 'parallel',
      title: 'Domestic procedures',
      titles: { fr: 'Procédures internes', ja: '国内手続' },
      description:
        'Each side completes its own procedures and notifies the other when they are complete; neither waits ' +
        'for the other.',
      when: needsConsent,
      branches: [
        {
          id: 'jp-domestic',
          title: 'Japan: Diet approval (when required), Cabinet decision to conclude, notification',
          titles: {
            fr: 'Japon : approbation de la Diète (le cas échéant), décision de conclure, notification',
            ja: '日本：国会承認（国会承認条約の場合）、締結の閣議決定、通告',
          },
          steps: [
            {
              id: 'jp-cabinet-decision-submit',
              type: 'task',
              internal: true,
              title: 'Cabinet decision to submit to the Diet',
              titles: { fr: 'Décision du Cabinet de soumettre à la Diète', ja: '国会提出の閣議決定' },
              description: 'The Cabinet decides to submit the agreement to the Diet for approval.',
              when: diet,
              authority: { JP: 'Cabinet' },
              legalBasis: 'Constitution of Japan, art. 73(3)',
              sources: [SOURCES.constitutionJapan, SOURCES.mofaTreaties],
              parties: { JP: { roles: ['jp-cabinet-secretariat'] } },
              outputs: {
                decidedOn: {
                  type: 'date',
                  title: 'Cabinet decision date',
                  titles: { fr: 'Date de la décision du Cabinet', ja: '閣議決定日' },
                },
              },
              typically: { amount: 60, unit: 'calendar-days' },
            },
            {
              id: 'jp-representatives',
              type: 'task',
              title: 'House of Representatives approves',
              titles: { fr: 'La Chambre des représentants approuve', ja: '衆議院の承認' },
              description:
                'The House of Representatives approves the agreement and sends it to the House of Councillors ' +
                '(the usual order; the date received by the Councillors starts the 30-day rule).',
              when: diet,
              authority: { JP: 'House of Representatives' },
              legislature: 'diet',
              legalBasis: 'Constitution of Japan, arts. 61 and 60(2)',
              sources: [SOURCES.constitutionJapan, SOURCES.constitutionJapanJa],
              parties: { JP: { roles: ['jp-diet-liaison'] } },
              outputs: {
                approvedOn: {
                  type: 'date',
                  title: 'Date of approval',
                  titles: { fr: "Date d'approbation", ja: '衆議院承認日' },
                },
                receivedByCouncillorsOn: {
                  type: 'date',
                  title: 'Date received by the House of Councillors',
                  titles: { fr: 'Date de réception par la Chambre des conseillers', ja: '参議院の受領日' },
                },
              },
              // Counted in days the Diet sits (forecast only): the House acts in session, so a decision to submit
              // taken in a recess moves the forecast to the next session, not by the recess's length.
              typically: { amount: 40, unit: 'diet-days', calendar: 'JP' },
            },
            {
              id: 'jp-councillors-period',
              type: 'timer',
              title: '30-day rule (House of Councillors)',
              titles: {
                fr: 'Délai de 30 jours (Chambre des conseillers)',
                ja: '参議院の30日規定（自然承認）',
              },
              description:
                'If the House of Councillors does not act within 30 days of receipt, the period of recess excluded, ' +
                "the Representatives' decision is the Diet's. Counted in days the Diet is in session (the Diet " +
                'calendar). A coordinator ends the wait early when the Councillors decide, recording the date.',
              when: diet,
              authority: { JP: 'House of Councillors' },
              legalBasis: 'Constitution of Japan, art. 61 applying art. 60(2)',
              sources: [SOURCES.constitutionJapan, SOURCES.constitutionJapanJa],
              from: { output: 'jp-representatives.receivedByCouncillorsOn' },
              wait: { amount: 30, unit: 'diet-days', calendar: 'JP' },
              waivable: true,
            },
            {
              id: 'jp-councillors',
              type: 'task',
              title: 'House of Councillors approves (or the 30-day rule applies)',
              titles: {
                fr: 'La Chambre des conseillers approuve (ou le délai de 30 jours s’applique)',
                ja: '参議院の承認（又は憲法第61条による自然承認）',
              },
              description:
                'Records the date the Diet approved: the vote of the House of Councillors, or the day the 30-day ' +
                "rule made the Representatives' decision the Diet's.",
              when: diet,
              authority: { JP: 'House of Councillors' },
              legislature: 'diet',
              legalBasis: 'Constitution of Japan, arts. 61 and 60(2)',
              sources: [SOURCES.constitutionJapan],
              parties: { JP: { roles: ['jp-diet-liaison'] } },
              outputs: {
                dietApprovedOn: {
                  type: 'date',
                  title: 'Date of Diet approval',
                  titles: { fr: "Date d'approbation par la Diète", ja: '国会承認日' },
                },
                councillorsVotedOn: {
                  type: 'date',
                  title: 'Date of the Councillors’ vote (none when the 30-day rule applied)',
                  titles: { fr: 'Date du vote de la Chambre des conseillers', ja: '参議院の議決日' },
                  required: false,
                },
              },
              // Recording what the vote or the 30-day period (the timer before this step) decided: the wait itself
              // is the timer's, not counted twice in forecasts.
              typically: { amount: 7, unit: 'calendar-days' },
            },
            {
              id: 'jp-cabinet-decision-conclusion',
              type: 'task',
              internal: true,
              title: 'Cabinet decision to conclude',
              titles: { fr: 'Décision du Cabinet de conclure', ja: '締結の閣議決定' },
              description:
                'The Cabinet decides to conclude the agreement — always, after Diet approval when it is required.',
              authority: { JP: 'Cabinet' },
              legalBasis: 'Constitution of Japan, art. 73(3)',
              sources: [SOURCES.constitutionJapan, SOURCES.mofaTreaties],
              parties: { JP: { roles: ['jp-cabinet-secretariat'] } },
              outputs: {
                decidedOn: {
                  type: 'date',
                  title: 'Cabinet decision date',
                  titles: { fr: 'Date de la décision du Cabinet', ja: '閣議決定日' },
                },
              },
              deadline: {
                within: { amount: 30, unit: 'business-days', calendar: 'JP' },
                remindBefore: [{ amount: 5, unit: 'business-days', calendar: 'JP' }],
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
            {
              id: 'jp-note',
              type: 'task',
              title: 'Japan notifies Canada (diplomatic note)',
              titles: {
                fr: 'Le Japon notifie le Canada (note diplomatique)',
                ja: '日本国政府の通告（外交上の公文）',
              },
              description:
                "MOFA's Treaties Division sends the note informing Canada that Japan's procedures are complete, " +
                'and records when Canada received it.',
              when: byNotes,
              authority: { JP: 'Ministry of Foreign Affairs' },
              parties: { JP: { roles: ['jp-mofa-treaties'] } },
              outputs: sentAndReceived,
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
            {
              id: 'jp-instrument-of-ratification',
              type: 'task',
              title: 'Instrument of ratification ready (JP)',
              titles: { fr: 'Instrument de ratification prêt (Japon)', ja: '批准書の作成（日本）' },
              description:
                "Japan's instrument of ratification is signed and attested, ready for the exchange.",
              when: byInstruments,
              authority: { JP: 'Cabinet; attested by the Emperor (Constitution art. 7(8))' },
              legalBasis: 'Constitution of Japan, art. 7(8)',
              sources: [SOURCES.constitutionJapan],
              parties: { JP: { roles: ['jp-mofa-treaties'] } },
              outputs: {
                readyOn: {
                  type: 'date',
                  title: 'Date ready',
                  titles: { fr: 'Date à laquelle il est prêt', ja: '作成日' },
                },
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca-domestic',
          title: 'Canada: Explanatory Memorandum, tabling, implementing Act, Order in Council, notification',
          titles: {
            fr: 'Canada : mémoire explicatif, dépôt, loi de mise en œuvre, décret, notification',
            ja: 'カナダ：説明覚書、下院提出、実施法、枢密院令、通告',
          },
          steps: [
            {
              id: 'ca-explanatory-memorandum',
              type: 'task',
              title: 'Explanatory Memorandum approved',
              titles: { fr: 'Mémoire explicatif approuvé', ja: '説明覚書の承認' },
              description:
                'The lead department drafts the Explanatory Memorandum; the Minister of Foreign Affairs and the ' +
                'lead minister approve it for tabling.',
              authority: { CA: 'Minister of Foreign Affairs and the lead minister' },
              legalBasis: 'Policy on Tabling of Treaties in Parliament',
              sources: [SOURCES.tablingPolicy],
              parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: {
                approvedOn: {
                  type: 'date',
                  title: 'Date approved',
                  titles: { fr: "Date d'approbation", ja: '承認日' },
                },
                memorandumReference: {
                  type: 'reference',
                  title: 'Memorandum reference',
                  titles: { fr: 'Référence du mémoire', ja: '説明覚書番号' },
                },
              },
              typically: { amount: 30, unit: 'calendar-days' },
            },
            {
              id: 'ca-tabling',
              type: 'task',
              title: 'Tabling in the House of Commons',
              titles: { fr: 'Dépôt à la Chambre des communes', ja: '下院への提出' },
              description: 'The treaty is tabled in the House of Commons with its Explanatory Memorandum.',
              authority: { CA: 'Minister of Foreign Affairs' },
              legalBasis: 'Policy on Tabling of Treaties in Parliament',
              sources: [SOURCES.tablingPolicy],
              parties: { CA: { roles: ['ca-parliament-liaison'] } },
              outputs: {
                tabledOn: {
                  type: 'date',
                  title: 'Date tabled',
                  titles: { fr: 'Date du dépôt', ja: '提出日' },
                },
                sessionalPaper: {
                  type: 'reference',
                  title: 'Sessional paper number',
                  titles: { fr: 'Numéro du document parlementaire', ja: '会期文書番号' },
                  required: false,
                },
              },
              deadline: {
                within: { amount: 60, unit: 'calendar-days' },
                remindBefore: [{ amount: 14, unit: 'calendar-days' }],
              },
              typically: { amount: 30, unit: 'calendar-days' },
            },
            {
              id: 'ca-tabling-period',
              type: 'timer',
              title: '21 sitting days in the House of Commons',
              titles: { fr: '21 jours de séance à la Chambre des communes', ja: '下院の21開会日' },
              description:
                'The treaty lies before the House for the tabling period (sitting days, counted from the day after ' +
                'tabling; prorogation and dissolution stop the count). An exception may be granted for an urgent ' +
                'treaty: a coordinator then ends the wait early, the reason naming who granted it.',
              authority: { CA: 'House of Commons' },
              legalBasis: 'Policy on Tabling of Treaties in Parliament (21 sitting days)',
              sources: [SOURCES.tablingPolicy, SOURCES.ourCommonsCalendar],
              from: { output: 'ca-tabling.tabledOn' },
              wait: { amount: { param: 'tablingSittingDays' }, unit: 'sitting-days', calendar: 'CA' },
              waivable: true,
            },
            {
              id: 'ca-implementing-act-assent',
              type: 'task',
              title: 'Implementing Act: Royal Assent',
              titles: { fr: 'Loi de mise en œuvre : sanction royale', ja: '実施法：国王の裁可' },
              description: 'Parliament passes the implementing Act; record the Royal Assent.',
              when: implementingAct,
              authority: { CA: 'Parliament; the Governor General (Royal Assent)' },
              legislature: 'house-of-commons',
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-parliament-liaison'] } },
              outputs: {
                royalAssentOn: {
                  type: 'date',
                  title: 'Date of Royal Assent',
                  titles: { fr: 'Date de la sanction royale', ja: '裁可日' },
                },
                statute: {
                  type: 'reference',
                  title: 'Statute (S.C. year, c. n)',
                  titles: { fr: 'Loi (L.C. année, ch. n)', ja: '法律番号 (S.C.)' },
                },
              },
              typically: { amount: 180, unit: 'calendar-days' },
            },
            {
              id: 'ca-implementing-act-in-force',
              type: 'task',
              title: 'Implementing Act in force',
              titles: { fr: 'Entrée en vigueur de la loi de mise en œuvre', ja: '実施法の施行' },
              description:
                'The implementing Act (or the provisions the treaty needs) comes into force: on Royal Assent or on ' +
                'a day fixed by order.',
              when: implementingAct,
              authority: { CA: 'Governor in Council (when a day is fixed by order)' },
              parties: { CA: { roles: ['ca-parliament-liaison'] } },
              outputs: {
                inForceOn: {
                  type: 'date',
                  title: 'Date in force',
                  titles: { fr: "Date d'entrée en vigueur", ja: '施行日' },
                },
                order: {
                  type: 'reference',
                  title: 'Order fixing the day (SI/SOR)',
                  titles: { fr: 'Décret fixant la date (TR/DORS)', ja: '施行日を定める命令' },
                  required: false,
                },
              },
              typically: { amount: 30, unit: 'calendar-days' },
            },
            {
              id: 'ca-oic-ratification',
              type: 'task',
              internal: true,
              title: 'Order in Council authorising ratification',
              titles: { fr: 'Décret autorisant la ratification', ja: '批准を授権する枢密院令' },
              description: 'PCO records the Order in Council authorising ratification (Governor in Council).',
              authority: { CA: 'Governor in Council' },
              sources: [SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-pco-oic'] } },
              outputs: {
                madeOn: { type: 'date', title: 'Date made', titles: { fr: 'Date de prise', ja: '制定日' } },
                orderNumber: {
                  type: 'reference',
                  title: 'P.C. number',
                  titles: { fr: 'Numéro C.P.', ja: '枢密院令番号 (P.C.)' },
                },
              },
              deadline: {
                within: { amount: 45, unit: 'business-days', calendar: 'CA' },
                remindBefore: [{ amount: 10, unit: 'business-days', calendar: 'CA' }],
              },
              typically: { amount: 30, unit: 'calendar-days' },
            },
            {
              id: 'ca-note',
              type: 'task',
              title: 'Canada notifies Japan (diplomatic note)',
              titles: {
                fr: 'Le Canada notifie le Japon (note diplomatique)',
                ja: 'カナダ政府の通告（外交上の公文）',
              },
              description:
                "GAC's Treaty Law Division sends the note informing Japan that Canada's procedures are complete, " +
                'and records when Japan received it.',
              when: byNotes,
              authority: { CA: 'Global Affairs Canada' },
              parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: sentAndReceived,
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
            {
              id: 'ca-instrument-of-ratification',
              type: 'task',
              title: 'Instrument of ratification ready (CA)',
              titles: { fr: 'Instrument de ratification prêt (Canada)', ja: '批准書の作成（カナダ）' },
              description: "Canada's instrument of ratification is signed, ready for the exchange.",
              when: byInstruments,
              authority: { CA: 'Minister of Foreign Affairs' },
              parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: {
                readyOn: {
                  type: 'date',
                  title: 'Date ready',
                  titles: { fr: 'Date à laquelle il est prêt', ja: '作成日' },
                },
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'exchange-of-instruments',
      type: 'task',
      title: 'Exchange of instruments of ratification',
      titles: { fr: 'Échange des instruments de ratification', ja: '批准書の交換' },
      description: 'Both sides exchange their instruments of ratification: record the date and the place.',
      when: { all: [needsConsent, byInstruments] },
      parties: { JP: { roles: ['jp-mofa-treaties'] }, CA: { roles: ['ca-gac-treaty-law'] } },
      outputs: {
        exchangedOn: {
          type: 'date',
          title: 'Date of exchange',
          titles: { fr: "Date de l'échange", ja: '交換日' },
        },
        place: { type: 'text', title: 'Place', titles: { fr: 'Lieu', ja: '交換地' } },
      },
      typically: { amount: 30, unit: 'calendar-days' },
    },
    {
      id: 'entry-into-force-and-promulgation',
      type: 'parallel',
      title: 'Entry into force; promulgation in Japan',
      titles: { fr: 'Entrée en vigueur ; promulgation au Japon', ja: '効力発生及び日本における公布' },
      description:
        'The entry-into-force date is computed from the rule while Japan promulgates the agreement before it.',
      branches: [
        {
          id: 'entry-into-force',
          title: 'Entry into force',
          titles: { fr: 'Entrée en vigueur', ja: '効力発生' },
          steps: [
            {
              id: 'entry-into-force-on-signature',
              type: 'timer',
              title: 'Entry into force (on signature)',
              titles: { fr: 'Entrée en vigueur (à la signature)', ja: '効力発生（署名の日）' },
              description:
                'The agreement enters into force on signature: the wait ends at the signature date.',
              when: { param: 'entryIntoForceRule', equals: 'on-signature' },
              from: signatureDate,
              waivable: false,
            },
            {
              id: 'entry-into-force-days',
              type: 'timer',
              title: 'Entry into force (days after the later note)',
              titles: {
                fr: 'Entrée en vigueur (jours après la dernière note)',
                ja: '効力発生（後の通告の接受から所定の日数）',
              },
              description:
                'Enters into force on the N-th day after the receipt of the later note (or the exchange of ' +
                'instruments).',
              when: { param: 'entryIntoForceRule', equals: 'days-after-last-notification' },
              from: consentDate,
              wait: { amount: { param: 'entryIntoForceDays' }, unit: 'calendar-days' },
              waivable: false,
            },
            {
              id: 'entry-into-force-month-start',
              type: 'timer',
              title: 'Entry into force (first day of the month after)',
              titles: {
                fr: 'Entrée en vigueur (premier jour du mois suivant)',
                ja: '効力発生（後の通告の接受の後の月の初日）',
              },
              description:
                'Enters into force on the first day of the N-th month after the receipt of the later note.',
              when: { param: 'entryIntoForceRule', equals: 'first-day-of-month-after' },
              from: consentDate,
              wait: { amount: { param: 'entryIntoForceMonths' }, unit: 'month-starts' },
              waivable: false,
            },
          ],
        },
        {
          id: 'jp-promulgation',
          title: 'Japan: promulgation in the Official Gazette',
          titles: { fr: 'Japon : promulgation au Journal officiel', ja: '日本：官報による公布' },
          when: diet,
          steps: [
            {
              id: 'jp-official-gazette',
              type: 'task',
              title: 'Promulgation in the Official Gazette (条約第n号)',
              titles: {
                fr: 'Promulgation au Journal officiel (Kanpō), traité n°',
                ja: '官報による公布（条約第n号）',
              },
              description:
                'After conclusion and before entry into force, the agreement is promulgated in the Official ' +
                'Gazette with its treaty number.',
              authority: {
                JP: 'The Emperor on the advice and approval of the Cabinet (Constitution art. 7(1))',
              },
              legalBasis: 'Constitution of Japan, art. 7(1)',
              sources: [SOURCES.constitutionJapan, SOURCES.ndlTreatyGuide],
              parties: { JP: { roles: ['jp-official-gazette'] } },
              outputs: {
                promulgatedOn: {
                  type: 'date',
                  title: 'Date of promulgation',
                  titles: { fr: 'Date de promulgation', ja: '公布日' },
                },
                treatyNumber: {
                  type: 'reference',
                  title: 'Treaty number (条約第n号)',
                  titles: { fr: 'Numéro du traité', ja: '条約番号（条約第n号）' },
                },
              },
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 7, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'publication',
      type: 'parallel',
      title: 'Publication and registration',
      titles: { fr: 'Publication et enregistrement', ja: '公表及び登録' },
      description:
        "Once in force: MOFA's notice, the Canada Treaty Series within the agreement's deadline, and " +
        'registration with the UN Secretariat.',
      branches: [
        {
          id: 'jp-notice',
          title: 'Japan: MOFA notice',
          titles: { fr: 'Japon : avis du ministère des Affaires étrangères', ja: '日本：外務省告示' },
          steps: [
            {
              id: 'jp-mofa-notice',
              type: 'task',
              title: 'MOFA notice (外務省告示)',
              titles: { fr: 'Avis du ministère des Affaires étrangères (gaimushō kokuji)', ja: '外務省告示' },
              description:
                'MOFA publishes a notice of the entry-into-force date; an agreement without Diet approval is ' +
                'published by this notice only.',
              authority: { JP: 'Ministry of Foreign Affairs' },
              sources: [SOURCES.mofaTreaties, SOURCES.ndlTreatyGuide],
              parties: { JP: { roles: ['jp-mofa-treaties'] } },
              outputs: {
                publishedOn: {
                  type: 'date',
                  title: 'Date of the notice',
                  titles: { fr: "Date de l'avis", ja: '告示日' },
                },
                noticeNumber: {
                  type: 'reference',
                  title: 'Notice number',
                  titles: { fr: "Numéro de l'avis", ja: '告示番号' },
                },
              },
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 7, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca-publication',
          title: 'Canada: Canada Treaty Series',
          titles: { fr: 'Canada : Recueil des traités du Canada', ja: 'カナダ：カナダ条約集' },
          steps: [
            {
              id: 'ca-treaty-series',
              type: 'task',
              title: 'Publication in the Canada Treaty Series',
              titles: { fr: 'Publication dans le Recueil des traités du Canada', ja: 'カナダ条約集への掲載' },
              description:
                "Published in the Canada Treaty Series within the agreement's deadline after entry into force " +
                '(a mutual legal assistance treaty: 60 days, MLACMA s. 5).',
              authority: { CA: 'Global Affairs Canada (Treaty Law Division)' },
              legalBasis:
                'Mutual Legal Assistance in Criminal Matters Act, s. 5 (for a mutual legal assistance treaty)',
              sources: [SOURCES.mlacma, SOURCES.treatyLaw],
              parties: { CA: { roles: ['ca-treaty-registry'] } },
              outputs: {
                publishedOn: {
                  type: 'date',
                  title: 'Date of publication',
                  titles: { fr: 'Date de publication', ja: '掲載日' },
                },
                ctsNumber: {
                  type: 'reference',
                  title: 'CTS number (e.g. 2026/12)',
                  titles: { fr: 'Numéro RTC (p. ex. 2026/12)', ja: 'CTS番号（例 2026/12）' },
                },
              },
              deadline: {
                within: { amount: { param: 'ctsPublicationDays' }, unit: 'calendar-days' },
                remindBefore: [{ amount: 14, unit: 'calendar-days' }],
              },
              typically: { amount: 45, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'un-registration',
          title: 'Registration with the United Nations',
          titles: { fr: 'Enregistrement auprès des Nations Unies', ja: '国際連合への登録' },
          steps: [
            {
              id: 'un-registration-recorded',
              type: 'task',
              title: 'Registered with the UN Secretariat',
              titles: {
                fr: 'Enregistré auprès du Secrétariat des Nations Unies',
                ja: '国際連合事務局への登録',
              },
              description:
                'One party (as the two agree) registers the agreement with the UN Secretariat; record the ' +
                'registration number.',
              authority: { JP: 'Ministry of Foreign Affairs', CA: 'Global Affairs Canada' },
              legalBasis: 'Charter of the United Nations, art. 102',
              sources: [SOURCES.unCharter102, SOURCES.unTreatyRegistration],
              parties: { JP: { roles: ['jp-mofa-treaties'] }, CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: {
                registeredOn: {
                  type: 'date',
                  title: 'Date of registration',
                  titles: { fr: "Date d'enregistrement", ja: '登録日' },
                },
                registrationNumber: {
                  type: 'reference',
                  title: 'UN registration number',
                  titles: { fr: "Numéro d'enregistrement", ja: '登録番号' },
                },
              },
              typically: { amount: 90, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
  ],
};
