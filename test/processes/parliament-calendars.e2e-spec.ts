/**
 * The parliamentary calendars through the API (issue 10): due times counted in House of Commons sitting days
 * say they are projected (the shipped calendar follows the Standing Orders' pattern, not a calendar the House
 * published), in the process view and in the forecast; a Canadian coordinator records a prorogation, checked
 * and authorised, and the running tabling period's due time moves; removing it moves it back. A Japanese
 * coordinator records a Diet session the same way. Real API, real worker, real Temporal dev server.
 */
import { computeDue } from '../../libs/calendars/src/compute-due';
import { loadSittingCalendar } from '../../libs/calendars/src/sitting-calendar';
import { withSittingEvents } from '../../libs/calendars/src/recorded-events';
import type { CalendarEvent } from '../../libs/contracts/src/calendar-events';
import { api } from '../support/auth';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { waitFor } from '../api/helpers';
import { DAY_LENGTH_MS, expectedDue, record, start, stepOf, timeline } from './drive';

const civilDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const SITTING_21 = { amount: 21, unit: 'sitting-days' as const, calendar: 'CA' as const };

describe('parliamentary calendars through the API', () => {
  closeTestClientAfterAll();
  const recorded: string[] = [];

  // Recorded events outlive this file in the shared dev server: remove them whatever happens.
  afterAll(async () => {
    for (const id of recorded) {
      const as = id.startsWith('jp:') ? 'jp-coordinator' : 'ca-coordinator';
      await api('DELETE', `/api/v1/calendars/events/${id.slice(3)}`, { as });
    }
  });

  it('marks sitting-day due times projected; a recorded prorogation moves a running tabling period', async () => {
    const started = await start('jp-officer', 'agreement-entry-into-force', {
      signedOn: '2026-01-27',
      requiresDietApproval: false,
    });
    const id = started.id;
    await record('ca-gac-treaty-law', id, 'ca-explanatory-memorandum', {
      approvedOn: '2026-02-10',
      memorandumReference: 'EM-2026-11',
    });
    const tabledOn = civilDate(1);
    await record('ca-parliament-liaison', id, 'ca-tabling', { tabledOn });
    const before = await waitFor('tabling period due', async () => {
      const s = await stepOf(id, 'ca-tabling-period');
      return s?.dueAt ? s : undefined;
    });
    expect(before).toMatchObject({
      status: 'active',
      dueAt: expectedDue(tabledOn, SITTING_21),
      dueProjected: true,
    });

    const forecast = await api('GET', `/api/v1/processes/${id}/forecast`, { as: 'ca-coordinator' });
    expect(forecast.status).toBe(200);
    expect(forecast.body.projected).toBe(true);
    expect(
      forecast.body.basis.find((b: { stepId: string }) => b.stepId === 'ca-tabling-period'),
    ).toMatchObject({
      projected: true,
    });

    // Refused, each with its reason, and nothing stored.
    const from = civilDate(2);
    const to = civilDate(40);
    const event = {
      chamber: 'house-of-commons',
      kind: 'prorogation',
      from,
      to,
      source: 'Proclamation (test)',
    };
    const wrongSide = await api('POST', '/api/v1/calendars/events', { as: 'jp-coordinator', body: event });
    expect(wrongSide.status).toBe(403);
    expect(wrongSide.body.code ?? wrongSide.body.message).toMatch(/WRONG_PARTY|CA coordinator/);
    const notCoordinator = await api('POST', '/api/v1/calendars/events', { as: 'ca-officer', body: event });
    expect(notCoordinator.status).toBe(403);
    const bad = await api('POST', '/api/v1/calendars/events', {
      as: 'ca-coordinator',
      body: { ...event, kind: 'session', to: '2020-01-01' },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.details as Array<{ field: string; message: string }>).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'to']));
    expect(JSON.stringify(bad.body.details)).toContain('received: \\"session\\"');
    const tooLong = await api('POST', '/api/v1/calendars/events', {
      as: 'ca-coordinator',
      body: { ...event, to: civilDate(900) },
    });
    expect(tooLong.status).toBe(400);
    expect((await api('GET', '/api/v1/calendars', { as: 'ca-coordinator' })).body.events).toEqual([]);

    // Recorded: the tabling period counts again without the prorogued days.
    const res = await api('POST', '/api/v1/calendars/events', { as: 'ca-coordinator', body: event });
    expect(res.status).toBe(201);
    const stored = res.body.event as CalendarEvent;
    recorded.push(`ca:${stored.id}`);
    expect(stored).toMatchObject({ ...event, recordedBy: { sub: 'ca-coordinator', party: 'CA' } });
    expect(res.body.processesTold).toBeGreaterThanOrEqual(1);
    const overlap = await api('POST', '/api/v1/calendars/events', {
      as: 'ca-coordinator',
      body: { ...event, from: civilDate(3), to: civilDate(5) },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.message).toContain(stored.id);

    const moved = computeDue(new Date(`${tabledOn}T00:00:00.000Z`), SITTING_21, {
      dayLengthMs: DAY_LENGTH_MS,
      sittingCalendar: withSittingEvents(loadSittingCalendar(), [stored]),
    }).toISOString();
    expect(moved > before.dueAt).toBe(true);
    const after = await waitFor('tabling period recomputed', async () => {
      const s = await stepOf(id, 'ca-tabling-period');
      return s?.dueAt === moved ? s : undefined;
    });
    expect(after).toMatchObject({ status: 'active', dueProjected: true });
    expect((await timeline(id)).map((t) => t.kind)).toContain('due-recomputed');
    const cal = (await api('GET', '/api/v1/calendars', { as: 'jp-officer' })).body;
    expect(cal.houseOfCommons.interruptions).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'prorogation', from, to })]),
    );

    // Removed (by the same side only): the due time is counted on the shipped calendar again.
    expect(
      (await api('DELETE', `/api/v1/calendars/events/${stored.id}`, { as: 'jp-coordinator' })).status,
    ).toBe(403);
    const removed = await api('DELETE', `/api/v1/calendars/events/${stored.id}`, { as: 'ca-coordinator' });
    expect(removed.status).toBe(200);
    recorded.splice(recorded.indexOf(`ca:${stored.id}`), 1);
    await waitFor('tabling period back', async () => {
      const s = await stepOf(id, 'ca-tabling-period');
      return s?.dueAt === before.dueAt ? s : undefined;
    });
    await api('POST', `/api/v1/processes/${id}/cancel`, {
      as: 'jp-coordinator',
      body: { reason: 'test done' },
    });
  });

  it("a Japanese coordinator records a Diet session; the session's kind is required", async () => {
    const session = {
      chamber: 'diet',
      kind: 'session',
      from: '2026-09-28',
      to: '2026-12-16',
      source: '臨時国会召集詔書 (test)',
    };
    const missing = await api('POST', '/api/v1/calendars/events', { as: 'jp-coordinator', body: session });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      expect.objectContaining({
        field: 'sessionKind',
        message: expect.stringContaining('received: missing'),
      }),
    ]);
    const res = await api('POST', '/api/v1/calendars/events', {
      as: 'jp-coordinator',
      body: { ...session, sessionKind: 'extraordinary' },
    });
    expect(res.status).toBe(201);
    recorded.push(`jp:${res.body.event.id}`);
    const cal = (await api('GET', '/api/v1/calendars', { as: 'ca-officer' })).body;
    expect(cal.diet.sessions).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'extraordinary', convened: '2026-09-28' })]),
    );
    expect(cal.diet.published.to >= '2026-12-16').toBe(true);
  });
});
