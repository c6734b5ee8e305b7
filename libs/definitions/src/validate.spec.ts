import type {
  ApprovalStepSpec,
  ParallelStepSpec,
  ProcessDefinition,
  TaskStepSpec,
  TimerStepSpec,
} from '../../contracts/src/definition';
import { agreementEntryIntoForce } from './shipped/agreement-entry-into-force';
import { tradeMission } from './shipped/trade-mission';
import { assertValidDefinition, DefinitionError, validateDefinition, validateParameters } from './validate';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const aeif = () => clone(agreementEntryIntoForce);
const parallel = (d: ProcessDefinition, i: number) => d.steps[i] as ParallelStepSpec;
const REF = 'agreement-entry-into-force@1';

describe('validateDefinition', () => {
  it('accepts the shipped agreement definition', () => {
    expect(validateDefinition(agreementEntryIntoForce)).toEqual([]);
  });

  it('allows `internal` only as a boolean on a step of one party', () => {
    const d = aeif();
    (parallel(d, 2).branches[0].steps[0] as ApprovalStepSpec).internal = true;
    expect(validateDefinition(d)).toEqual([]);
    (d.steps[1] as ApprovalStepSpec).internal = true;
    (parallel(d, 2).branches[1].steps[0] as unknown as Record<string, unknown>).internal = 'yes';
    expect(validateDefinition(d)).toEqual([
      `${REF}: steps[1].internal: only a step of one party can be internal to it; this one has 2 (JP, CA)`,
      `${REF}: steps[2].branches[1].steps[0].internal: must be true or false, got "yes"`,
    ]);
  });

  it('names the definition and the nested field path', () => {
    const d = aeif();
    (parallel(d, 2).branches[1].steps[0] as ApprovalStepSpec).parties.CA!.rule = { quorum: 0 };
    expect(validateDefinition(d)).toEqual([
      `${REF}: steps[2].branches[1].steps[0].parties.CA.rule: quorum must be an integer ≥ 1`,
    ]);
    expect(() => assertValidDefinition(d)).toThrow(DefinitionError);
  });

  it('finds duplicate ids across nested steps and branches', () => {
    const d = aeif();
    parallel(d, 5).branches[1].steps[0].id = 'signature';
    expect(validateDefinition(d)).toContain(
      `${REF}: steps[5].branches[1].steps[0].id: duplicate id "signature" (also at steps[4])`,
    );
  });

  it('requires goto targets to be this step or an earlier one of the same sequence (a block included)', () => {
    const d = aeif();
    (d.steps[1] as ApprovalStepSpec).onRequestChanges = { goto: 'signature' };
    (parallel(d, 2).branches[0].steps[0] as ApprovalStepSpec).onReject = { goto: 'text-draft' };
    d.steps[4] = {
      ...(d.steps[4] as object),
      type: 'approval',
      onReject: { goto: 'legal-examination' },
    } as ApprovalStepSpec;
    const errors = validateDefinition(d);
    // Back to an earlier parallel block: every branch runs again.
    expect(errors.filter((e) => e.includes('steps[4].onReject'))).toEqual([]);
    expect(errors).toContain(
      `${REF}: steps[1].onRequestChanges.goto: "signature" is not this step or an earlier step of the same sequence`,
    );
    expect(errors).toContain(
      `${REF}: steps[2].branches[0].steps[0].onReject.goto: "text-draft" is not this step or an earlier step of the same sequence`,
    );
  });

  it('checks conditions against declared parameters and outputs of earlier task steps', () => {
    const d = aeif();
    d.steps[0].when = { param: 'requiresDietAproval', truthy: true };
    d.steps[1].when = { output: 'signature.signedOn', exists: true };
    d.steps[4].when = { output: 'signature.place', exists: true };
    (d.steps[5] as ParallelStepSpec).branches[0].when = { output: 'text-draft.nope', exists: true };
    d.steps[7].when = { param: 'entryIntoForceRule', equals: 'on-signatur' };
    expect(validateDefinition(d)).toEqual([
      `${REF}: steps[0].when.param: unknown parameter "requiresDietAproval"`,
      `${REF}: steps[1].when.output: "signature" is not a step that finishes before this one`,
      `${REF}: steps[4].when.output: "signature" is not a step that finishes before this one`,
      `${REF}: steps[5].branches[0].when.output: task "text-draft" has no output "nope"`,
      `${REF}: steps[7].when.equals: must be one of on-signature, days-after-last-notification, first-day-of-month-after, got "on-signatur"`,
    ]);
  });

  it('does not let a branch read the outputs of a sibling branch', () => {
    const d = aeif();
    const notes = parallel(d, 6);
    notes.branches[1].steps[0].when = { output: 'jp-note.notifiedOn', exists: true };
    expect(validateDefinition(d)).toEqual([
      `${REF}: steps[6].branches[1].steps[0].when.output: "jp-note" is not a step that finishes before this one`,
    ]);
  });

  it('checks spans: param amounts are numbers, business days need a calendar, sitting days need CA', () => {
    const d = aeif();
    const tabling = parallel(d, 5).branches[1].steps[1] as TimerStepSpec;
    tabling.wait = { amount: { param: 'entryIntoForceRule' }, unit: 'sitting-days', calendar: 'JP' };
    (d.steps[1] as ApprovalStepSpec).deadline = { within: { amount: 5, unit: 'business-days' } };
    d.idleAfter = { amount: 1.5, unit: 'calendar-days' };
    expect(validateDefinition(d)).toEqual([
      `${REF}: idleAfter.amount: calendar-days are counted whole: must be an integer`,
      `${REF}: steps[1].deadline.within.calendar: business-days need a calendar (JP or CA)`,
      `${REF}: steps[5].branches[1].steps[1].wait.amount.param: parameter entryIntoForceRule is enum, a span amount needs a number parameter`,
      `${REF}: steps[5].branches[1].steps[1].wait.calendar: sitting-days are House of Commons sitting days: calendar must be CA`,
    ]);
  });

  it('checks date expressions', () => {
    const d = aeif();
    (d.steps[8] as TimerStepSpec).from = {
      latestOf: [{ output: 'jp-note.noteReference' }, { param: 'tablingSittingDays' }],
    };
    expect(validateDefinition(d)).toEqual([
      `${REF}: steps[8].from.latestOf[0].output: output jp-note.noteReference is reference, not a date`,
      `${REF}: steps[8].from.latestOf[1].param: parameter tablingSittingDays is number, not a date`,
    ]);
  });

  it('checks roles against the catalogue and their party', () => {
    const d = aeif();
    (d.steps[4] as TaskStepSpec).parties = {
      JP: { roles: ['ca-gac-negotiator'] },
      CA: { roles: ['ca-gac-negotiatr'] },
    };
    d.initiatorRoles = [];
    expect(validateDefinition(d)).toEqual([
      `${REF}: initiatorRoles: must list at least one role`,
      `${REF}: steps[4].parties.JP.roles[0]: role ca-gac-negotiator belongs to CA, not JP`,
      `${REF}: steps[4].parties.CA.roles[0]: unknown role "ca-gac-negotiatr"`,
    ]);
  });

  it('checks parameter defaults and requires them for shipped definitions', () => {
    const d = aeif();
    d.parameters.entryIntoForceDays.default = '30';
    d.parameters.entryIntoForceRule.default = 'never';
    d.parameters.tablingSittingDays.default = 100;
    delete d.parameters.requiresDietApproval.default;
    expect(validateDefinition(d)).toEqual([
      `${REF}: parameters.requiresDietApproval.default: every parameter needs a default (null for "not set") so a process starts from a title alone`,
      `${REF}: parameters.tablingSittingDays.default: must be ≤ 60, got 100`,
      `${REF}: parameters.entryIntoForceRule.default: must be one of on-signature, days-after-last-notification, first-day-of-month-after, got "never"`,
      `${REF}: parameters.entryIntoForceDays.default: must be a number, got "30"`,
    ]);
    expect(validateDefinition(d, { requireDefaults: false })).toHaveLength(3);
  });

  it('checks the names of enum options: only listed options, a title, fr/ja translations, enums only', () => {
    const d = aeif();
    d.parameters.entryIntoForceRule.optionTitles = {
      'on-signature': { title: 'On signature', titles: { fr: 'À la signature', ja: '署名の日' } },
      never: { title: 'Never' },
      'first-day-of-month-after': { title: ' ', titles: { de: 'x' } as never },
    };
    d.parameters.entryIntoForceDays.optionTitles = { x: { title: 'X' } };
    expect(validateDefinition(d)).toEqual([
      `${REF}: parameters.entryIntoForceRule.optionTitles.never: not one of the options (on-signature, days-after-last-notification, first-day-of-month-after)`,
      `${REF}: parameters.entryIntoForceRule.optionTitles.first-day-of-month-after.title: must be a non-empty string`,
      expect.stringContaining(
        `${REF}: parameters.entryIntoForceRule.optionTitles.first-day-of-month-after.titles.de: unknown field`,
      ),
      `${REF}: parameters.entryIntoForceDays.optionTitles: optionTitles apply to enum parameters only`,
    ]);
  });

  it('checks the description translations: fr and ja only, each a non-empty string', () => {
    const d = aeif();
    d.descriptions = { fr: 'Description', ja: '説明' };
    expect(validateDefinition(d)).toEqual([]);
    d.descriptions = { fr: ' ', de: 'Beschreibung' } as never;
    expect(validateDefinition(d)).toEqual([
      expect.stringContaining(`${REF}: descriptions.de: unknown field`),
      `${REF}: descriptions.fr: must be a non-empty string`,
    ]);
  });

  it('reports unknown fields (typos in data files) and bad step types', () => {
    const d = aeif() as unknown as { steps: Record<string, unknown>[] };
    d.steps[0].dedline = {};
    d.steps[1].type = 'aproval';
    expect(validateDefinition(d)).toEqual([
      expect.stringContaining(`${REF}: steps[0].dedline: unknown field`),
      `${REF}: steps[1].type: must be approval, task, timer or parallel, got "aproval"`,
    ]);
  });

  it('reports a rule on a task step and a timer with nothing to wait for', () => {
    const d = clone(tradeMission);
    (d.steps[2] as TaskStepSpec).parties.CA!.rule = 'all';
    delete (d.steps[3] as TimerStepSpec).wait;
    expect(validateDefinition(d)).toEqual([
      'trade-mission@1: steps[2].parties.CA.rule: a rule applies to approval steps only (any eligible principal completes a task)',
      'trade-mission@1: steps[3]: a timer needs `wait`, `from`, or both',
    ]);
  });

  it('refuses what is not a definition', () => {
    expect(validateDefinition(null)).toEqual(['(definition): a definition must be an object']);
    expect(validateDefinition({ id: 'x', version: 1 })).toEqual(
      expect.arrayContaining([
        'x@1: steps: must be a non-empty array',
        'x@1: initiatorRoles: must list at least one role',
      ]),
    );
  });
});

describe('validateParameters', () => {
  it('applies every default: a process starts from a title alone', () => {
    expect(validateParameters(agreementEntryIntoForce, undefined)).toEqual({
      ok: true,
      values: {
        signedOn: null,
        requiresDietApproval: true,
        requiresImplementingLegislation: false,
        tablingSittingDays: 21,
        entryIntoForceRule: 'days-after-last-notification',
        entryIntoForceDays: 30,
        entryIntoForceMonths: 1,
      },
    });
  });

  it('keeps given values', () => {
    const r = validateParameters(agreementEntryIntoForce, {
      signedOn: '2026-01-27',
      entryIntoForceRule: 'on-signature',
    });
    expect(r.ok && r.values).toMatchObject({
      signedOn: '2026-01-27',
      entryIntoForceRule: 'on-signature',
      tablingSittingDays: 21,
    });
  });

  it('lists every field error', () => {
    expect(
      validateParameters(agreementEntryIntoForce, {
        signedOn: '2026-02-30',
        requiresDietApproval: 'yes',
        tablingSittingDays: -1,
        entryIntoForceRule: 'soon',
        entryIntoForceMonths: 25,
        colour: 'red',
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'parameters.colour',
          message: expect.stringMatching(
            /^unknown parameter for agreement-entry-into-force@1 \(known: signedOn, /,
          ),
        },
        { field: 'parameters.signedOn', message: 'must be a date YYYY-MM-DD, got "2026-02-30"' },
        { field: 'parameters.requiresDietApproval', message: 'must be true or false, got "yes"' },
        { field: 'parameters.tablingSittingDays', message: 'must be ≥ 0, got -1' },
        {
          field: 'parameters.entryIntoForceRule',
          message:
            'must be one of on-signature, days-after-last-notification, first-day-of-month-after, got "soon"',
        },
        { field: 'parameters.entryIntoForceMonths', message: 'must be ≤ 24, got 25' },
      ],
    });
  });

  it('allows null only where the definition allows "not set"', () => {
    expect(validateParameters(agreementEntryIntoForce, { signedOn: null }).ok).toBe(true);
    expect(validateParameters(agreementEntryIntoForce, { entryIntoForceDays: null })).toEqual({
      ok: false,
      errors: [{ field: 'parameters.entryIntoForceDays', message: 'may not be null (default 30)' }],
    });
  });

  it('rejects a non-object and reports a missing required parameter', () => {
    expect(validateParameters(agreementEntryIntoForce, [1])).toEqual({
      ok: false,
      errors: [{ field: 'parameters', message: 'must be an object' }],
    });
    const d = aeif();
    delete d.parameters.entryIntoForceDays.default;
    expect(validateParameters(d, {})).toEqual({
      ok: false,
      errors: [
        { field: 'parameters.entryIntoForceDays', message: 'is required (the definition gives no default)' },
      ],
    });
  });
});
