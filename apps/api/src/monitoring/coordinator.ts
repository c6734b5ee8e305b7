import { COORDINATOR_ROLE, type Principal } from '../../../../libs/contracts/src/principal';
import { ApiError } from '../common/api-error';

/** Coordinator-only routes answer 403 before anything reaches Temporal (the workflow checks again). */
export function assertCoordinator(caller: Principal): void {
  if (!caller?.roles?.includes(COORDINATOR_ROLE)) {
    throw new ApiError(
      403,
      `This action is for coordinators (role "${COORDINATOR_ROLE}")`,
      undefined,
      'NOT_COORDINATOR',
    );
  }
}
