/**
 * Idle detection and the legislatures, through the real API and Temporal (issue 10): a process waiting on the
 * House of Commons is not idle while the House does not sit because of a prorogation a coordinator recorded
 * through POST /calendars/events, and is idle once the House has sat again for the threshold's days; a
 * process waiting on an official (same threshold) is idle as soon as the days have passed. The API's stuck list
 * and the daily digest's activity (libs/monitoring's StuckFinder, on the worker's side) see the same recorded
 * event and agree. ACCORD_DAY_LENGTH=1s here: a day of the calendars is a second of the test.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { createMonitoringActivities } from '../../activities/monitoring';
import { addDays, toZoned } from '../../libs/calendars/src/civil-date';
import { computeDue } from '../../libs/calendars/src/compute-due';
import { TIME_ZONES } from '../../libs/calendars/src/holidays';
import { withSittingEvents } from '../../libs/calendars/src/recorded-events';
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

type Item = { processId: string; stepId: string | null; reason: string; since: string };

async function idleIds(): Promise<Item[]> {
  const res = await api<Item[]>('GET', '/api/v1/monitoring/stuck?reason=idle&party=CA', {
    as: 'ca-coordinator',
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('idle detection counts the days the House of Commons sits, with the events recorded through the API', () => {
  closeTestClientAfterAll();
  const recorded: string[] = [];
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
    for (const id of recorded)
      await api('DELETE', `/api/v1/calendars/events/${id}`, { as: 'ca-coordinator' });
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
    recorded.push(stored.id);

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
});
