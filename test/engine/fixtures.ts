/**
 * Small inline definitions, one per building block, shared by the engine's unit specs and the e2e tests
 * on the real server. Role ids come from the roles vocabulary.
 */
import type {
  ParamValue,
  ParameterSpec,
  ProcessDefinition,
  StepSpec,
} from '../../libs/contracts/src/definition';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import type { StepView } from '../../libs/contracts/src/process-view';

export function definition(
  id: string,
  steps: StepSpec[],
  parameters: Record<string, ParameterSpec> = {},
): ProcessDefinition {
  return {
    id: `test-${id}`,
    version: 1,
    title: `Test: ${id}`,
    description: `Building block: ${id}`,
    roadmap: { pillar: '9', pillarTitle: 'Tests' },
    parties: ['JP', 'CA'],
    initiatorRoles: ['jp-officer', 'ca-officer'],
    parameters,
    steps,
  };
}

export function who(
  sub: string,
  party: 'JP' | 'CA',
  roles: string[],
  onBehalfOf?: { sub: string; name: string },
): ActingPrincipal {
  const p: ActingPrincipal = { sub, name: sub, party, org: party === 'JP' ? 'MOFA' : 'GAC', roles };
  if (onBehalfOf) p.onBehalfOf = onBehalfOf;
  return p;
}

export const people = {
  jpOfficer: who('jp-officer', 'JP', ['jp-officer']),
  caOfficer: who('ca-officer', 'CA', ['ca-officer']),
  jpNeg: who('jp-mofa-negotiator', 'JP', ['jp-mofa-negotiator']),
  jpNeg2: who('jp-mofa-negotiator-2', 'JP', ['jp-mofa-negotiator']),
  jpClb: who('jp-clb-examiner', 'JP', ['jp-clb-examiner']),
  jpTreaties: who('jp-mofa-treaties', 'JP', ['jp-mofa-treaties']),
  jpMofa: who('jp-mofa', 'JP', ['jp-mofa']),
  jpMeti: who('jp-meti', 'JP', ['jp-meti']),
  jpMeti2: who('jp-meti-2', 'JP', ['jp-meti']),
  jpDiet: who('jp-diet-liaison', 'JP', ['jp-diet-liaison']),
  caNeg: who('ca-gac-negotiator', 'CA', ['ca-gac-negotiator']),
  caLaw: who('ca-gac-treaty-law', 'CA', ['ca-gac-treaty-law']),
  caJustice: who('ca-justice-legal', 'CA', ['ca-justice-legal']),
  caParl: who('ca-parliament-liaison', 'CA', ['ca-parliament-liaison']),
  coordinator: who('coordinator', 'JP', ['coordinator']),
  caCoordinator: who('ca-coordinator', 'CA', ['coordinator']),
};

const negotiators = {
  JP: { roles: ['jp-mofa-negotiator'] },
  CA: { roles: ['ca-gac-negotiator'] },
};

export const fixtures = {
  /** JP needs both of its roles; CA any one. */
  approvalAll: definition('approval-all', [
    {
      id: 'legal',
      type: 'approval',
      title: 'Legal examination',
      parties: {
        JP: { roles: ['jp-clb-examiner', 'jp-mofa-treaties'], rule: 'all' },
        CA: { roles: ['ca-gac-treaty-law', 'ca-justice-legal'], rule: 'any' },
      },
    },
  ]),
  /** Two distinct JP approvers (any listed role), CA any. */
  quorum: definition('quorum', [
    {
      id: 'review',
      type: 'approval',
      title: 'Inter-agency review',
      parties: {
        JP: { roles: ['jp-mofa', 'jp-meti'], rule: { quorum: 2 } },
        CA: { roles: ['ca-gac-negotiator'] },
      },
    },
  ]),
  /** Draft, then text approval: reject ends; request changes goes back to the draft; 2 rounds at most. */
  review: definition('review', [
    {
      id: 'draft',
      type: 'task',
      title: 'Prepare draft',
      parties: { JP: { roles: ['jp-mofa-negotiator'] } },
      outputs: { ref: { type: 'reference' } },
    },
    {
      id: 'text',
      type: 'approval',
      title: 'Text finalised',
      parties: negotiators,
      onReject: 'end',
      onRequestChanges: { goto: 'draft' },
      maxRounds: 2,
    },
  ]),
  /** Reject routes back to the draft; request changes repeats the same step (default). */
  rejectGoto: definition('reject-goto', [
    { id: 'draft', type: 'task', title: 'Prepare draft', parties: { CA: { roles: ['ca-gac-negotiator'] } } },
    {
      id: 'text',
      type: 'approval',
      title: 'Text finalised',
      parties: negotiators,
      onReject: { goto: 'draft' },
    },
  ]),
  /** Typed outputs of every kind. */
  task: definition('task', [
    {
      id: 'sign',
      type: 'task',
      title: 'Signature',
      parties: { JP: { roles: ['jp-mofa-negotiator'] }, CA: { roles: ['ca-gac-negotiator'] } },
      outputs: {
        signedOn: { type: 'date' },
        signatories: { type: 'number' },
        place: { type: 'text' },
        treatyRef: { type: 'reference' },
        note: { type: 'text', required: false },
      },
    },
  ]),
  /** A timer of `seconds` seconds (a parameter), then an approval. */
  timerSeconds: definition(
    'timer-seconds',
    [
      {
        id: 'wait',
        type: 'timer',
        title: 'Cooling-off',
        wait: { amount: { param: 'seconds' }, unit: 'seconds' },
      },
      { id: 'ok', type: 'approval', title: 'Confirm', parties: { JP: negotiators.JP } },
    ],
    { seconds: { type: 'number', default: 2 } },
  ),
  /** Two JP business days (compressed by ACCORD_DAY_LENGTH); not waivable. */
  timerBusinessDays: definition('timer-business-days', [
    {
      id: 'wait',
      type: 'timer',
      title: 'Two business days',
      wait: { amount: 2, unit: 'business-days', calendar: 'JP' },
      waivable: false,
    },
  ]),
  /** A timer until a past date (fires at once), then one of a second: both in one go. */
  timerChain: definition(
    'timer-chain',
    [
      { id: 'until', type: 'timer', title: 'Until the start date', from: { param: 'since' } },
      { id: 'then', type: 'timer', title: 'One more second', wait: { amount: 1, unit: 'seconds' } },
    ],
    { since: { type: 'date', default: '2025-01-15' } },
  ),
  /** A long timer a coordinator may waive. */
  waiver: definition('waiver', [
    { id: 'sitting', type: 'timer', title: '21 sitting days', wait: { amount: 21, unit: 'calendar-days' } },
    {
      id: 'after',
      type: 'task',
      title: 'Order in Council',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
    },
  ]),
  /** Two branches (one conditional), each with two steps, then a join. */
  parallel: definition(
    'parallel',
    [
      {
        id: 'domestic',
        type: 'parallel',
        title: 'Domestic procedures',
        branches: [
          {
            id: 'jp',
            title: 'Japan',
            when: { param: 'requiresDietApproval' },
            steps: [
              {
                id: 'jp-submit',
                type: 'task',
                title: 'Cabinet decision to submit',
                parties: { JP: { roles: ['jp-diet-liaison'] } },
              },
              {
                id: 'jp-diet',
                type: 'task',
                title: 'Diet approval',
                parties: { JP: { roles: ['jp-diet-liaison'] } },
                outputs: { approvedOn: { type: 'date' } },
              },
            ],
          },
          {
            id: 'ca',
            title: 'Canada',
            steps: [
              {
                id: 'ca-table',
                type: 'task',
                title: 'Tabling',
                parties: { CA: { roles: ['ca-parliament-liaison'] } },
                outputs: { tabledOn: { type: 'date' } },
              },
              { id: 'ca-wait', type: 'timer', title: 'Sitting days', wait: { amount: 1, unit: 'seconds' } },
              {
                id: 'ca-legislation',
                type: 'task',
                title: 'Implementing legislation',
                when: { param: 'requiresImplementingLegislation' },
                parties: { CA: { roles: ['ca-parliament-liaison'] } },
              },
            ],
          },
        ],
      },
      { id: 'notes', type: 'approval', title: 'Exchange of notes', parties: negotiators },
    ],
    {
      requiresDietApproval: { type: 'boolean', default: true },
      requiresImplementingLegislation: { type: 'boolean', default: false },
    },
  ),
  /** A deadline of 3 s with a reminder 2 s before and escalations at +0 and +1 s. */
  deadline: definition('deadline', [
    {
      id: 'sign',
      type: 'approval',
      title: 'Approve to sign',
      // Either role signs; a coordinator may narrow it to the Treaties Division (reassign stays in vocabulary).
      parties: { JP: { roles: ['jp-mofa-negotiator', 'jp-mofa-treaties'] } },
      deadline: {
        within: { amount: 3, unit: 'seconds' },
        remindBefore: [{ amount: 2, unit: 'seconds' }],
        escalateAfter: [
          { amount: 0, unit: 'seconds' },
          { amount: 1, unit: 'seconds' },
        ],
      },
    },
  ]),
  /** Many tasks in a row: drives history length up for continue-as-new. */
  long: definition(
    'long',
    Array.from({ length: 12 }, (_, i) => ({
      id: `t${i + 1}`,
      type: 'task' as const,
      title: `Task ${i + 1}`,
      parties: { JP: { roles: ['jp-mofa-negotiator'] } },
    })),
  ),
  /** A country's legal wait (Canada's sitting days): waived by Canada's coordinator, naming the authority. */
  legalWait: definition('legal-wait', [
    {
      id: 'tabling',
      type: 'timer',
      title: '21 sitting days',
      wait: { amount: 21, unit: 'sitting-days', calendar: 'CA' },
    },
    {
      id: 'oic',
      type: 'task',
      title: 'Order in Council',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
    },
  ]),
  /** The Diet's 30-day rule (no `calendar`: the unit says whose it is), then a task with a sitting-day deadline. */
  dietWait: definition('diet-wait', [
    {
      id: 'councillors',
      type: 'timer',
      title: '30 days of the Diet',
      wait: { amount: 30, unit: 'diet-days' },
    },
    {
      id: 'legislation',
      type: 'task',
      title: 'Implementing Act',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
      deadline: {
        within: { amount: 10, unit: 'sitting-days', calendar: 'CA' },
        remindBefore: [{ amount: 2, unit: 'sitting-days', calendar: 'CA' }],
      },
    },
  ]),
  /** A joint review whose sides count its deadline in their own business days. */
  perPartyReview: definition('per-party-review', [
    {
      id: 'review',
      type: 'approval',
      title: 'Inter-agency review',
      parties: { JP: { roles: ['jp-mofa'] }, CA: { roles: ['ca-gac-negotiator'] } },
      deadline: {
        within: { amount: 15, unit: 'business-days', calendar: 'JP' },
        perPartyCalendars: true,
        remindBefore: [{ amount: 1, unit: 'calendar-days' }],
      },
    },
  ]),
  /** An approval that loops on change requests with no maxRounds of its own (the default cap applies). */
  loop: definition('loop', [
    {
      id: 'sign',
      type: 'approval',
      title: 'Approval to sign',
      parties: { JP: { roles: ['jp-mofa'] }, CA: { roles: ['ca-gac-negotiator'] } },
    },
  ]),
};

export function startInput(
  def: ProcessDefinition,
  parameters: Record<string, ParamValue> = {},
  processId = `process-${def.id}`,
) {
  return {
    processId,
    title: def.title,
    parameters,
    initiator: people.jpOfficer,
    businessKey: null,
    initiativeId: null,
  };
}

/** A date long past, for date outputs (timers counted from it are due at once). */
export const PAST_DATE = '2025-01-15';

/** Every output of a step filled by its type: dates `date`, numbers 1, references and texts named after it. */
export function filledOutputs(s: StepView, date: string): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [k, t] of Object.entries(s.outputTypes)) {
    out[k] =
      t === 'date' ? date : t === 'number' ? 1 : t === 'reference' ? `REF-${s.id}-${k}` : `${s.title}: ${k}`;
  }
  return out;
}
