/**
 * Concluding an implementing arrangement, version 2 (issue 10). The same outline as version 1
 * (./implementing-arrangement.ts), corrected:
 * - a joint review's deadline is counted by each side in its own business days (`perPartyCalendars`): the
 *   Canadian reviewers' 15 days are Canadian business days, the Japanese reviewers' Japanese ones;
 * - a non-binding arrangement goes to GAC's registry of non-treaty instruments (Treaty Law Division), not the
 *   treaty registry.
 * The due-time requests change for processes in flight, so this is a new version: version 1 processes finish
 * on version 1.
 */
import type { ProcessDefinition } from '../../../contracts/src/definition';
import { SOURCES } from '../sources';

export const implementingArrangementV2: ProcessDefinition = {
  id: 'implementing-arrangement',
  version: 2,
  title: 'Concluding an implementing arrangement',
  titles: { fr: "Conclusion d'un arrangement de mise en œuvre", ja: '実施取決めの作成' },
  description:
    'A non-binding arrangement under an existing agreement: draft by the lead side, inter-agency review by ' +
    'every concerned agency of both sides (revise and review again on change requests), legal review, ' +
    'approval to sign by senior officials, signature, registration and implementation kick-off. Version 2: ' +
    "each side's reviewers count their deadlines in their own country's business days; Canada records the " +
    "arrangement in GAC's registry of non-treaty instruments (not the treaty registry).",
  descriptions: {
    fr: "Arrangement non contraignant conclu en vertu d'un accord existant : projet établi par la Partie responsable, examen interorganismes par chacun des organismes concernés des deux Parties (révision et nouvel examen en cas de demande de modification), examen juridique, approbation de la signature par les hauts fonctionnaires, signature, enregistrement et lancement de la mise en œuvre. Version 2 : les examinateurs de chaque Partie comptent leurs délais en jours ouvrables de leur propre pays ; le Canada consigne l'arrangement dans le registre des instruments non conventionnels d'Affaires mondiales Canada (et non dans le registre des traités).",
    ja: '既存の協定の下で作成される法的拘束力を有しない取決め：主管側による案文の作成、双方の全ての関係機関による省庁間審査（修正要請があった場合は修正の上で再審査）、法的審査、高級事務レベルによる署名の承認、署名、登録及び実施の開始。第2版：各国の審査担当者は、自国の執務日により期限を計算する。カナダは、本取決めを条約の登録簿ではなく、グローバル連携省の条約以外の文書の登録簿に記録する。',
  },
  sources: [SOURCES.treatyLawDivision, SOURCES.tablingPolicy],
  roadmap: {
    pillar: '1',
    pillarTitle: 'Enhanced Security and Defence Cooperation',
    section: '1.2 Secure Information and Technology Cooperation',
  },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer', 'ca-officer'],
  idleAfter: { amount: 21, unit: 'calendar-days' },
  parameters: {
    leadSide: {
      type: 'enum',
      title: 'Lead side (prepares the draft)',
      titles: { fr: 'Partie responsable (prépare le projet)', ja: '主導側（案文を作成）' },
      options: ['JP', 'CA'],
      optionTitles: {
        JP: { title: 'Japan', titles: { fr: 'Japon', ja: '日本' } },
        CA: { title: 'Canada', titles: { fr: 'Canada', ja: 'カナダ' } },
      },
      default: 'JP',
    },
    parentAgreement: {
      type: 'text',
      title: 'Agreement it implements',
      titles: { fr: 'Accord mis en œuvre', ja: '実施の対象となる協定' },
      default: 'Security of Information Agreement (signed 8 July 2025)',
    },
  },
  steps: [
    {
      id: 'draft-by-jp',
      type: 'task',
      when: { param: 'leadSide', equals: 'JP' },
      title: 'Draft prepared (JP)',
      titles: { fr: 'Projet préparé (Japon)', ja: '案文の作成（日本）' },
      description: 'Record the reference of the draft or of its revision.',
      parties: { JP: { roles: ['jp-officer', 'jp-mod-atla'] } },
      outputs: {
        draftReference: {
          type: 'reference',
          title: 'Draft reference',
          titles: { fr: 'Référence du projet', ja: '案文の文書番号' },
        },
        changes: {
          type: 'text',
          title: 'Changes since the last round',
          titles: { fr: 'Modifications depuis la dernière ronde', ja: '前回からの変更点' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 20, unit: 'business-days', calendar: 'JP' },
        remindBefore: [{ amount: 3, unit: 'business-days', calendar: 'JP' }],
      },
      typically: { amount: 15, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'draft-by-ca',
      type: 'task',
      when: { param: 'leadSide', equals: 'CA' },
      title: 'Draft prepared (CA)',
      titles: { fr: 'Projet préparé (Canada)', ja: '案文の作成（カナダ）' },
      description: 'Record the reference of the draft or of its revision.',
      parties: { CA: { roles: ['ca-officer', 'ca-dnd'] } },
      outputs: {
        draftReference: {
          type: 'reference',
          title: 'Draft reference',
          titles: { fr: 'Référence du projet', ja: '案文の文書番号' },
        },
        changes: {
          type: 'text',
          title: 'Changes since the last round',
          titles: { fr: 'Modifications depuis la dernière ronde', ja: '前回からの変更点' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 20, unit: 'business-days', calendar: 'CA' },
        remindBefore: [{ amount: 3, unit: 'business-days', calendar: 'CA' }],
      },
      typically: { amount: 15, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'inter-agency-review',
      type: 'approval',
      title: 'Inter-agency review',
      titles: { fr: 'Examen interministériel', ja: '関係省庁による審査' },
      description:
        'Every concerned agency must concur: JP MOD/ATLA, MOFA, METI; CA DND, GAC, PSPC. A change request ' +
        'sends the draft back to the lead side and the review starts a new round.',
      parties: {
        JP: { roles: ['jp-mod-atla', 'jp-mofa', 'jp-meti'], rule: 'all' },
        CA: { roles: ['ca-dnd', 'ca-gac', 'ca-pspc'], rule: 'all' },
      },
      onRequestChanges: { goto: 'draft-by-jp' },
      onReject: 'end',
      maxRounds: 5,
      // Each side's reviewers get 15 business days of their own country (JP holidays for Tokyo, CA for Ottawa).
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'JP' },
        perPartyCalendars: true,
        remindBefore: [
          { amount: 7, unit: 'calendar-days' },
          { amount: 1, unit: 'calendar-days' },
        ],
        escalateAfter: [
          { amount: 0, unit: 'calendar-days' },
          { amount: 7, unit: 'calendar-days' },
        ],
      },
      typically: { amount: 15, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'legal-review',
      type: 'approval',
      title: 'Legal review',
      titles: { fr: 'Examen juridique', ja: '法的審査' },
      description:
        'GAC Treaty Law Division and MOFA confirm the text is a non-binding arrangement within the agreement.',
      parties: {
        JP: { roles: ['jp-mofa-treaties'], rule: 'any' },
        CA: { roles: ['ca-gac-treaty-law'], rule: 'any' },
      },
      onRequestChanges: { goto: 'draft-by-jp' },
      onReject: 'end',
      maxRounds: 5,
      deadline: {
        within: { amount: 20, unit: 'business-days', calendar: 'CA' },
        perPartyCalendars: true,
        remindBefore: [{ amount: 7, unit: 'calendar-days' }],
      },
      typically: { amount: 15, unit: 'business-days', calendar: 'CA' },
    },
    {
      id: 'approval-to-sign',
      type: 'approval',
      title: 'Approval to sign',
      titles: { fr: 'Approbation de la signature', ja: '署名の承認' },
      description: 'A senior official of each side approves signature.',
      parties: {
        JP: { roles: ['jp-senior-official'], rule: 'any' },
        CA: { roles: ['ca-senior-official'], rule: 'any' },
      },
      onReject: 'end',
      deadline: {
        within: { amount: 10, unit: 'business-days', calendar: 'JP' },
        perPartyCalendars: true,
        remindBefore: [{ amount: 3, unit: 'calendar-days' }],
      },
      typically: { amount: 10, unit: 'business-days', calendar: 'JP' },
    },
    {
      id: 'signature',
      type: 'task',
      title: 'Signature',
      titles: { fr: 'Signature', ja: '署名' },
      description: 'Joint signature: record the date, the place and the signatories.',
      parties: { JP: { roles: ['jp-senior-official'] }, CA: { roles: ['ca-senior-official'] } },
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
      id: 'registration',
      type: 'parallel',
      title: 'Registration',
      titles: { fr: 'Enregistrement', ja: '登録' },
      description: 'Each side records the signed arrangement in its registry, in parallel.',
      branches: [
        {
          id: 'ca-registration',
          title: 'Canada: GAC registry of non-treaty instruments',
          titles: {
            fr: 'Canada : registre des instruments non conventionnels d’AMC',
            ja: 'カナダ：グローバル連携省の非条約文書登録簿',
          },
          steps: [
            {
              id: 'ca-registry',
              type: 'task',
              title: "Recorded in GAC's registry of non-treaty instruments",
              titles: {
                fr: 'Consigné au registre des instruments non conventionnels d’AMC',
                ja: 'グローバル連携省の非条約文書登録簿への記録',
              },
              description:
                'A non-binding arrangement is not a treaty: it is not published in the Canada Treaty Series nor ' +
                'registered with the United Nations. The Treaty Law Division records it in its registry of ' +
                'non-treaty arrangements and understandings.',
              authority: { CA: 'Global Affairs Canada, Treaty Law Division' },
              sources: [SOURCES.treatyLawDivision],
              parties: { CA: { roles: ['ca-treaty-registry'] } },
              outputs: {
                registeredOn: {
                  type: 'date',
                  title: 'Date recorded',
                  titles: { fr: 'Date de consignation', ja: '記録日' },
                },
                registryReference: {
                  type: 'reference',
                  title: 'Registry reference',
                  titles: { fr: "Numéro d'enregistrement au registre", ja: '登録番号' },
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
          id: 'jp-registration',
          title: 'Japan: MOFA',
          titles: { fr: 'Japon : ministère des Affaires étrangères', ja: '日本：外務省' },
          steps: [
            {
              id: 'jp-registry',
              type: 'task',
              title: 'Recorded by MOFA',
              titles: { fr: 'Consigné par le ministère des Affaires étrangères', ja: '外務省による記録' },
              description:
                'MOFA records the arrangement (a non-binding document: no Diet approval, no promulgation).',
              authority: { JP: 'Ministry of Foreign Affairs' },
              parties: { JP: { roles: ['jp-mofa'] } },
              outputs: {
                registeredOn: {
                  type: 'date',
                  title: 'Date recorded',
                  titles: { fr: 'Date de consignation', ja: '記録日' },
                },
                registryReference: {
                  type: 'reference',
                  title: 'MOFA reference',
                  titles: {
                    fr: 'Référence du ministère des Affaires étrangères du Japon',
                    ja: '外務省の整理番号',
                  },
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
      id: 'implementation-kickoff',
      type: 'task',
      title: 'Implementation kick-off',
      titles: { fr: 'Lancement de la mise en œuvre', ja: '実施の開始' },
      description:
        'The first joint implementation meeting is held; record its date and the agreed work plan.',
      parties: { JP: { roles: ['jp-officer'] }, CA: { roles: ['ca-officer'] } },
      outputs: {
        heldOn: {
          type: 'date',
          title: 'Kick-off date',
          titles: { fr: 'Date de lancement', ja: 'キックオフの日付' },
        },
        workPlan: {
          type: 'reference',
          title: 'Work plan reference',
          titles: { fr: 'Référence du plan de travail', ja: '作業計画の文書番号' },
          required: false,
        },
      },
      deadline: {
        within: { amount: 60, unit: 'calendar-days' },
        remindBefore: [{ amount: 14, unit: 'calendar-days' }],
      },
      typically: { amount: 30, unit: 'calendar-days' },
    },
  ],
};
