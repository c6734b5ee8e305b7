import { PARTIES } from '../../contracts/src/definition';
import { COORDINATOR_ROLE } from '../../contracts/src/principal';
import { flatten, listDefinitions, ROLES, getRole } from '../../definitions/src';
import type { ProcessDefinition, StepSpec } from '../../contracts/src/definition';
import { getUser, listUsers, usersWithRole } from './directory';

/** Roles a definition needs a person for, with the party they act for. */
function rolesUsedBy(def: ProcessDefinition): Array<{ party: string | null; role: string }> {
  const out: Array<{ party: string | null; role: string }> = def.initiatorRoles.map((role) => ({
    party: getRole(role)?.party ?? null,
    role,
  }));
  const leaves = def.steps.flatMap((s: StepSpec) => flatten(s));
  for (const step of leaves) {
    if (step.type === 'approval' || step.type === 'task') {
      for (const [party, a] of Object.entries(step.parties))
        for (const role of a?.roles ?? []) out.push({ party, role });
    }
  }
  return out;
}

describe('seeded user directory', () => {
  const users = listUsers();

  it('has unique ids and valid parties', () => {
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    for (const u of users) expect(PARTIES).toContain(u.party);
  });

  it("uses only catalogued roles, each of the user's own party (or the joint coordinator role)", () => {
    for (const u of users) {
      for (const r of u.roles) {
        const role = getRole(r);
        expect(role).toBeDefined();
        if (role!.party !== null) expect(`${u.id}:${role!.party}`).toBe(`${u.id}:${u.party}`);
      }
    }
  });

  it('has at least one user for every role of the vocabulary', () => {
    for (const role of ROLES) {
      const holders = users.filter((u) => u.roles.includes(role.id));
      expect(`${role.id}: ${holders.length}`).not.toBe(`${role.id}: 0`);
    }
  });

  it('has one coordinator per party', () => {
    for (const party of PARTIES) expect(usersWithRole(party, COORDINATOR_ROLE)).toHaveLength(1);
  });

  it('has a user for every role every shipped definition uses, on the party that uses it', () => {
    const defs = listDefinitions();
    expect(defs.length).toBeGreaterThan(0);
    for (const def of defs) {
      for (const { party, role } of rolesUsedBy(def)) {
        const holders = party
          ? usersWithRole(party as 'JP' | 'CA', role)
          : users.filter((u) => u.roles.includes(role));
        expect(`${def.id}: ${party}:${role} → ${holders.length}`).not.toMatch(/→ 0$/);
      }
    }
  });

  it('getUser returns copies', () => {
    const u = getUser('jp-meti')!;
    u.roles.push('coordinator');
    expect(getUser('jp-meti')!.roles).toEqual(['jp-meti']);
    expect(getUser('nobody')).toBeUndefined();
  });
});
