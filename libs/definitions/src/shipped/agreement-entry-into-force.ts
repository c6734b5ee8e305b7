/**
 * Bringing an agreement into force (PRODUCT.md, "Bringing an agreement into force"). Examples: the Defence
 * Equipment and Technology Transfer Agreement (signed Ottawa, 27 Jan 2026), the Mutual Legal Assistance Treaty
 * (signed 12 Dec 2025). Precedents: signature to entry into force ~9 months (Japan–Viet Nam MLAT), ~21 months
 * (Japan–France ETTA).
 *
 * `signedOn` starts a process after signature: the steps up to signature are skipped and the signature date
 * comes from the parameter. Date expressions therefore read `latestOf: [{ param: 'signedOn' }, { output:
 * 'signature.signedOn' }]` — exactly one of the two is set (latestOf/earliestOf ignore unset members).
 *
 * Entry-into-force rule: `on-signature` — the agreement enters into force at signature, so domestic
 * procedures and the exchange of notes are skipped and the entry-into-force timer ends at the signature
 * date; `days-after-last-notification` — the N-th day after the later of the two notes;
 * `first-day-of-month-after` — the first day of the N-th month after the later note.
 */
import type { Condition, DateExpr, ProcessDefinition } from '../../../contracts/src/definition';

const notSignedYet: Condition = { not: { param: 'signedOn', truthy: true } };
const needsNotes: Condition = { not: { param: 'entryIntoForceRule', equals: 'on-signature' } };
const signatureDate: DateExpr = { latestOf: [{ param: 'signedOn' }, { output: 'signature.signedOn' }] };
const laterNote: DateExpr = {
  latestOf: [{ output: 'jp-note.notifiedOn' }, { output: 'ca-note.notifiedOn' }],
};

export const agreementEntryIntoForce: ProcessDefinition = {
  id: 'agreement-entry-into-force',
  version: 1,
  title: 'Bringing an agreement into force',
  titles: { fr: "Entrée en vigueur d'un accord", ja: '協定の締結及び発効の手続' },
  description:
    'From the finalised text to entry into force and publication: legal examination, authority to sign, ' +
    'signature, the domestic procedures of each side (JP Diet approval; CA tabling for 21 sitting days, ' +
    'implementing legislation, Order in Council), the exchange of diplomatic notes, the entry-into-force ' +
    'date computed from the agreed rule, and publication in both countries.',
  descriptions: {
    fr: "Du texte définitif à l'entrée en vigueur et à la publication : examen juridique, autorisation de signer, signature, procédures internes de chaque Partie (Japon : approbation de la Diète ; Canada : dépôt à la Chambre des communes pendant 21 jours de séance, loi de mise en œuvre, décret), échange de notes diplomatiques, date d'entrée en vigueur calculée selon la règle convenue, et publication dans les deux pays.",
    ja: '条約文の確定から効力発生及び公表まで：法的審査、署名の授権、署名、各国の国内手続（日本：国会承認、カナダ：下院への提出（21開会日）、実施法、枢密院令）、外交上の公文の交換、合意された規定に従った効力発生日の算定並びに両国における公表。',
  },
  roadmap: {
    pillar: '1',
    pillarTitle: 'Enhanced Security and Defence Cooperation',
    section:
      '1.2 Secure Information and Technology Cooperation; 1.5 Law Enforcement and Public Safety Cooperation',
  },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer', 'ca-officer', 'jp-mofa-negotiator', 'ca-gac-negotiator'],
  idleAfter: { amount: 30, unit: 'calendar-days' },
  parameters: {
    signedOn: {
      type: 'date',
      title: 'Already signed on',
      titles: { fr: 'Déjà signé le', ja: '署名済みの場合の署名日' },
      description: 'Set to start after signature: the steps up to signature are skipped.',
      default: null,
    },
    requiresDietApproval: {
      type: 'boolean',
      title: 'Requires Diet approval (JP)',
      titles: { fr: 'Approbation de la Diète requise (Japon)', ja: '国会承認条約' },
      description: 'A treaty needing the approval of both Houses of the Diet before conclusion.',
      default: true,
    },
    requiresImplementingLegislation: {
      type: 'boolean',
      title: 'Requires implementing legislation (CA)',
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
        'For days-after-last-notification: enters into force on the N-th day after the later note.',
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
  },
  steps: [
    {
      id: 'text-draft',
      type: 'task',
      title: 'Negotiated text',
      titles: { fr: 'Texte négocié', ja: '交渉テキスト' },
      description:
        'A negotiator records the reference of the negotiated text (or its revision after a change request).',
      when: notSignedYet,
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
        'Both negotiators (JP MOFA, CA GAC) confirm the final text. Requested changes send the text back for ' +
        'revision; a rejection ends the process.',
      when: notSignedYet,
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
      id: 'legal-examination',
      type: 'parallel',
      title: 'Legal examination',
      titles: { fr: 'Examen juridique', ja: '法的審査' },
      description: 'Both sides examine the text in parallel.',
      when: notSignedYet,
      branches: [
        {
          id: 'jp-legal',
          title: 'Japan: Cabinet Legislation Bureau and MOFA Treaties Division',
          titles: {
            fr: 'Japon : Bureau législatif du Cabinet et division des traités',
            ja: '日本：内閣法制局及び外務省条約課',
          },
          steps: [
            {
              id: 'jp-legal-examination',
              type: 'approval',
              title: 'Legal examination (JP)',
              titles: { fr: 'Examen juridique (Japon)', ja: '法的審査（日本）' },
              description:
                'The Cabinet Legislation Bureau and the International Legal Affairs Bureau (Treaties Division) ' +
                'of MOFA both clear the text.',
              parties: { JP: { roles: ['jp-clb-examiner', 'jp-mofa-treaties'], rule: 'all' } },
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
              title: 'Legal examination (CA)',
              titles: { fr: 'Examen juridique (Canada)', ja: '法的審査（カナダ）' },
              description:
                'The Treaty Law Division of Global Affairs Canada and Justice Canada both clear the text.',
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
      title: 'Authority to sign',
      titles: { fr: 'Autorisation de signer', ja: '署名の授権' },
      description:
        'Each side authorises its signatory in parallel: a Cabinet decision in Japan, an Order in Council in Canada.',
      when: notSignedYet,
      branches: [
        {
          id: 'jp-authority',
          title: 'Japan: Cabinet decision',
          titles: { fr: 'Japon : décision du Cabinet', ja: '日本：閣議決定' },
          steps: [
            {
              id: 'jp-cabinet-decision-signature',
              type: 'task',
              title: 'Cabinet decision authorising signature',
              titles: { fr: 'Décision du Cabinet autorisant la signature', ja: '署名についての閣議決定' },
              description: 'The Cabinet Secretariat records the Cabinet decision authorising signature.',
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
          ],
        },
        {
          id: 'ca-authority',
          title: 'Canada: Order in Council',
          titles: { fr: 'Canada : décret', ja: 'カナダ：枢密院令' },
          steps: [
            {
              id: 'ca-oic-signature',
              type: 'task',
              title: 'Order in Council authorising signature',
              titles: { fr: 'Décret autorisant la signature', ja: '署名を授権する枢密院令' },
              description: 'PCO records the Order in Council (Governor in Council) authorising signature.',
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
      description: 'Each side completes its own procedures for consent to be bound, in parallel.',
      when: needsNotes,
      branches: [
        {
          id: 'jp-domestic',
          title: 'Japan: Diet approval',
          titles: { fr: 'Japon : approbation de la Diète', ja: '日本：国会承認' },
          when: { param: 'requiresDietApproval', truthy: true },
          steps: [
            {
              id: 'jp-cabinet-decision-submit',
              type: 'task',
              title: 'Cabinet decision to submit to the Diet',
              titles: { fr: 'Décision du Cabinet de soumettre à la Diète', ja: '国会提出の閣議決定' },
              description: 'The Cabinet decides to submit the agreement to the Diet for approval.',
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
              id: 'jp-diet-approval',
              type: 'task',
              title: 'Diet approval',
              titles: { fr: 'Approbation de la Diète', ja: '国会承認' },
              description:
                'Both Houses approve; if the House of Councillors does not act within 30 days of receiving it, ' +
                'the decision of the House of Representatives prevails (Constitution, art. 61).',
              legislature: 'diet',
              parties: { JP: { roles: ['jp-diet-liaison'] } },
              outputs: {
                approvedOn: {
                  type: 'date',
                  title: 'Date of Diet approval',
                  titles: { fr: "Date d'approbation par la Diète", ja: '国会承認日' },
                },
                record: {
                  type: 'reference',
                  title: 'Diet record',
                  titles: { fr: 'Compte rendu de la Diète', ja: '国会会議録' },
                  required: false,
                },
              },
              typically: { amount: 90, unit: 'calendar-days' },
            },
            {
              id: 'jp-cabinet-decision-conclusion',
              type: 'task',
              title: 'Cabinet decision on conclusion',
              titles: { fr: 'Décision du Cabinet sur la conclusion', ja: '締結の閣議決定' },
              description: 'After Diet approval, the Cabinet decides to conclude the agreement.',
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
          ],
        },
        {
          id: 'ca-domestic',
          title: 'Canada: tabling, legislation, Order in Council',
          titles: { fr: 'Canada : dépôt, législation, décret', ja: 'カナダ：下院提出、立法、枢密院令' },
          steps: [
            {
              id: 'ca-tabling',
              type: 'task',
              title: 'Tabling in the House of Commons',
              titles: { fr: 'Dépôt à la Chambre des communes', ja: '下院への提出' },
              description: 'The treaty is tabled in the House of Commons with an Explanatory Memorandum.',
              parties: { CA: { roles: ['ca-parliament-liaison'] } },
              outputs: {
                tabledOn: {
                  type: 'date',
                  title: 'Date tabled',
                  titles: { fr: 'Date du dépôt', ja: '提出日' },
                },
                explanatoryMemorandum: {
                  type: 'reference',
                  title: 'Explanatory Memorandum reference',
                  titles: { fr: 'Référence du mémoire explicatif', ja: '説明書の文書番号' },
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
                'The treaty lies before the House for the tabling period (sitting days, counted from the day ' +
                'after tabling). The Prime Minister may grant an exception for an urgent treaty: a coordinator ' +
                'then ends the wait early with the reason.',
              from: { output: 'ca-tabling.tabledOn' },
              wait: { amount: { param: 'tablingSittingDays' }, unit: 'sitting-days', calendar: 'CA' },
              waivable: true,
            },
            {
              id: 'ca-implementing-legislation',
              type: 'task',
              title: 'Implementing legislation',
              titles: { fr: 'Loi de mise en œuvre', ja: '実施法' },
              description: 'Parliament passes the implementing legislation (Royal Assent).',
              when: { param: 'requiresImplementingLegislation', truthy: true },
              legislature: 'house-of-commons',
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
              id: 'ca-oic-ratification',
              type: 'task',
              title: 'Order in Council authorising ratification',
              titles: { fr: 'Décret autorisant la ratification', ja: '批准を授権する枢密院令' },
              description: 'PCO records the Order in Council authorising ratification (Governor in Council).',
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
          ],
        },
      ],
    },
    {
      id: 'exchange-of-notes',
      type: 'parallel',
      title: 'Exchange of diplomatic notes',
      titles: { fr: 'Échange de notes diplomatiques', ja: '外交上の公文の交換' },
      description: 'Each side notifies the other that its procedures are complete; the later note counts.',
      when: needsNotes,
      branches: [
        {
          id: 'jp-notes',
          title: 'Japan notifies',
          titles: { fr: 'Le Japon notifie', ja: '日本国政府の通告' },
          steps: [
            {
              id: 'jp-note',
              type: 'task',
              title: 'Diplomatic note from Japan',
              titles: { fr: 'Note diplomatique du Japon', ja: '日本国政府の外交上の公文' },
              description:
                'MOFA (Treaties Division) sends the note informing Canada that Japan has completed its procedures.',
              parties: { JP: { roles: ['jp-mofa-treaties'] } },
              outputs: {
                notifiedOn: {
                  type: 'date',
                  title: 'Date of the note',
                  titles: { fr: 'Date de la note', ja: '公文の日付' },
                },
                noteReference: {
                  type: 'reference',
                  title: 'Note reference',
                  titles: { fr: 'Référence de la note', ja: '公文番号' },
                  required: false,
                },
              },
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca-notes',
          title: 'Canada notifies',
          titles: { fr: 'Le Canada notifie', ja: 'カナダ政府の通告' },
          steps: [
            {
              id: 'ca-note',
              type: 'task',
              title: 'Diplomatic note from Canada',
              titles: { fr: 'Note diplomatique du Canada', ja: 'カナダ政府の外交上の公文' },
              description:
                'GAC (Treaty Law Division) sends the note informing Japan that Canada has completed its procedures.',
              parties: { CA: { roles: ['ca-gac-treaty-law'] } },
              outputs: {
                notifiedOn: {
                  type: 'date',
                  title: 'Date of the note',
                  titles: { fr: 'Date de la note', ja: '公文の日付' },
                },
                noteReference: {
                  type: 'reference',
                  title: 'Note reference',
                  titles: { fr: 'Référence de la note', ja: '公文番号' },
                  required: false,
                },
              },
              deadline: {
                within: { amount: 30, unit: 'calendar-days' },
                remindBefore: [{ amount: 7, unit: 'calendar-days' }],
              },
              typically: { amount: 14, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'entry-into-force-on-signature',
      type: 'timer',
      title: 'Entry into force (on signature)',
      titles: { fr: 'Entrée en vigueur (à la signature)', ja: '効力発生（署名の日）' },
      description: 'The agreement enters into force on signature: the wait ends at the signature date.',
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
        ja: '効力発生（後の通告から所定の日数）',
      },
      description: 'Enters into force on the N-th day after the later of the two notes.',
      when: { param: 'entryIntoForceRule', equals: 'days-after-last-notification' },
      from: laterNote,
      wait: { amount: { param: 'entryIntoForceDays' }, unit: 'calendar-days' },
      waivable: false,
    },
    {
      id: 'entry-into-force-month-start',
      type: 'timer',
      title: 'Entry into force (first day of the month after)',
      titles: {
        fr: 'Entrée en vigueur (premier jour du mois suivant)',
        ja: '効力発生（後の通告の後の月の初日）',
      },
      description: 'Enters into force on the first day of the N-th month after the later of the two notes.',
      when: { param: 'entryIntoForceRule', equals: 'first-day-of-month-after' },
      from: laterNote,
      wait: { amount: { param: 'entryIntoForceMonths' }, unit: 'month-starts' },
      waivable: false,
    },
    {
      id: 'publication',
      type: 'parallel',
      title: 'Publication',
      titles: { fr: 'Publication', ja: '公表' },
      description: 'Both sides publish the agreement once it is in force.',
      branches: [
        {
          id: 'jp-publication',
          title: 'Japan: promulgation',
          titles: { fr: 'Japon : promulgation', ja: '日本：公布' },
          steps: [
            {
              id: 'jp-official-gazette',
              type: 'task',
              title: 'Promulgation in the Official Gazette',
              titles: { fr: 'Promulgation au Journal officiel', ja: '官報による公布' },
              description:
                'The agreement is promulgated in the Official Gazette (Kanpo) with its treaty number.',
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
              description: 'The agreement is published in the Canada Treaty Series.',
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
                within: { amount: 90, unit: 'calendar-days' },
                remindBefore: [{ amount: 14, unit: 'calendar-days' }],
              },
              typically: { amount: 60, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
  ],
};
