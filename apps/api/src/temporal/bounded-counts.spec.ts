import type { Client } from '@temporalio/client';
import { boundedCounts, COUNT_CONCURRENCY } from './bounded-counts';

describe('boundedCounts (TemporalGateway.count)', () => {
  it(`keeps at most ${COUNT_CONCURRENCY} visibility counts in flight and answers every one`, async () => {
    let inFlight = 0;
    let most = 0;
    const client = {
      workflow: {
        count: async (query: string) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
          return { count: Number(query), groups: [] };
        },
      },
    } as unknown as Client;
    const count = boundedCounts(client);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => count(String(i))));
    expect(answers).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(most).toBe(COUNT_CONCURRENCY);
  });

  it('lets the next count go when one fails', async () => {
    const client = {
      workflow: {
        count: async (query: string) => {
          if (query === 'bad') throw new Error('UNAVAILABLE');
          return { count: 1, groups: [] };
        },
      },
    } as unknown as Client;
    const count = boundedCounts(client);
    const bad = Array.from({ length: COUNT_CONCURRENCY }, () => count('bad'));
    await expect(Promise.all(bad)).rejects.toThrow('UNAVAILABLE');
    await Promise.allSettled(bad);
    await expect(count('ok')).resolves.toBe(1);
  });
});
