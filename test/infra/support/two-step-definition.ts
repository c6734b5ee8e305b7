/** A tiny two-step definition (one approval per party) for infrastructure tests. */
import type { ProcessDefinition } from '../../../libs/contracts/src/definition';
import type { ProcessInput } from '../../../libs/contracts/src/messages';
import type { ActingPrincipal } from '../../../libs/contracts/src/principal';

export const TWO_STEP: ProcessDefinition = {
  id: 'infra-two-step',
  version: 1,
  title: 'Infrastructure two-step approval',
  description: 'JP approves, then CA approves.',
  roadmap: { pillar: '1', pillarTitle: 'Infrastructure test' },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer'],
  parameters: {},
  steps: [
    {
      id: 'jp-approval',
      title: 'JP approval',
      type: 'approval',
      parties: { JP: { roles: ['jp-senior-official'] } },
    },
    {
      id: 'ca-approval',
      title: 'CA approval',
      type: 'approval',
      parties: { CA: { roles: ['ca-senior-official'] } },
    },
  ],
};

export const JP_OFFICER: ActingPrincipal = {
  sub: 'infra-jp-officer',
  name: 'JP Officer',
  party: 'JP',
  org: 'MOFA',
  roles: ['jp-officer'],
};
export const JP_APPROVER: ActingPrincipal = {
  sub: 'infra-jp-senior',
  name: 'JP Senior',
  party: 'JP',
  org: 'MOFA',
  roles: ['jp-senior-official'],
};
export const CA_APPROVER: ActingPrincipal = {
  sub: 'infra-ca-senior',
  name: 'CA Senior',
  party: 'CA',
  org: 'GAC',
  roles: ['ca-senior-official'],
};

export function twoStepInput(processId: string): ProcessInput {
  return {
    processId,
    title: `Infra ${processId}`,
    definition: TWO_STEP,
    parameters: {},
    initiator: JP_OFFICER,
  };
}
