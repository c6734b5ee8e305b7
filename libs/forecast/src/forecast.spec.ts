import type { ProcessDefinition } from '../../contracts/src/definition';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { forecastProcess } from './forecast';
import type { AddSpan } from './types';
import { stepView } from '../../../test/support/views';

const DAY = 86_400_000;

/** A hand-checkable calendar: House sits Mon–Fri except the week of 16 Feb 2026. */
const sits = (d: Date) => {
  const wd = d.getUTCDay();
  const t = d.toISOString().slice(0, 10);
  return wd >= 1 && wd <= 5 && !(t >= '2026-02-16' && t <= '2026-02-20');
};
const addSpan: AddSpan = (from, span) => {
  switch (span.unit) {
    case 'calendar-days':
      return new Date(from.getTime() + span.amount * DAY);
    case 'sitting-days': {
      let d = from;
      for (let n = 0; n < span.amount;) {
        d = new Date(d.getTime() + DAY);
        if (sits(d)) n++;
      }
      return d;
    }
    case 'month-starts':
      return new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + span.amount, 1));
    default:
      throw new Error(`unit ${span.unit} not in this test calendar`);
  }
};

const agreement: ProcessDefinition = {
  id: 'agreement-test',
  version: 1,
  title: 'Agreement (test)',
  description: '',
  roadmap: { pillar: '2', pillarTitle: 'Security' },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer'],
  parameters: {
    requiresDietApproval: { type: 'boolean', default: true },
    entryIntoForceRule: {
      type: 'enum',
      options: ['days-after-last-notification', 'first-day-of-month-after'],
      default: 'days-after-last-notification',
    },
    entryIntoForceDays: { type: 'number', default: 30 },
    entryIntoForceMonths: { type: 'number', default: 1 },
  },
  steps: [
    {
      id: 'signature',
      type: 'task',
      title: 'Signature',
      parties: { JP: { roles: ['jp-mofa'] } },
      outputs: { signedOn: { type: 'date' } },
    },
    {
      id: 'domestic',
      type: 'parallel',
      title: 'Domestic procedures',
      branches: [
        {
          id: 'jp',
          title: 'Japan',
          steps: [
            {
              id: 'jp-diet',
              type: 'approval',
              title: 'Diet approval',
              when: { param: 'requiresDietApproval', truthy: true },
              parties: { JP: { roles: ['jp-diet-liaison'] } },
              deadline: { within: { amount: 60, unit: 'calendar-days' } },
            },
            {
              id: 'jp-conclusion',
              type: 'task',
              title: 'Cabinet decision on conclusion',
              parties: { JP: { roles: ['jp-cabinet-secretariat'] } },
              typically: { amount: 10, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca',
          title: 'Canada',
          steps: [
            {
              id: 'ca-tabling',
              type: 'task',
              title: 'Tabling',
              parties: { CA: { roles: ['ca-parliament-liaison'] } },
              outputs: { tabledOn: { type: 'date' } },
              deadline: { within: { amount: 14, unit: 'calendar-days' } },
            },
            {
              id: 'ca-sitting-days',
              type: 'timer',
              title: '21 sitting days',
              from: { output: 'ca-tabling.tabledOn' },
              wait: { amount: 21, unit: 'sitting-days', calendar: 'CA' },
            },
            {
              id: 'ca-oic',
              type: 'task',
              title: 'Order in Council',
              parties: { CA: { roles: ['ca-pco-oic'] } },
              typically: { amount: 7, unit: 'calendar-days' },
            },
          ],
        },
      ],
    },
    {
      id: 'notes',
      type: 'parallel',
      title: 'Exchange of notes',
      branches: [
        {
          id: 'jp-n',
          title: 'JP note',
          steps: [
            {
              id: 'jp-note',
              type: 'task',
              title: 'JP note',
              parties: { JP: { roles: ['jp-mofa'] } },
              outputs: { notifiedOn: { type: 'date' } },
              typically: { amount: 3, unit: 'calendar-days' },
            },
          ],
        },
        {
          id: 'ca-n',
          title: 'CA note',
          steps: [
            {
              id: 'ca-note',
              type: 'task',
              title: 'CA note',
              parties: { CA: { roles: ['ca-gac'] } },
              outputs: { notifiedOn: { type: 'date' } },
              deadline: { within: { amount: 5, unit: 'calendar-days' } },
            },
          ],
        },
      ],
    },
    {
      id: 'entry-into-force',
      type: 'timer',
      title: 'Entry into force (N days after the later note)',
      when: { param: 'entryIntoForceRule', equals: 'days-after-last-notification' },
      from: { latestOf: [{ output: 'jp-note.notifiedOn' }, { output: 'ca-note.notifiedOn' }] },
      wait: { amount: { param: 'entryIntoForceDays' }, unit: 'calendar-days' },
    },
    {
      id: 'entry-into-force-month',
      type: 'timer',
      title: 'Entry into force (first day of the Nth month after)',
      when: { param: 'entryIntoForceRule', equals: 'first-day-of-month-after' },
      from: { latestOf: [{ output: 'jp-note.notifiedOn' }, { output: 'ca-note.notifiedOn' }] },
      wait: { amount: { param: 'entryIntoForceMonths' }, unit: 'month-starts' },
    },
    {
      id: 'publication',
      type: 'task',
      title: 'Publication',
      parties: { JP: { roles: ['jp-official-gazette'] } },
      typically: { amount: 5, unit: 'calendar-days' },
    },
  ],
};

const step = (id: string, status: StepView['status'], extra: Partial<StepView> = {}): StepView =>
  stepView(id, { type: 'task', status, ...extra });

/** Just signed on 27 Jan; JP needs no Diet approval; CA tabling due 5 Feb; now 2 Feb 2026. */
function justSigned(
  parameters: ProcessView['parameters'] = {},
  tablingDue = '2026-02-05T00:00:00.000Z',
): ProcessView {
  return {
    id: 'process-1',
    title: 'ETTA',
    definitionId: 'agreement-test',
    definitionVersion: 1,
    definitionTitle: 'Agreement',
    status: 'running',
    businessKey: null,
    initiativeId: null,
    parameters: { requiresDietApproval: false, ...parameters },
    initiator: { sub: 'u', name: 'U' },
    startedAt: '2026-01-20T00:00:00.000Z',
    closedAt: null,
    outcome: null,
    lastProgressAt: '2026-01-27T00:00:00.000Z',
    dueTimesPending: false,
    steps: [
      step('signature', 'completed', {
        completedAt: '2026-01-27T00:00:00.000Z',
        outputs: { signedOn: '2026-01-27' },
      }),
      step('jp-diet', 'skipped'),
      step('jp-conclusion', 'active', {
        startedAt: '2026-01-27T00:00:00.000Z',
        dueAt: '2026-02-10T00:00:00.000Z',
      }),
      step('ca-tabling', 'active', { startedAt: '2026-01-27T00:00:00.000Z', dueAt: tablingDue }),
      step('ca-sitting-days', 'waiting', { type: 'timer' }),
      step('ca-oic', 'waiting'),
      step('jp-note', 'waiting'),
      step('ca-note', 'waiting'),
      step('entry-into-force', 'waiting', { type: 'timer' }),
      step('entry-into-force-month', 'waiting', { type: 'timer' }),
      step('publication', 'waiting'),
    ],
  };
}

const now = new Date('2026-02-02T00:00:00.000Z');
const run = (view: ProcessView) => forecastProcess({ view, definition: agreement, now, addSpan });

describe('forecastProcess', () => {
  it('an agreement just signed: 21 sitting days after tabling, then 30 days after the later note', () => {
    const f = run(justSigned());
    const at = (id: string) => f.basis.find((b) => b.stepId === id)!;
    // Tabling due Thu 5 Feb; 21 sitting days skip the break week of 16 Feb → Fri 13 Mar.
    expect(at('ca-sitting-days')).toMatchObject({
      start: '2026-02-05T00:00:00.000Z',
      end: '2026-03-13T00:00:00.000Z',
      source: 'timer',
    });
    expect(at('ca-oic').end).toBe('2026-03-20T00:00:00.000Z'); // typically 7 days
    expect(at('jp-note')).toMatchObject({
      end: '2026-03-23T00:00:00.000Z',
      source: 'typical',
      critical: false,
    });
    expect(at('ca-note')).toMatchObject({
      end: '2026-03-25T00:00:00.000Z',
      source: 'deadline',
      critical: true,
    });
    // The later note is the CA one (25 Mar) → the 30th day after: 24 Apr.
    expect(f.projectedEntryIntoForce).toBe('2026-04-24T00:00:00.000Z');
    expect(f.projectedCompletion).toBe('2026-04-29T00:00:00.000Z');
    expect(f.basis.map((b) => b.stepId)).not.toContain('entry-into-force-month');
    expect(f.basis.map((b) => b.stepId)).not.toContain('jp-diet');
    expect(f.dominant[0]).toBe('ca-sitting-days');
    expect(f.dominant).not.toContain('jp-conclusion');
    expect(f.explanation).toContain('21 sitting days');
    expect(f.explanation).toContain('2026-04-29');
  });

  it('marks the ends counted beyond published calendars projected, and says so', () => {
    // The test calendar is "published" until 1 March 2026: a sitting-day count ending later is projected.
    const answerSpan = (from: Date, span: Parameters<AddSpan>[1]) => {
      const due = addSpan(from, span);
      return { due, projected: span.unit === 'sitting-days' && due.toISOString() > '2026-03-01' };
    };
    const f = forecastProcess({ view: justSigned(), definition: agreement, now, addSpan, answerSpan });
    const at = (id: string) => f.basis.find((b) => b.stepId === id)!;
    expect(at('ca-sitting-days')).toMatchObject({ end: '2026-03-13T00:00:00.000Z', projected: true });
    expect(at('ca-oic').projected).toBeUndefined();
    expect(f.projected).toBe(true);
    expect(f.explanation).toContain('projected');
    expect(run(justSigned()).projected).toBe(false);
  });

  it('moving a deadline moves the forecast', () => {
    const before = run(justSigned());
    const after = run(justSigned({}, '2026-02-12T00:00:00.000Z'));
    // From Thu 12 Feb: 1 sitting day before the break, 20 after → Fri 20 Mar.
    expect(after.basis.find((b) => b.stepId === 'ca-sitting-days')!.end).toBe('2026-03-20T00:00:00.000Z');
    expect(after.projectedEntryIntoForce).toBe('2026-05-01T00:00:00.000Z');
    expect(Date.parse(after.projectedCompletion) - Date.parse(before.projectedCompletion)).toBe(7 * DAY);
  });

  it('the first-day-of-month rule, and the Diet branch when required', () => {
    const view = justSigned({ entryIntoForceRule: 'first-day-of-month-after', requiresDietApproval: true });
    Object.assign(
      view.steps.find((s) => s.id === 'jp-diet')!,
      { status: 'active', startedAt: '2026-01-27T00:00:00.000Z', dueAt: '2026-03-28T00:00:00.000Z' },
    );
    Object.assign(
      view.steps.find((s) => s.id === 'jp-conclusion')!,
      { status: 'waiting', startedAt: null, dueAt: null },
    );
    const f = run(view);
    expect(f.basis.map((b) => b.stepId)).not.toContain('entry-into-force');
    // JP: Diet due 28 Mar + 10 days → 7 Apr, later than CA (20 Mar); CA note 12 Apr → 1 May.
    expect(f.basis.find((b) => b.stepId === 'jp-conclusion')!).toMatchObject({
      end: '2026-04-07T00:00:00.000Z',
      critical: true,
    });
    expect(f.dominant).not.toContain('ca-sitting-days');
    expect(f.projectedEntryIntoForce).toBe('2026-05-01T00:00:00.000Z');
    expect(f.projectedCompletion).toBe('2026-05-06T00:00:00.000Z');
  });

  it('recorded note dates are used as fixed facts', () => {
    const view = justSigned();
    for (const s of view.steps)
      if (s.status !== 'skipped')
        Object.assign(s, { status: 'completed', completedAt: '2026-03-01T00:00:00.000Z' });
    Object.assign(
      view.steps.find((s) => s.id === 'jp-note')!,
      { outputs: { notifiedOn: '2026-03-02' } },
    );
    Object.assign(
      view.steps.find((s) => s.id === 'ca-note')!,
      { outputs: { notifiedOn: '2026-03-10' } },
    );
    Object.assign(
      view.steps.find((s) => s.id === 'entry-into-force')!,
      { status: 'waiting', completedAt: null },
    );
    Object.assign(
      view.steps.find((s) => s.id === 'entry-into-force-month')!,
      { status: 'skipped', completedAt: null },
    );
    Object.assign(
      view.steps.find((s) => s.id === 'publication')!,
      { status: 'waiting', completedAt: null },
    );
    const f = run(view);
    expect(f.projectedEntryIntoForce).toBe('2026-04-09T00:00:00.000Z');
    expect(f.basis.map((b) => b.stepId)).toEqual(['entry-into-force', 'publication']);
  });

  it('an overdue step is projected to finish now at the earliest and flagged', () => {
    const f = forecastProcess({
      view: justSigned(),
      definition: agreement,
      now: new Date('2026-02-07T00:00:00.000Z'),
      addSpan,
    });
    const tabling = f.basis.find((b) => b.stepId === 'ca-tabling')!;
    expect(tabling).toMatchObject({ end: '2026-02-07T00:00:00.000Z', overdue: true });
  });

  it('a condition on an output not yet known assumes the step is taken', () => {
    const def: ProcessDefinition = {
      ...agreement,
      steps: [
        {
          id: 'a',
          type: 'task',
          title: 'A',
          parties: {},
          outputs: { n: { type: 'number' } },
          typically: { amount: 2, unit: 'calendar-days' },
        },
        {
          id: 'b',
          type: 'task',
          title: 'B',
          parties: {},
          when: { output: 'a.n', equals: 1 },
          typically: { amount: 3, unit: 'calendar-days' },
        },
        {
          id: 'c',
          type: 'task',
          title: 'C',
          parties: {},
          when: { not: { param: 'requiresDietApproval', truthy: true } },
        },
      ],
    };
    const view = { ...justSigned(), steps: [step('a', 'active', { startedAt: now.toISOString() })] };
    const f = forecastProcess({ view, definition: def, now, addSpan });
    expect(f.basis.map((b) => [b.stepId, b.source])).toEqual([
      ['a', 'typical'],
      ['b', 'typical'],
      ['c', 'default'],
    ]);
    expect(f.projectedCompletion).toBe('2026-02-14T00:00:00.000Z');
  });

  it('a closed process: the closing time, nothing remaining', () => {
    const f = run({ ...justSigned(), status: 'completed', closedAt: '2026-05-01T00:00:00.000Z' });
    expect(f).toMatchObject({ projectedCompletion: '2026-05-01T00:00:00.000Z', basis: [], dominant: [] });
  });
});
