/**
 * Idle detection and the legislatures, through the real API and Temporal (issue 10): a process waiting on the
 * House of Commons is not idle while the House does not sit because of a prorogation a coordinator recorded
 * through POST /calendars/events, and is idle once the House has sat again for the threshold's days; the same
 * for the Diet after a recorded dissolution, until the next recorded session has sat; a process waiting on an
 * official (same threshold) is idle as soon as the days have passed. The API's stuck list
 * and the daily digest's activity (libs/monitoring's StuckFinder, on the worker's side) see the same recorded
 * event and agree. ACCORD_DAY_LENGTH=1s here: a day of the calendars is a second of the test.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { createMonitoringActivities } from '../../activities/monitoring';
import { addDays, toZoned } from '../../libs/calendars/src/civil-date';
import { computeDue } from '../../libs/calendars/src/compute-due';
import { TIME_ZONES } from '../../libs/calendars/src/holidays';
import { loadDietCalendar } from '../../libs/calendars/src/diet-calendar';
import { withDietEvents, withSittingEvents } from '../../libs/calendars/src/recorded-events';
import { loadSittingCalendar } from '../../libs/calendars/src/sitting-calendar';
import { loadConfig } from '../../libs/config/src/accord-config';
import type { CalendarEvent } from '../../libs/contracts/src/calendar-events';
import { stateQuery } from '../../libs/contracts/src/messages';
import { api } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { eventually, inlineDefinition, startInline } from './support';

const DAY_LENGTH_MS = 1000;
const run = Date.now().toString(36);
const IDLE_AFTER = { amount: 2, unit: 'calendar-days' as const };
const TWO_SITTING_DAYS = { amount: 2, unit: 'sitting-days' as const, calendar: 'CA' as const };
const TWO_DIET_DAYS = { amount: 2, unit: 'diet-days' as const, calendar: 'JP' as const };

const houseDef = inlineDefinition(
  `house-wait-${run}`,
  [
    {
      id: 'house-concurrence',
      type: 'task',
      title: 'Concurrence of the House of Commons',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
      legislature: 'house-of-commons',
    },
  ],
  { idleAfter: IDLE_AFTER },
);
const deskDef = inlineDefinition(
  `desk-wait-${run}`,
  [
    {
      id: 'desk-review',
      type: 'task',
      title: 'Review by the desk officer',
      parties: { CA: { roles: ['ca-parliament-liaison'] } },
    },
  ],
  { idleAfter: IDLE_AFTER },
);

const dietDef = inlineDefinition(
  `diet-wait-${run}`,
  [
    {
      id: 'diet-approval',
      type: 'task',
      title: 'Approval of the Diet',
      parties: { JP: { roles: ['jp-mofa'] } },
      legislature: 'diet',
    },
  ],
  { idleAfter: IDLE_AFTER },
);
const jpDeskDef = inlineDefinition(
  `jp-desk-wait-${run}`,
  [{ id: 'desk-review', type: 'task', title: 'Review by the desk', parties: { JP: { roles: ['jp-mofa'] } } }],
  { idleAfter: IDLE_AFTER },
);

type Item = { processId: string; stepId: string | null; reason: string; since: string };

async function idleIds(party: 'CA' | 'JP' = 'CA'): Promise<Item[]> {
  const res = await api<Item[]>('GET', `/api/v1/monitoring/stuck?reason=idle&party=${party}`, {
    as: party === 'CA' ? 'ca-coordinator' : 'jp-coordinator',
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('idle detection counts the days the legislature sits, with the events recorded through the API', () => {
  closeTestClientAfterAll();
  const recorded: Array<{ id: string; as: string }> = [];
  const handles: WorkflowHandle[] = [];
  // The digest's activity, built as the worker builds it (its own reader of the recorded events).
  let digest: ReturnType<typeof createMonitoringActivities>;

  beforeAll(async () => {
    const client = await testClient();
    digest = createMonitoringActivities({
      config: loadConfig({
        ...process.env,
        ACCORD_DAY_LENGTH: '1s',
        ACCORD_TASK_QUEUE: e2eEnv().taskQueue,
      }),
      client,
    });
  });

  // Recorded events outlive this file in the shared dev server: remove them whatever happens.
  afterAll(async () => {
    for (const { id, as } of recorded) await api('DELETE', `/api/v1/calendars/events/${id}`, { as });
    await Promise.all(handles.map((h) => h.terminate('test done').catch(() => undefined)));
  });

  it('not idle while the House is prorogued (recorded through the API); idle once it has sat again', async () => {
    // The prorogation covers the House's next four sitting days (from today in Ottawa), so the threshold of two
    // sitting days falls on the sixth instead of the second: several (one-second) days later.
    const shipped = loadSittingCalendar();
    const today = toZoned(Date.now(), TIME_ZONES.CA).date;
    const sittings: string[] = [];
    for (let d = addDays(today, 1), i = 0; sittings.length < 5 && i < 400; d = addDays(d, 1), i++)
      if (shipped.isSittingDay(d)) sittings.push(d);
    const prorogation = {
      chamber: 'house-of-commons',
      kind: 'prorogation',
      from: today,
      to: addDays(sittings[4]!, -1),
      source: 'Proclamation proroguing Parliament (test)',
    };
    const res = await api('POST', '/api/v1/calendars/events', { as: 'ca-coordinator', body: prorogation });
    expect(res.status).toBe(201);
    const stored = res.body.event as CalendarEvent;
    recorded.push({ id: stored.id, as: 'ca-coordinator' });

    const client = await testClient();
    const { taskQueue } = e2eEnv();
    const house = await startInline(client, taskQueue, houseDef, `House wait ${run}`);
    const desk = await startInline(client, taskQueue, deskDef, `Desk wait ${run}`);
    handles.push(house, desk);
    const lastProgress = new Date((await house.query(stateQuery)).lastProgressAt);
    const threshold = (sittingCalendar = shipped) =>
      computeDue(lastProgress, TWO_SITTING_DAYS, { dayLengthMs: DAY_LENGTH_MS, sittingCalendar });
    const unprorogued = threshold();
    const prorogued = threshold(withSittingEvents(shipped, [stored]));
    // The recorded prorogation pushes the House's threshold past the days it removes.
    expect(prorogued.getTime()).toBeGreaterThan(unprorogued.getTime() + 3 * DAY_LENGTH_MS);

    // The official's wait is idle after two days; the House's wait would be too on the shipped calendar alone.
    await eventually('the desk wait idle', async () =>
      (await idleIds()).some((i) => i.processId === desk.workflowId),
    );
    await eventually(
      'past the threshold without the prorogation',
      async () => Date.now() > unprorogued.getTime(),
    );
    const before = await idleIds();
    expect(before.some((i) => i.processId === house.workflowId)).toBe(false);
    const sinceIso = new Date(lastProgress.getTime() - 60_000).toISOString();
    const digestBefore = await digest.findNewlyStuck({ sinceIso, limit: 1000 });
    expect(digestBefore.items.some((i) => i.processId === desk.workflowId)).toBe(true);
    expect(digestBefore.items.some((i) => i.processId === house.workflowId)).toBe(false);

    // Once the House has sat again for two days, the wait on it is idle, from the day the calendars say.
    const item = await eventually(
      'the House wait idle',
      async () => (await idleIds()).find((i) => i.processId === house.workflowId),
      prorogued.getTime() - Date.now() + 30_000,
    );
    expect(item).toMatchObject({
      reason: 'idle',
      stepId: 'house-concurrence',
      since: prorogued.toISOString(),
    });
    const digestAfter = await digest.findNewlyStuck({ sinceIso, limit: 1000 });
    expect(digestAfter.items.find((i) => i.processId === house.workflowId)).toMatchObject({
      reason: 'idle',
      stepId: 'house-concurrence',
      since: prorogued.toISOString(),
    });
  });

  it('not idle while the Diet is dissolved (recorded through the API); idle once the next session has sat', async () => {
    // Recorded: a session that would sit the next two days (today in Tokyo), a special session from the sixth
    // day, and a dissolution of the House of Representatives today, which closes the first session at once.
    const today = toZoned(Date.now(), TIME_ZONES.JP).date;
    const record = async (body: Record<string, unknown>): Promise<CalendarEvent> => {
      const res = await api('POST', '/api/v1/calendars/events', {
        as: 'jp-coordinator',
        body: { chamber: 'diet', source: '詔書 (test)', ...body },
      });
      expect(res.status).toBe(201);
      recorded.push({ id: res.body.event.id, as: 'jp-coordinator' });
      return res.body.event as CalendarEvent;
    };
    const sitting = await record({
      kind: 'session',
      sessionKind: 'extraordinary',
      from: addDays(today, -20),
      to: addDays(today, 2),
    });
    const next = await record({
      kind: 'session',
      sessionKind: 'special',
      from: addDays(today, 6),
      to: addDays(today, 40),
    });
    const dissolution = await record({ kind: 'dissolution', from: today });

    const client = await testClient();
    const { taskQueue } = e2eEnv();
    const diet = await startInline(client, taskQueue, dietDef, `Diet wait ${run}`);
    const desk = await startInline(client, taskQueue, jpDeskDef, `JP desk wait ${run}`);
    handles.push(diet, desk);
    const lastProgress = new Date((await diet.query(stateQuery)).lastProgressAt);
    const threshold = (events: CalendarEvent[]) =>
      computeDue(lastProgress, TWO_DIET_DAYS, {
        dayLengthMs: DAY_LENGTH_MS,
        dietCalendar: withDietEvents(loadDietCalendar(), events),
      });
    const undissolved = threshold([sitting, next]);
    const dissolved = threshold([sitting, next, dissolution]);
    expect(dissolved.getTime()).toBeGreaterThan(undissolved.getTime() + 3 * DAY_LENGTH_MS);

    await eventually('the desk wait idle', async () =>
      (await idleIds('JP')).some((i) => i.processId === desk.workflowId),
    );
    await eventually(
      'past the threshold without the dissolution',
      async () => Date.now() > undissolved.getTime(),
    );
    expect((await idleIds('JP')).some((i) => i.processId === diet.workflowId)).toBe(false);
    const sinceIso = new Date(lastProgress.getTime() - 60_000).toISOString();
    const digestBefore = await digest.findNewlyStuck({ sinceIso, limit: 1000 });
    expect(digestBefore.items.some((i) => i.processId === desk.workflowId)).toBe(true);
    expect(digestBefore.items.some((i) => i.processId === diet.workflowId)).toBe(false);

    const item = await eventually(
      'the Diet wait idle',
      async () => (await idleIds('JP')).find((i) => i.processId === diet.workflowId),
      dissolved.getTime() - Date.now() + 30_000,
    );
    expect(item).toMatchObject({ reason: 'idle', stepId: 'diet-approval', since: dissolved.toISOString() });
    const digestAfter = await digest.findNewlyStuck({ sinceIso, limit: 1000 });
    expect(digestAfter.items.find((i) => i.processId === diet.workflowId)).toMatchObject({
      reason: 'idle',
      since: dissolved.toISOString(),
    });
  });
});
