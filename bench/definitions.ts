/**
 * The benchmark's own two-step definitions (data, loaded through ACCORD_DEFINITIONS_DIR like an operator's):
 * a review by JP MOFA and CA GAC, then a sign-off by the senior officials of both sides — four decisions
 * per process. `bench-overdue` is the same process with a one-day deadline, so under a short test calendar
 * its first step is overdue within seconds (bench/stuck.ts).
 */
import type { ProcessDefinition } from '../libs/contracts/src/definition';

/** The users who make the four decisions, in order, and the step each acts on. */
export const DECISION_PLAN: ReadonlyArray<{ stepId: string; userId: string }> = [
  { stepId: 'review', userId: 'jp-mofa' },
  { stepId: 'review', userId: 'ca-gac' },
  { stepId: 'sign-off', userId: 'jp-senior-official' },
  { stepId: 'sign-off', userId: 'ca-senior-official' },
];

function twoStep(id: string, title: string, dueWithinDays: number): ProcessDefinition {
  return {
    id,
    version: 1,
    title,
    description: 'Benchmark process: a joint review, then a joint sign-off.',
    roadmap: { pillar: '1', pillarTitle: 'Benchmark', section: 'bench' },
    parties: ['JP', 'CA'],
    initiatorRoles: ['jp-officer', 'ca-officer'],
    parameters: {},
    steps: [
      {
        id: 'review',
        type: 'approval',
        title: 'Joint review',
        parties: { JP: { roles: ['jp-mofa'], rule: 'any' }, CA: { roles: ['ca-gac'], rule: 'any' } },
        onReject: 'end',
        deadline: { within: { amount: dueWithinDays, unit: 'calendar-days' } },
      },
      {
        id: 'sign-off',
        type: 'approval',
        title: 'Joint sign-off',
        parties: {
          JP: { roles: ['jp-senior-official'], rule: 'any' },
          CA: { roles: ['ca-senior-official'], rule: 'any' },
        },
        onReject: 'end',
        deadline: { within: { amount: dueWithinDays, unit: 'calendar-days' } },
      },
    ],
  };
}

export const BENCH_TWO_STEP = twoStep('bench-two-step', 'Benchmark two-step approval', 365);
export const BENCH_OVERDUE = twoStep('bench-overdue', 'Benchmark two-step approval (one-day deadline)', 1);
export const BENCH_DEFINITIONS: ProcessDefinition[] = [BENCH_TWO_STEP, BENCH_OVERDUE];
