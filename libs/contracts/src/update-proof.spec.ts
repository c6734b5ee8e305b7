import { canonicalJson, checkUpdateProof, proveUpdate, UPDATE_PROOF_TTL_MS } from './update-proof';

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
