/** The forecast over the shipped agreement definition with the real calendars (libs/calendars). */
import { addBusinessDays } from '../../calendars/src/compute-due';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { agreementEntryIntoForce } from '../../definitions/src/shipped/agreement-entry-into-force';
import { calendarAddSpan } from '../../monitoring/src/calendar-adapter';
import { forecastProcess } from './forecast';
import { stepView } from '../../../test/support/views';

const DAY = 86_400_000;
const addSpan = calendarAddSpan({ dayLengthMs: DAY });

const step = (id: string, status: StepView['status'], extra: Partial<StepView> = {}): StepView =>
  stepView(id, { type: 'task', status, ...extra });

/** ETTA-like: signed 27 Jan 2026, no Diet approval needed, tabled in the House on Mon 2 Feb 2026. */
function tabled(timer: Partial<StepView>): ProcessView {
  return {
    id: 'process-etta',
    title: 'ETTA',
    definitionId: agreementEntryIntoForce.id,
    definitionVersion: 1,
    definitionTitle: '',
    status: 'running',
    businessKey: null,
    initiativeId: 'etta',
    parameters: { signedOn: '2026-01-27', requiresDietApproval: false },
    initiator: { sub: 'ca-officer', name: 'CA Officer' },
    startedAt: '2026-01-27T00:00:00.000Z',
    closedAt: null,
    outcome: null,
    lastProgressAt: '2026-02-02T00:00:00.000Z',
    dueTimesPending: false,
    steps: [
      step('ca-tabling', 'completed', {
        startedAt: '2026-01-27T00:00:00.000Z',
        completedAt: '2026-02-02T00:00:00.000Z',
        outputs: { tabledOn: '2026-02-02' },
      }),
      step('ca-tabling-period', 'waiting', { type: 'timer', ...timer }),
    ],
  };
}

describe('forecast of the shipped agreement, real calendars', () => {
  const now = new Date('2026-02-02T12:00:00.000Z');

  it('21 sitting days from the tabling date, the Order in Council deadline, notes, then 30 days after the later note', () => {
    const f = forecastProcess({ view: tabled({}), definition: agreementEntryIntoForce, now, addSpan });
    const at = (id: string) => f.basis.find((b) => b.stepId === id)!;
    // Sitting days after Mon 2 Feb: 3–6, 9–13 Feb (9), break, 23–27 Feb (14), 2–6 Mar (19), 9, 10 Mar (21).
    expect(at('ca-tabling-period')).toMatchObject({
      end: '2026-03-11T00:00:00.000Z',
      source: 'timer',
      critical: true,
    });
    const oicEnd = addBusinessDays(new Date('2026-03-11T00:00:00.000Z'), 45, 'CA');
    expect(at('ca-oic-ratification')).toMatchObject({ source: 'deadline', end: oicEnd.toISOString() });
    // Both notes are due 30 days later; entry into force on the 30th day after the later note.
    expect(at('ca-note').end).toBe(new Date(oicEnd.getTime() + 30 * DAY).toISOString());
    expect(f.projectedEntryIntoForce).toBe(new Date(oicEnd.getTime() + 60 * DAY).toISOString());
    expect(f.basis.map((b) => b.stepId)).not.toContain('jp-diet-approval');
    expect(f.basis.map((b) => b.stepId)).not.toContain('entry-into-force-month-start');
    expect(f.dominant).toEqual(
      expect.arrayContaining(['ca-tabling-period', 'ca-oic-ratification', 'entry-into-force-days']),
    );
    // Longest contribution first.
    const len = (id: string) => Date.parse(at(id).end) - Date.parse(at(id).start);
    expect(f.dominant.map(len)).toEqual([...f.dominant.map(len)].sort((x, y) => y - x));
    expect(Date.parse(f.projectedCompletion)).toBeGreaterThan(Date.parse(f.projectedEntryIntoForce!));
  });

  it('an active timer keeps its exact due time; a waiver-shortened or moved timer moves everything after it', () => {
    const a = forecastProcess({
      view: tabled({
        status: 'active',
        startedAt: '2026-02-02T00:00:00.000Z',
        dueAt: '2026-03-11T00:00:00.000Z',
      }),
      definition: agreementEntryIntoForce,
      now,
      addSpan,
    });
    const b = forecastProcess({
      view: tabled({
        status: 'active',
        startedAt: '2026-02-02T00:00:00.000Z',
        dueAt: '2026-03-12T00:00:00.000Z',
      }),
      definition: agreementEntryIntoForce,
      now,
      addSpan,
    });
    expect(a.basis.find((x) => x.stepId === 'ca-tabling-period')!.end).toBe('2026-03-11T00:00:00.000Z');
    expect(Date.parse(b.projectedEntryIntoForce!)).toBeGreaterThan(Date.parse(a.projectedEntryIntoForce!));
  });
});
