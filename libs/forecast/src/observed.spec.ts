import type { ProcessView } from '../../contracts/src/process-view';
import { stepView } from '../../../test/support/views';
import { observedDurations } from './observed';

const DAY = 86_400_000;
const view = (days: number[], status: 'completed' | 'skipped' = 'completed') =>
  ({
    steps: days.map((d, i) =>
      stepView(`s${i}`, {
        type: 'task',
        status,
        startedAt: '2027-01-01T00:00:00.000Z',
        completedAt: new Date(Date.parse('2027-01-01T00:00:00.000Z') + d * DAY).toISOString(),
      }),
    ),
  }) as unknown as ProcessView;

describe('observedDurations', () => {
  it('the median per step and how many processes it comes from; skipped steps do not count', () => {
    const out = observedDurations([view([10, 3]), view([20, 5]), view([12]), view([99, 99], 'skipped')], DAY);
    expect(out).toEqual({ s0: { days: 12, count: 3 }, s1: { days: 4, count: 2 } });
  });
});
