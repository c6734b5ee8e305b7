/** Same as libs/contracts awaitingRoleKey, without pulling @temporalio/common into the pure engine. */
export function awaitingRoleKey(party: string, role: string): string {
  return `${party}:${role}`;
}
