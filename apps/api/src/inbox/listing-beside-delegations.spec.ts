import { listBesideDelegations } from './listing-beside-delegations';

interface D {
  roles: string[];
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('listBesideDelegations', () => {
  it('lists the own roles while the delegations are read, and answers that listing when they add none', async () => {
    const read = deferred<D[]>();
    const lists: string[][] = [];
    const answer = listBesideDelegations(
      ['a', 'b', 'a'],
      () => read.promise,
      (d: D) => d.roles,
      async (roles) => (lists.push(roles), `page of ${roles.join(',')}`),
    );
    // Sent before the delegations answered: not after them.
    await Promise.resolve();
    expect(lists).toEqual([['a', 'b']]);
    read.resolve([{ roles: ['b'] }]);
    await expect(answer).resolves.toEqual({
      delegations: [{ roles: ['b'] }],
      roles: ['a', 'b'],
      page: 'page of a,b',
    });
    expect(lists).toHaveLength(1);
  });

  it('lists the whole set again when a delegation adds a role', async () => {
    const lists: string[][] = [];
    const r = await listBesideDelegations(
      ['a'],
      async () => [{ roles: ['c', 'a'] }],
      (d: D) => d.roles,
      async (roles) => (lists.push(roles), roles.length),
    );
    expect(lists).toEqual([['a'], ['a', 'c']]);
    expect(r).toEqual({ delegations: [{ roles: ['c', 'a'] }], roles: ['a', 'c'], page: 2 });
  });

  it('lists only the delegated roles for someone without roles of their own', async () => {
    const lists: string[][] = [];
    const r = await listBesideDelegations(
      [],
      async () => [{ roles: ['x'] }],
      (d: D) => d.roles,
      async (roles) => (lists.push(roles), 'p'),
    );
    expect(lists).toEqual([['x']]);
    expect(r.page).toBe('p');
  });

  it('lists nothing when the caller acts under no role', async () => {
    const list = jest.fn(async () => 'p');
    const r = await listBesideDelegations(
      [],
      async () => [] as D[],
      (d: D) => d.roles,
      list,
    );
    expect(r).toEqual({ delegations: [], roles: [], page: null });
    expect(list).not.toHaveBeenCalled();
  });

  it('fails with the delegations read, and the dropped listing failing too is not left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      await expect(
        listBesideDelegations(
          ['a'],
          async () => {
            throw new Error('store unavailable');
          },
          (d: D) => d.roles,
          async () => {
            throw new Error('visibility unavailable');
          },
        ),
      ).rejects.toThrow('store unavailable');
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('fails with the listing when the own listing is the answer and it failed', async () => {
    await expect(
      listBesideDelegations(
        ['a'],
        async () => [] as D[],
        (d: D) => d.roles,
        async () => {
          throw new Error('visibility unavailable');
        },
      ),
    ).rejects.toThrow('visibility unavailable');
  });
});
