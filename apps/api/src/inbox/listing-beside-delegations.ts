/**
 * The inbox lists the processes awaiting the roles the caller acts under: their own, and those delegated to
 * them, which take a read of their delegations store first. Most people hold no delegation, so the listing
 * of their own roles is sent beside that read, not after it, and is the answer when the delegations add no
 * role: one round trip's wait instead of two. When they add a role, that listing is dropped and the whole
 * set is listed (one visibility call more, for delegates only).
 */
export interface RolesListing<D, P> {
  delegations: D[];
  /** Every role the caller acts under: their own first, in order, then the delegated ones. */
  roles: string[];
  /** Null when the caller acts under no role at all (nothing listed). */
  page: P | null;
}

export async function listBesideDelegations<D, P>(
  own: readonly string[],
  readDelegations: () => Promise<D[]>,
  rolesOf: (d: D) => readonly string[],
  list: (roles: string[]) => Promise<P>,
): Promise<RolesListing<D, P>> {
  const ownRoles = [...new Set(own)];
  const early = ownRoles.length ? list(ownRoles) : null;
  // Awaited below or dropped: either way its failure must not go unhandled.
  early?.catch(() => undefined);
  const delegations = await readDelegations();
  const roles = [...new Set([...ownRoles, ...delegations.flatMap(rolesOf)])];
  if (!roles.length) return { delegations, roles, page: null };
  const page = early && roles.length === ownRoles.length ? await early : await list(roles);
  return { delegations, roles, page };
}
