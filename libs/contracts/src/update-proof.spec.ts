import {
  canonicalJson,
  checkStartProof,
  checkUpdateProof,
  proveStart,
  proveUpdate,
  UPDATE_PROOF_TTL_MS,
} from './update-proof';

const key = 'ab'.repeat(32);
const update = { workflowId: 'p-1', updateName: 'decide', args: [{ b: 1, a: { d: [1, null], c: 'x' } }] };
const now = Date.parse('2026-12-02T12:00:00Z');

describe('update proof', () => {
  it('is the same JSON whatever the key order, without undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined], c: 'x' }, z: undefined })).toBe(
      '{"a":{"c":"x","d":[1,null]},"b":1}',
    );
  });

  it('holds for the arguments as the workflow receives them (after JSON, keys in another order)', () => {
    const proof = proveUpdate('k1', key, update, now);
    const received = { ...update, args: [{ a: { c: 'x', d: [1, null] }, b: 1 }] };
    expect(checkUpdateProof({ k1: key }, proof, received, now + 1000)).toBeNull();
  });

  it('fails for another workflow, Update, argument, key or past its expiry', () => {
    const proof = proveUpdate('k1', key, update, now);
    const fails = (u: typeof update, keys = { k1: key }, at = now) => checkUpdateProof(keys, proof, u, at);
    expect(fails({ ...update, workflowId: 'p-2' })).toMatch(/does not match/);
    expect(fails({ ...update, updateName: 'cancel' })).toMatch(/does not match/);
    expect(fails({ ...update, args: [{ b: 2, a: { d: [1, null], c: 'x' } }] })).toMatch(/does not match/);
    expect(fails(update, { k1: 'cd'.repeat(32) })).toMatch(/does not match/);
    expect(fails(update, { k2: key } as never)).toMatch(/unknown key "k1"/);
    expect(fails(update, { k1: key }, now + UPDATE_PROOF_TTL_MS + 1)).toMatch(/expired/);
    expect(checkUpdateProof({ k1: key }, undefined, update, now)).toMatch(/carries no accord-update-proof/);
    expect(checkUpdateProof({ k1: key }, 'k1.1.zz', update, now)).toMatch(/malformed/);
  });
});

describe('start proof', () => {
  const start = {
    workflowId: 'process-1',
    workflowType: 'processWorkflow',
    args: [
      { processId: 'process-1', initiator: { sub: 'jp-officer', roles: ['jp-officer'] }, p: undefined },
    ] as unknown[],
  };
  const proof = proveStart('k1', key, start, now);
  const check = (s = start, keys: Record<string, string> = { k1: key }, p: unknown = proof, at = now) =>
    checkStartProof(keys, p, s, at);

  it('holds for the input as the workflow receives it, until its expiry', () => {
    expect(check()).toBeNull();
    expect(
      check({
        ...start,
        args: [{ initiator: { roles: ['jp-officer'], sub: 'jp-officer' }, processId: 'process-1' }],
      }),
    ).toBeNull();
    expect(check(start, { k1: key }, proof, now + UPDATE_PROOF_TTL_MS)).toBeNull();
  });

  it('says why it fails: no proof, malformed, unknown key id, another key, other input, expired', () => {
    expect(checkStartProof({ k1: key }, undefined, start, now)).toMatch(
      /carries no accord-start-proof header \(no proof\)/,
    );
    expect(check(start, { k1: key }, 'k1.1.zz')).toMatch(/malformed/);
    expect(check(start, { k2: key })).toMatch(/unknown key id "k1"/);
    expect(check(start, { k1: 'cd'.repeat(32) })).toMatch(/made with another key than the worker's "k1"/);
    expect(check({ ...start, workflowId: 'process-2' })).toMatch(/made for other input/);
    expect(check({ ...start, workflowType: 'delegationsWorkflow' })).toMatch(/made for other input/);
    const forged = { ...start.args[0]!, initiator: { sub: 'someone-else', roles: ['jp-officer'] } };
    expect(check({ ...start, args: [forged] })).toMatch(/made for other input/);
    expect(check(start, { k1: key }, proof, now + UPDATE_PROOF_TTL_MS + 1)).toMatch(/expired 1 ms before/);
    // A later expiry written into a proof does not hold: the HMAC covers it.
    const [id, exp, kcv, sig] = proof.split('.');
    expect(check(start, { k1: key }, [id, Number(exp) + 3_600_000, kcv, sig].join('.'))).toMatch(
      /made for other input/,
    );
  });

  it('is not an Update proof, nor an Update proof a start proof', () => {
    const asUpdate = { workflowId: start.workflowId, updateName: start.workflowType, args: start.args };
    expect(checkUpdateProof({ k1: key }, proof, asUpdate, now)).toMatch(/malformed/);
    const updateProof = proveUpdate('k1', key, asUpdate, now);
    expect(check(start, { k1: key }, updateProof)).toMatch(/malformed/);
  });
});
