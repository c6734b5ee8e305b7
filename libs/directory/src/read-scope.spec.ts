import { getDefinition } from '../../definitions/src';
import type { Principal } from '../../contracts/src/principal';
import type { ProcessView, StepView, TimelineEntry } from '../../contracts/src/process-view';
import {
  internalStepsOf,
  stepAnswerNeedsScope,
  stepFor,
  timelineFor,
  viewFor,
  withoutChangeRequestComment,
} from './read-scope';

const reader = (party: 'JP' | 'CA', roles = ['x']): Principal => ({
  sub: 'r',
  name: 'R',
  party,
  org: 'o',
  roles,
});
const internal = new Map([['jp-legal-examination', 'JP' as const]]);

const step = (id: string, comment: string): StepView =>
  ({
    id,
    title: id,
    type: 'approval',
    status: 'active',
    dueAt: null,
    startedAt: null,
    completedAt: null,
    outputs: { ref: 'CLB-7' },
    outputTypes: {},
    parties: {
      JP: {
        roles: ['jp-clb-examiner'],
        rule: 'all',
        status: 'pending',
        awaitedRoles: [],
        decisions: [
          {
            by: 'a',
            byName: 'A',
            onBehalfOf: null,
            decision: 'request-changes',
            comment,
            at: '',
            role: null,
            round: 1,
          },
        ],
      },
    },
    round: 2,
    parallel: null,
    latestChangeRequest: null,
  }) as StepView;

describe('read scope', () => {
  it('lists the internal steps of the shipped agreement definition (v2), each with its one party', () => {
    const steps = internalStepsOf(getDefinition('agreement-entry-into-force', 2) ?? undefined);
    expect(steps.get('jp-legal-examination')).toBe('JP');
    expect(steps.get('ca-legal-examination')).toBe('CA');
    expect(steps.get('jp-cabinet-decision-conclusion')).toBe('JP');
    expect(steps.has('signature')).toBe(false);
    expect(internalStepsOf(getDefinition('trade-mission') ?? undefined).size).toBe(0);
  });

  it('hides outputs and comments of the other party’s internal step, and of change requests it asked', () => {
    const s = step('jp-legal-examination', 'wording of art. 3');
    const joint = {
      ...step('text-finalised', 'fine'),
      latestChangeRequest: {
        at: '',
        by: { sub: 'a', name: 'A' },
        party: 'JP' as const,
        comment: 'from the legal examination',
        fromStepId: 'jp-legal-examination',
        fromStepTitle: 'Legal examination (JP)',
        round: 2,
      },
    };
    const ca = stepFor(reader('CA'), internal, s);
    expect(ca).toMatchObject({ outputs: {}, internalTo: 'JP' });
    expect(ca.parties.JP!.decisions[0]!.comment).toBeNull();
    expect(stepFor(reader('JP'), internal, s)).toBe(s);
    expect(stepFor(reader('CA'), internal, joint).latestChangeRequest!.comment).toBeNull();
    expect(stepFor(reader('CA'), internal, joint).parties.JP!.decisions[0]!.comment).toBe('fine');

    const view = {
      steps: [s, joint],
      outcome: { reason: 'examination failed', by: null, stepId: 'jp-legal-examination' },
    } as unknown as ProcessView;
    expect(viewFor(reader('CA'), internal, view).outcome!.reason).toBeNull();
    expect(viewFor(reader('JP'), internal, view).outcome!.reason).toBe('examination failed');
  });

  it('tells when the answer to an action on one step needs the definition: a change request sent from another step', () => {
    const cr = {
      at: '',
      by: { sub: 'a', name: 'A' },
      party: 'JP' as const,
      comment: 'from the legal examination',
      fromStepId: 'jp-legal-examination',
      fromStepTitle: 'Legal examination (JP)',
      round: 2,
    };
    const joint = { ...step('text-finalised', 'fine'), latestChangeRequest: cr };
    expect(stepAnswerNeedsScope(step('text-finalised', 'fine'))).toBe(false);
    expect(stepAnswerNeedsScope(joint)).toBe(true);
    // Asked on the step itself (its own party or a joint step: the caller acts there), or no comment left.
    expect(
      stepAnswerNeedsScope({ ...joint, latestChangeRequest: { ...cr, fromStepId: 'text-finalised' } }),
    ).toBe(false);
    expect(stepAnswerNeedsScope({ ...joint, latestChangeRequest: { ...cr, comment: null } })).toBe(false);
    // Without the definition, the comment is left out, everything else kept.
    const bare = withoutChangeRequestComment(joint);
    expect(bare.latestChangeRequest).toEqual({ ...cr, comment: null });
    expect(bare.parties.JP!.decisions[0]!.comment).toBe('fine');
  });

  it('filters timeline entries of the internal step for the other party only', () => {
    const entries: TimelineEntry[] = [
      {
        at: '',
        kind: 'decision',
        actor: null,
        stepId: 'jp-legal-examination',
        detail: 'd',
        comment: 'secret',
      },
      {
        at: '',
        kind: 'completion',
        actor: null,
        stepId: 'jp-legal-examination',
        detail: 'd',
        data: { a: 1 },
      },
      {
        at: '',
        kind: 'rejected',
        actor: null,
        stepId: 'jp-legal-examination',
        detail: 'Process rejected: secret',
      },
      { at: '', kind: 'decision', actor: null, stepId: 'signature', detail: 'd', comment: 'open' },
    ];
    const ca = timelineFor(reader('CA'), internal, entries);
    expect(ca[0]).toEqual({
      at: '',
      kind: 'decision',
      actor: null,
      stepId: 'jp-legal-examination',
      detail: 'd',
      comment: null,
    });
    expect(ca[1]).not.toHaveProperty('data');
    expect(ca[2]!.detail).toBe('Process rejected (the reason is internal to JP)');
    expect(ca[3]!.comment).toBe('open');
    expect(timelineFor(reader('JP'), internal, entries)).toEqual(entries);
  });
});
