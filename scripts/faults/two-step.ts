/** The definition and people the fault suite and the soak move processes with: JP approves, then CA. */
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';

export const FAULTS_TWO_STEP: ProcessDefinition = {
  id: 'faults-two-step',
  version: 1,
  title: 'Fault suite two-step',
  description: 'JP approves, then CA approves.',
  roadmap: { pillar: '1', pillarTitle: 'Fault suite' },
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

export const INITIATOR: ActingPrincipal = {
  sub: 'faults-jp-officer',
  name: 'JP Officer',
  party: 'JP',
  org: 'MOFA',
  roles: ['jp-officer'],
};
export const JP_SENIOR: ActingPrincipal = {
  sub: 'faults-jp-senior',
  name: 'JP Senior',
  party: 'JP',
  org: 'MOFA',
  roles: ['jp-senior-official'],
};
export const CA_SENIOR: ActingPrincipal = {
  sub: 'faults-ca-senior',
  name: 'CA Senior',
  party: 'CA',
  org: 'GAC',
  roles: ['ca-senior-official'],
};

/** Each step of the two-step and who approves it. */
export const APPROVALS: Array<[string, ActingPrincipal]> = [
  ['jp-approval', JP_SENIOR],
  ['ca-approval', CA_SENIOR],
];
