/** A tiny two-step definition (one approval per party) for infrastructure tests. */
import type { ProcessDefinition } from '../../../libs/contracts/src/definition';
import type { ProcessInput } from '../../../libs/contracts/src/messages';
import type { ActingPrincipal } from '../../../libs/contracts/src/principal';
import { CA_SENIOR, FAULTS_TWO_STEP, INITIATOR, JP_SENIOR } from '../../../scripts/faults/two-step';

/** The fault suite's two-step (scripts/faults/two-step.ts) under its own id and people, so runs never mix. */
export const TWO_STEP: ProcessDefinition = {
  ...FAULTS_TWO_STEP,
  id: 'infra-two-step',
  title: 'Infrastructure two-step approval',
  roadmap: { pillar: '1', pillarTitle: 'Infrastructure test' },
};

export const JP_OFFICER: ActingPrincipal = { ...INITIATOR, sub: 'infra-jp-officer' };
export const JP_APPROVER: ActingPrincipal = { ...JP_SENIOR, sub: 'infra-jp-senior' };
export const CA_APPROVER: ActingPrincipal = { ...CA_SENIOR, sub: 'infra-ca-senior' };

export function twoStepInput(processId: string): ProcessInput {
  return {
    processId,
    title: `Infra ${processId}`,
    definition: TWO_STEP,
    parameters: {},
    initiator: JP_OFFICER,
  };
}
