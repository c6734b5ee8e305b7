/**
 * Stores delegations durably (see libs/contracts/src/delegations.ts). One instance per person and side
 * (given, received), started by the API with update-with-start. An add may carry a bound, checked in the
 * validator so that two concurrent adds cannot both pass it. Expired entries are pruned on each change; the
 * history is kept short with continue-as-new.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  addDelegationUpdate,
  delegationLimitError,
  delegationsQuery,
  removeDelegationUpdate,
  type Delegation,
  type DelegationBound,
  type DelegationsState,
} from '../libs/contracts/src/delegations';

const MAX_CHANGES_PER_RUN = 500;

export async function delegationsWorkflow(state: DelegationsState = { delegations: [] }): Promise<void> {
  let delegations: Delegation[] = [...(state?.delegations ?? [])];
  let changes = 0;

  // Workflow time (deterministic): drop delegations that have ended.
  const prune = () => {
    const now = Date.now();
    delegations = delegations.filter((d) => Date.parse(d.until) > now);
  };

  setHandler(delegationsQuery, () => delegations);
  setHandler(
    addDelegationUpdate,
    (d: Delegation) => {
      prune();
      delegations = [...delegations.filter((x) => x.id !== d.id), d];
      changes++;
      return d;
    },
    {
      validator: (d: Delegation, bound?: DelegationBound) => {
        if (!d || typeof d.id !== 'string' || !d.from?.sub || !d.to?.sub || !Array.isArray(d.roles)) {
          throw new Error('invalid delegation');
        }
        if (!bound) return;
        // Replacing an entry (same id) does not add one.
        const now = Date.now();
        const others = delegations.filter((x) => x.id !== d.id && Date.parse(x.until) > now);
        const tooMany = delegationLimitError(others, d, bound);
        if (tooMany) throw ApplicationFailure.create({ type: tooMany.code, message: tooMany.message });
      },
    },
  );
  setHandler(
    removeDelegationUpdate,
    ({ id }) => {
      const found = delegations.find((x) => x.id === id) ?? null;
      delegations = delegations.filter((x) => x.id !== id);
      prune();
      changes++;
      return found;
    },
    // No check of its own, but the SDK runs the validation interceptors (the API's proof,
    // workflows/interceptors.ts) only for an Update that has a validator.
    { validator: (_input: { id: string }) => undefined },
  );

  await condition(() => changes >= MAX_CHANGES_PER_RUN || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  prune();
  await continueAsNew<typeof delegationsWorkflow>({ delegations });
}
