import { digestText } from '../../../workflows/digest.workflow';
import { loadMonitoringConfig, parseSpan } from './monitoring-config';

describe('loadMonitoringConfig', () => {
  it('defaults: 14 calendar days idle, 07:00 UTC digest', () => {
    expect(loadMonitoringConfig({})).toEqual({
      idleDefault: { amount: 14, unit: 'calendar-days' },
      maxProcesses: 500,
      maxDescribes: 100,
      digest: { enabled: true, timeZone: 'UTC', hour: 7, minute: 0 },
    });
  });

  it('reads the settings and names a bad one', () => {
    const c = loadMonitoringConfig({
      ACCORD_IDLE_AFTER: '10 business-days JP',
      ACCORD_DIGEST_AT: '06:30',
      ACCORD_DIGEST_TIME_ZONE: 'Asia/Tokyo',
    });
    expect(c.idleDefault).toEqual({ amount: 10, unit: 'business-days', calendar: 'JP' });
    expect(c.digest).toEqual({ enabled: true, timeZone: 'Asia/Tokyo', hour: 6, minute: 30 });
    expect(loadMonitoringConfig({ ACCORD_DIGEST_SCHEDULE: 'off' }).digest.enabled).toBe(false);
    expect(() => loadMonitoringConfig({ ACCORD_DIGEST_SCHEDULE: 'maybe' })).toThrow(/ACCORD_DIGEST_SCHEDULE/);
    expect(() => parseSpan('ten days', 'ACCORD_IDLE_AFTER')).toThrow(/ACCORD_IDLE_AFTER/);
    expect(() => loadMonitoringConfig({ ACCORD_DIGEST_AT: '25:00' })).toThrow(/ACCORD_DIGEST_AT/);
    expect(() => loadMonitoringConfig({ ACCORD_MONITORING_MAX_DESCRIBES: '0' })).toThrow(/MAX_DESCRIBES/);
  });
});

describe('digestText', () => {
  it('lists each newly stuck step with its reason and who it waits on', () => {
    const text = digestText(
      {
        total: 2,
        byReason: { overdue: 1, failing: 1 },
        items: [
          {
            processId: 'p1',
            title: 'MLAT',
            stepId: 'ca-tabling',
            stepTitle: 'Tabling',
            reason: 'overdue',
            since: 's',
            detail: 'due 3 d ago',
            waitingOn: 'CA (Pat)',
          },
          {
            processId: 'p2',
            title: 'ETTA',
            stepId: null,
            stepTitle: null,
            reason: 'failing',
            since: 's',
            detail: 'activity notify retrying',
            waitingOn: '',
          },
        ],
        scanned: 5,
        truncated: false,
      },
      '2026-01-01T07:00:00.000Z',
    );
    expect(text).toBe(
      '2 process step(s) became stuck since 2026-01-01T07:00:00.000Z:\n' +
        '- [overdue] MLAT — Tabling: due 3 d ago; waiting on CA (Pat)\n' +
        '- [failing] ETTA: activity notify retrying',
    );
  });
});
