/**
 * The withdrawn memo (libs/contracts/src/withdrawn-memo.ts) gives GET /inbox/withdrawn exactly the notices the
 * state Query's view gives: every shipped definition and version driven through the engine with changes
 * requested (and the route backs they take), the notices of every reader (each role of each party, all of a
 * party's roles, a delegate) from the memo, through JSON as visibility hands it back, compared with those
 * from the full view at every state, in every language. And its size and cap.
 */
import { computeDue } from '../../../../libs/calendars/src/compute-due';
import type { Party, ProcessDefinition, StepSpec } from '../../../../libs/contracts/src/definition';
import type { Delegation } from '../../../../libs/contracts/src/delegations';
import { LANGS } from '../../../../libs/contracts/src/i18n';
import type { Principal } from '../../../../libs/contracts/src/principal';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { utf8Bytes } from '../../../../libs/contracts/src/forecast-memo';
import {
  WITHDRAWN_MEMO,
  WITHDRAWN_MEMO_MAX_BYTES,
  WITHDRAWN_MEMO_VERSION,
  withdrawnMemoOf,
  withdrawnViewFromMemo,
} from '../../../../libs/contracts/src/withdrawn-memo';
import { listDefinitions, listDefinitionVersions } from '../../../../libs/definitions/src/catalogue';
import { localizeWithdrawnNotice, titleBook } from '../../../../libs/definitions/src/view-i18n';
import { internalStepsOf, viewFor } from '../../../../libs/directory/src/read-scope';
import {
  applyComplete,
  applyDecide,
  applyDues,
  createEngine,
  dueRequests,
  processView,
  tick,
  validateComplete,
  validateDecide,
  type Engine,
} from '../../../../workflows/engine';
import { filledOutputs, startInput, who } from '../../../../test/engine/fixtures';
import { stepView } from '../../../../test/support/views';
import { withdrawnNoticesOf } from './inbox-items';

const DAY = 86_400_000;
const NOTICE_MS = 14 * DAY;
/** Quotes, accents and kana, as people write them. */
const COMMENT = `Annex B cites the old "export-control" regulation — l'article 3; 附属書Bを確認`;

function settle(e: Engine): void {
  const results: Record<string, string> = {};
  for (const r of dueRequests(e))
    results[r.key] = computeDue(new Date(r.fromIso), r.span, { dayLengthMs: DAY }).toISOString();
  applyDues(e, results);
}

function leafSteps(steps: StepSpec[]): Exclude<StepSpec, { type: 'parallel' }>[] {
  return steps.flatMap((s) => (s.type === 'parallel' ? s.branches.flatMap((b) => leafSteps(b.steps)) : [s]));
}

/** Readers: each role of each party alone, all of a party's roles, and a delegate of the first role. */
function readersOf(def: ProcessDefinition): Array<[Principal, Delegation[]]> {
  const roles: Record<Party, Set<string>> = { JP: new Set(), CA: new Set() };
  for (const s of leafSteps(def.steps)) {
    if (s.type === 'timer') continue;
    for (const [party, p] of Object.entries(s.parties ?? {}))
      for (const r of p?.roles ?? []) roles[party as Party].add(r);
  }
  const out: Array<[Principal, Delegation[]]> = [];
  for (const party of ['JP', 'CA'] as const) {
    const all = [...roles[party]];
    for (const r of all) out.push([who(`${r}-reader`, party, [r]), []]);
    out.push([who(`${party}-all`, party, all), []]);
    if (all[0]) {
      const delegation: Delegation = {
        id: `dl-${party}`,
        party,
        from: { sub: `${all[0]}-reader`, name: all[0] },
        to: { sub: `${party}-deputy`, name: 'Deputy' },
        roles: [all[0]],
        until: '2099-01-01T00:00:00.000Z',
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: { sub: `${all[0]}-reader`, name: all[0] },
      };
      out.push([who(`${party}-deputy`, party, []), [delegation]]);
    }
  }
  return out;
}

/**
 * Drives a process to its end, a day or more apart: tasks recorded; at an approval, changes requested once
 * per step (by the first decision, or by the second after an approval: `variant`), approvals otherwise;
 * timers fired when due. Calls `at` with each state and the time it is read at.
 */
function drive(
  def: ProcessDefinition,
  variant: number,
  at: (view: ProcessView, now: number) => void,
): number {
  let t = Date.parse('2026-12-02T14:23:11.000Z');
  const iso = () => new Date(t).toISOString();
  const e = createEngine(def, startInput(def, {}), iso());
  settle(e);
  const asked = new Set<string>();
  let states = 0;
  for (let guard = 0; guard < 400 && e.state.status === 'running'; guard++) {
    const view = processView(e);
    at(view, t + DAY / 3);
    states++;
    const active = view.steps.filter((s) => s.status === 'active');
    const acted = active.find((s) => s.type !== 'timer');
    t += DAY + 3_600_000 * (guard % 5);
    if (acted?.type === 'task') {
      const [party, pv] = Object.entries(acted.parties)[0]!;
      const inp = {
        principal: who(`${pv!.roles[0]}-user`, party as Party, [pv!.roles[0]!]),
        stepId: acted.id,
        outputs: filledOutputs(acted, iso().slice(0, 10)),
      };
      const bad = validateComplete(e, inp);
      if (bad) throw new Error(`${def.id}: ${bad.message}`);
      applyComplete(e, inp, iso());
    } else if (acted?.type === 'approval') {
      const [party, pv] = Object.entries(acted.parties).find(([, p]) => p!.status === 'pending')!;
      const role = pv!.awaitedRoles[0] ?? pv!.roles[0]!;
      const decided = Object.values(acted.parties).flatMap((p) =>
        p!.decisions.filter((d) => d.round === acted.round),
      ).length;
      const ask = !asked.has(acted.id) && decided >= variant;
      const principal = who(`${role}-user-${acted.round}-${decided}`, party as Party, [role]);
      const inp = ask
        ? { principal, stepId: acted.id, decision: 'request-changes' as const, comment: COMMENT }
        : { principal, stepId: acted.id, decision: 'approve' as const };
      const bad = validateDecide(e, inp);
      if (bad) throw new Error(`${def.id}: ${bad.message}`);
      if (ask) asked.add(acted.id);
      applyDecide(e, inp, iso());
    } else {
      const due = Math.min(...active.map((s) => (s.dueAt ? Date.parse(s.dueAt) : t)));
      t = Math.max(t, due + 1000);
    }
    settle(e);
    tick(e, iso());
    settle(e);
  }
  return states;
}

/** What visibility hands back: the field as the workflow upserts it, through JSON. */
const listed = (view: ProcessView) =>
  JSON.parse(JSON.stringify({ [WITHDRAWN_MEMO]: withdrawnMemoOf(view) ?? undefined })) as Record<
    string,
    unknown
  >;

/** The notices as GET /inbox/withdrawn builds them from a view (the reader's scope, then the language). */
function noticesOf(
  def: ProcessDefinition,
  view: ProcessView,
  reader: Principal,
  d: Delegation[],
  now: number,
) {
  const readable = viewFor(reader, internalStepsOf(def), view);
  const notices = withdrawnNoticesOf(readable, reader, d, now - NOTICE_MS, NOTICE_MS);
  return [
    notices,
    ...LANGS.map((lang) => notices.map((n) => localizeWithdrawnNotice(n, titleBook(def, lang)))),
  ];
}

function cases(): Array<[string, ProcessDefinition, number]> {
  const out: Array<[string, ProcessDefinition, number]> = [];
  for (const d of listDefinitions())
    for (const def of listDefinitionVersions(d.id))
      for (const variant of [0, 1]) out.push([`${def.id} v${def.version} (${variant})`, def, variant]);
  return out;
}

let noticesSeen = 0;
let largest = 0;

describe('withdrawn notices from the memo', () => {
  it.each(cases())(
    'equal those from the full view at every state, for every reader: %s',
    (_, def, variant) => {
      const readers = readersOf(def);
      let compared = 0;
      const states = drive(def, variant, (view, now) => {
        const memo = listed(view);
        largest = Math.max(largest, utf8Bytes(JSON.stringify(memo[WITHDRAWN_MEMO])));
        const fromMemo = withdrawnViewFromMemo(view.id, memo);
        expect(fromMemo).not.toBeNull();
        for (const [reader, d] of readers) {
          const expected = noticesOf(def, view, reader, d, now);
          expect(noticesOf(def, fromMemo!, reader, d, now)).toEqual(expected);
          noticesSeen += expected[0]!.length;
        }
        compared++;
      });
      expect(compared).toBe(states);
      expect(states).toBeGreaterThan(2);
    },
  );

  it('were compared on notices (the drives restart rounds), with memos well under the cap', () => {
    expect(noticesSeen).toBeGreaterThan(20);
    expect(largest).toBeLessThan(WITHDRAWN_MEMO_MAX_BYTES / 4);
  });
});

const base: ProcessView = {
  id: 'p1',
  title: 'P',
  definitionId: 'd',
  definitionVersion: 2,
  definitionTitle: 'D',
  status: 'running',
  businessKey: null,
  initiativeId: null,
  parameters: { secret: 'not for notices' },
  initiator: { sub: 'x', name: 'X' },
  startedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
  outcome: null,
  lastProgressAt: '2026-04-01T00:00:00.000Z',
  dueTimesPending: false,
  steps: [],
};

const change = (comment: string) => ({
  at: '2026-03-31T00:00:00.000Z',
  by: { sub: 'ca-gac', name: 'Gac' },
  party: 'CA' as const,
  comment,
  fromStepId: 'review',
  fromStepTitle: 'Review',
  round: 2,
});

/** A route back that restarted two reviews with the same change request. */
function restarted(comment: string): ProcessView {
  return {
    ...base,
    steps: [
      stepView('draft', { title: 'Draft', status: 'active', outputs: { text: 'not for notices' } }),
      stepView('review', {
        title: 'Review',
        status: 'waiting',
        withdrawnFrom: ['JP:jp-meti'],
        latestChangeRequest: change(comment),
        waitsFor: ['draft'],
      }),
      stepView('legal', {
        title: 'Legal',
        status: 'waiting',
        withdrawnFrom: ['CA:ca-justice'],
        latestChangeRequest: change(comment),
        waitsFor: ['draft', 'review'],
      }),
      stepView('sign', { title: 'Sign', status: 'waiting', waitsFor: ['legal'] }),
    ],
  };
}

describe('withdrawnMemoOf', () => {
  it('is an empty list for a process no round took anything back from', () => {
    expect(withdrawnMemoOf(base)).toEqual({
      v: WITHDRAWN_MEMO_VERSION,
      title: 'P',
      definitionId: 'd',
      definitionVersion: 2,
      status: 'running',
      changes: [],
      steps: [],
    });
  });

  it('keeps the withdrawn steps, what they wait for by title, and each change request once', () => {
    const memo = withdrawnMemoOf(restarted('Annex B'))!;
    expect(memo.changes).toEqual([change('Annex B')]);
    expect(memo.steps).toEqual([
      {
        id: 'review',
        title: 'Review',
        withdrawnFrom: ['JP:jp-meti'],
        change: 0,
        waitsFor: [['draft', 'Draft']],
      },
      {
        id: 'legal',
        title: 'Legal',
        withdrawnFrom: ['CA:ca-justice'],
        change: 0,
        waitsFor: [
          ['draft', 'Draft'],
          ['review', 'Review'],
        ],
      },
    ]);
    expect(JSON.stringify(memo)).not.toContain('not for notices');
  });

  it('holds a comment of the longest length (4,000 ASCII characters) on two steps; past the cap, none', () => {
    const long = restarted('x'.repeat(4000));
    const memo = withdrawnMemoOf(long);
    expect(memo).not.toBeNull();
    expect(utf8Bytes(JSON.stringify(memo))).toBeLessThanOrEqual(WITHDRAWN_MEMO_MAX_BYTES);
    const jp: Principal = { sub: 'm', name: 'M', party: 'JP', org: 'METI', roles: ['jp-meti'] };
    const now = Date.parse('2026-04-01T00:00:00.000Z');
    const fromMemo = withdrawnViewFromMemo('p1', listed(long))!;
    expect(withdrawnNoticesOf(fromMemo, jp, [], 0, NOTICE_MS)).toEqual(
      withdrawnNoticesOf(long, jp, [], 0, NOTICE_MS),
    );
    expect(withdrawnNoticesOf(long, jp, [], now - NOTICE_MS, NOTICE_MS)).toHaveLength(1);
    // Three bytes a character: past the cap, the field is left out and the reader Queries the process.
    const wide = restarted('附'.repeat(4000));
    expect(withdrawnMemoOf(wide)).toBeNull();
    expect(withdrawnViewFromMemo('p1', listed(wide))).toBeNull();
  });

  it('reads a missing field, or one of another version, as absent (the reader Queries)', () => {
    const memo = withdrawnMemoOf(restarted('Annex B'))!;
    expect(withdrawnViewFromMemo('p1', undefined)).toBeNull();
    expect(withdrawnViewFromMemo('p1', {})).toBeNull();
    expect(withdrawnViewFromMemo('p1', { [WITHDRAWN_MEMO]: { ...memo, v: 2 } })).toBeNull();
    expect(withdrawnViewFromMemo('p1', { [WITHDRAWN_MEMO]: { ...memo, changes: [] } })).toBeNull();
    expect(withdrawnViewFromMemo('p1', { [WITHDRAWN_MEMO]: memo })?.id).toBe('p1');
  });
});
