import { layoutDefinition, NODE_W } from './layout';
import { wrapTitle } from './wrap';
import { listDefinitions } from '../../../../libs/definitions/src/catalogue';

describe('diagram titles', () => {
  it('wraps at spaces, Japanese anywhere, and ends with an ellipsis only when two lines are not enough', () => {
    expect(wrapTitle('Participant registration window', 164)).toEqual(['Participant', 'registration window']);
    expect(wrapTitle('Concept approval', 164)).toEqual(['Concept approval']);
    expect(wrapTitle('企業間商談（B2B）のマッチング', 164)).toEqual(['企業間商談（B2B）のマッ', 'チング']);
    const long = wrapTitle(
      'Entry into force on the first day of the month after the later of the two notes',
      164,
    );
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
  });
});

describe('diagram layout', () => {
  it.each(listDefinitions())('$id: every box inside its lane and the drawing', (def) => {
    const layout = layoutDefinition(def.steps, def.parties);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.h).toBeLessThanOrEqual(layout.height);
      const lane = layout.lanes.find((l) => l.party === n.lane);
      if (lane) expect([n.id, n.x >= lane.x && n.x + n.w <= lane.x + lane.w]).toEqual([n.id, true]);
    }
    // The width follows the lanes and parallel branches, not the number of steps: it fits a laptop's page.
    expect(layout.width).toBeLessThanOrEqual(6 * NODE_W);
    // No two boxes overlap.
    const boxes = layout.nodes.filter((n) => n.kind === 'step');
    for (const a of boxes)
      for (const b of boxes)
        if (a !== b)
          expect([
            a.id,
            b.id,
            a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y,
          ]).toEqual([a.id, b.id, true]);
  });
});
