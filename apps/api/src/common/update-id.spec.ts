import { updateIdOf } from './update-id';

describe('updateIdOf', () => {
  const me = { sub: 'jp-mod-atla' };
  it('is stable for one caller, action, step and requestId, and differs when any of them differs', () => {
    const id = updateIdOf(me, 'decide', 'review', 'r1');
    expect(id).toBe(updateIdOf(me, 'decide', 'review', 'r1'));
    expect(id).toMatch(/^decide-[A-Za-z0-9_-]{43}$/);
    expect(updateIdOf({ sub: 'ca-officer' }, 'decide', 'review', 'r1')).not.toBe(id);
    expect(updateIdOf(me, 'complete', 'review', 'r1')).not.toBe(id);
    expect(updateIdOf(me, 'decide', 'draft', 'r1')).not.toBe(id);
    expect(updateIdOf(me, 'decide', 'review', 'r2')).not.toBe(id);
  });
  it('leaves the id to the SDK without a requestId', () => {
    expect(updateIdOf(me, 'decide', 'review', undefined)).toBeUndefined();
  });
});
