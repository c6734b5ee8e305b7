/**
 * The web console in Chromium against the real API, worker and Temporal dev server of the e2e setup:
 * approvers of both governments clear their sides of a step from their inboxes, a task is completed from
 * its typed form (a bad input first shows its field error and records nothing), an initiator starts a
 * process from a roadmap initiative (after the duplicate warning, "start another anyway"), a coordinator
 * extends an overdue deadline from the board, reassigns a step, and runs a bulk action after its dry run's
 * list, an approver does it all with the keyboard alone, the inbox and process page in Japanese show no
 * English (step names included), a reviewer whose item left the inbox on a change request is told who asked
 * and why (in French too), an expired session returns to sign-in with a message, and axe finds no
 * serious violation on any page. Screenshots of the main pages go to test/.tmp/screenshots.
 */
import type { Locator, Page } from 'playwright-core';
import type { ProcessView, TimelineEntry } from '../../libs/contracts/src/process-view';
import { complete, decide, waitForStep } from '../api/helpers';
import { api } from '../support/auth';
import { waitFor } from '../support/wait';
import { expectNoSeriousAxeViolations } from './support/axe';
import { anonymousPage, signedInPage, useChromium } from './support/browser';
import { saveScreenshot } from './support/screenshots';

const run = Date.now().toString(36);

async function startTradeMission(title: string): Promise<ProcessView> {
  const res = await api<ProcessView>('POST', '/api/v1/processes', {
    as: 'ca-officer',
    body: { definitionId: 'trade-mission', title: `${title} ${run}` },
  });
  expect(res.status).toBe(201);
  return res.body;
}

async function processView(id: string): Promise<ProcessView> {
  return (await api<ProcessView>('GET', `/api/v1/processes/${id}`, { as: 'ca-coordinator' })).body;
}

async function stepStatus(id: string, stepId: string): Promise<string | undefined> {
  return (await processView(id)).steps.find((s) => s.id === stepId)?.status;
}

/** The inbox item (a list item named by its process title). */
/** The inbox item of a process, found as an official would in a busy inbox: by words of its title. */
function inboxItem(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
}

async function findInInbox(page: Page, title: string) {
  await page.getByRole('searchbox').fill(title);
  const item = inboxItem(page, title);
  await item.waitFor();
  return item;
}

/** Visible text outside elements marked translate="no" (data: titles, names, ids), and outside SVG titles. */
async function interfaceText(page: Page): Promise<string[]> {
  // Runs in the page (a string: the test code is compiled without the DOM library).
  return page.evaluate(`(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector('#root'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[translate="no"], title, script, style')) continue;
      const text = n.textContent.trim();
      if (text) out.push(text);
    }
    return out;
  })()`);
}

/** Moves the first step's deadline to a moment from now, and waits until the board's API lists it as overdue. */
async function makeOverdue(id: string): Promise<void> {
  await waitFor('the first due time', async () =>
    (await processView(id)).steps[0]?.dueAt ? true : undefined,
  );
  const moved = await api('POST', `/api/v1/processes/${id}/steps/concept-approval/deadline`, {
    as: 'ca-coordinator',
    body: { dueAt: new Date(Date.now() + 1000).toISOString(), reason: 'Set up an overdue step' },
  });
  expect(moved.status).toBe(200);
  await waitFor(
    'the process among the overdue',
    async () => {
      const res = await api('GET', '/api/v1/monitoring/stuck?reason=overdue', { as: 'ca-coordinator' });
      if (!Array.isArray(res.body)) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
      return (res.body as Array<{ processId: string }>).some((i) => i.processId === id) || undefined;
    },
    60_000,
    1000,
  );
}

async function timelineOf(id: string): Promise<TimelineEntry[]> {
  return (await api<TimelineEntry[]>('GET', `/api/v1/processes/${id}/timeline`, { as: 'ca-coordinator' }))
    .body;
}

/** Presses Tab until `target` has the focus, as a keyboard user reaches it (fails after `max` presses). */
async function tabTo(page: Page, target: Locator, max = 150): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // Runs in the page: `document` is the page's (the test code is compiled without the DOM library).
    if (
      await target.evaluate(
        (el) =>
          el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      )
    )
      return;
  }
  throw new Error(`${target} not reached in ${max} presses of Tab`);
}

describe('the web console', () => {
  const chromium = useChromium();
  const pages: Page[] = [];
  const open = async (userId: string, locale?: string) => {
    const page = await signedInPage(chromium.browser(), userId, locale ? { locale } : {});
    pages.push(page);
    return page;
  };
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.context().close()));
  }, 150_000);

  it('a JP and a CA approver each clear their side of a step from their inbox', async () => {
    const view = await startTradeMission('Concept from both inboxes');
    for (const [userId, party] of [
      ['jp-meti', 'JP'],
      ['ca-trade-minister-office', 'CA'],
    ] as const) {
      const page = await open(userId);
      await page.goto('/');
      const item = await findInInbox(page, view.title);
      await item.getByRole('button', { name: 'Decide' }).click();
      if (party === 'JP') {
        await expectNoSeriousAxeViolations(page);
        await saveScreenshot(page, 'inbox');
      }
      await item.getByLabel('Comment').fill(`Fine for ${party}`);
      await item.getByRole('button', { name: 'Approve' }).dblclick();
      await item.waitFor({ state: 'detached', timeout: 20_000 });
    }
    await waitFor('concept approval finished', async () =>
      (await stepStatus(view.id, 'concept-approval')) === 'completed' ? true : undefined,
    );
    const timeline = (
      await api<TimelineEntry[]>('GET', `/api/v1/processes/${view.id}/timeline`, { as: 'ca-coordinator' })
    ).body;
    // The double click recorded each party's approval once (one requestId per intended action).
    const decisions = timeline.filter((e) => e.kind === 'decision' && e.stepId === 'concept-approval');
    expect(decisions.map((e) => e.actor?.sub).sort()).toEqual(['ca-trade-minister-office', 'jp-meti']);
  }, 150_000);

  it('completes a task from its typed form; a bad input shows the field error and records nothing', async () => {
    const view = await startTradeMission('Task from the form');
    for (const as of ['jp-meti', 'ca-trade-minister-office'])
      await api('POST', `/api/v1/processes/${view.id}/steps/concept-approval/decisions`, {
        as,
        body: { decision: 'approve' },
      });
    await api('POST', `/api/v1/processes/${view.id}/steps/budget-approval/decisions`, {
      as: 'ca-gac-trade-missions',
      body: { decision: 'approve' },
    });
    await waitFor('the task step active', async () =>
      (await stepStatus(view.id, 'dates-and-programme')) === 'active' ? true : undefined,
    );
    const page = await open('ca-tcs-tokyo');
    await page.goto(`/processes/${view.id}`);
    const form = page.getByRole('form', { name: /^Complete / });
    await form.getByLabel('First day of the mission').fill('2027-05-10');
    await form.getByLabel('Cities').fill('Tokyo, Osaka');
    await form.getByRole('button', { name: 'Record completion' }).click();
    // endsOn left empty: the API's problem appears beside that field, and the step is still open.
    const problem = form.locator('.field-invalid', { hasText: 'Last day of the mission' });
    await problem.getByText(/required/).waitFor();
    expect(await problem.locator('input').getAttribute('aria-invalid')).toBe('true');
    expect(await stepStatus(view.id, 'dates-and-programme')).toBe('active');
    const before = (
      await api<TimelineEntry[]>('GET', `/api/v1/processes/${view.id}/timeline`, { as: 'ca-coordinator' })
    ).body;
    expect(before.some((e) => e.kind === 'completion')).toBe(false);
    await expectNoSeriousAxeViolations(page);

    await form.getByLabel('Last day of the mission').fill('2027-05-14');
    await form.getByRole('button', { name: 'Record completion' }).click();
    await waitFor('the task recorded', async () =>
      (await stepStatus(view.id, 'dates-and-programme')) === 'completed' ? true : undefined,
    );
    const done = (await processView(view.id)).steps.find((s) => s.id === 'dates-and-programme')!;
    expect(done.outputs).toMatchObject({
      startsOn: '2027-05-10',
      endsOn: '2027-05-14',
      cities: 'Tokyo, Osaka',
    });
    await page.getByRole('heading', { name: 'Forecast' }).waitFor();
    await saveScreenshot(page, 'process');
  }, 150_000);

  it('an initiator starts a process from a roadmap initiative, after a duplicate warning, "start anyway"', async () => {
    const running = await api<ProcessView>('POST', '/api/v1/processes', {
      as: 'ca-officer',
      body: {
        initiativeId: 'team-canada-trade-mission',
        title: `Already running ${run}`,
        allowDuplicate: true,
      },
    });
    expect(running.status).toBe(201);
    const page = await open('ca-officer');
    await page.goto('/start');
    await page.getByRole('heading', { name: 'Roadmap initiatives' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'start');
    await page.getByRole('button', { name: 'Start: Team Canada Trade Mission to Japan' }).click();
    const title = `Team Canada Trade Mission to Japan ${run}`;
    await page.getByLabel('Title', { exact: true }).fill(title);
    await eventually(page.getByLabel('Target number of companies')).toHaveValue('50');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Start the process' }).click();
    // One is already running for this initiative: the console says so and offers to start another anyway.
    const duplicate = page
      .getByRole('alert')
      .filter({ hasText: 'A process for this initiative is already running.' });
    await duplicate.waitFor();
    expect(await duplicate.getByRole('link', { name: 'Open the running process' }).getAttribute('href')).toBe(
      `/processes/${encodeURIComponent(running.body.id)}`,
    );
    await expectNoSeriousAxeViolations(page);
    await duplicate.getByRole('button', { name: 'Start another anyway' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const view = await processView(id);
    expect(view).toMatchObject({
      title,
      initiativeId: 'team-canada-trade-mission',
      definitionId: 'trade-mission',
    });
    expect(id).not.toBe(running.body.id);
    await expectNoSeriousAxeViolations(page);
  }, 150_000);

  it('a coordinator finds an overdue process on the board, extends its deadline, and it leaves the stuck list', async () => {
    const view = await startTradeMission('Overdue concept');
    await makeOverdue(view.id);
    const page = await open('ca-coordinator');
    await page.goto('/board');
    // One row per awaited party; acting on the step clears both.
    const row = page.locator(`tr[data-process="${view.id}"]`).filter({ hasText: 'Overdue' }).first();
    await row.waitFor({ timeout: 60_000 });
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'board');
    await row.getByRole('button', { name: 'Act' }).click();
    await eventually(row.getByLabel('Action', { exact: true })).toHaveValue('extend');
    const newDue = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await row.getByLabel('New deadline').fill(`${newDue}T12:00`);
    await row.getByLabel('Reason', { exact: true }).fill('Ministers meet next month');
    await row.getByRole('button', { name: 'Extend' }).click();
    // It leaves the overdue list. (Nobody has acted for more than the definition's 14 idle days — seconds
    // at the tests' day length — so it may rightly stay on the board as idle.)
    await eventually(
      page.locator(`tr[data-process="${view.id}"]`).filter({ hasText: 'Overdue' }),
    ).toHaveCount(0);
    const step = (await processView(view.id)).steps.find((s) => s.id === 'concept-approval')!;
    expect(step.dueAt).toBe(`${newDue}T12:00:00.000Z`);
  }, 150_000);

  it('keyboard only: sign in, open an inbox item and approve it with a comment, with Tab, typing and Enter', async () => {
    const view = await startTradeMission('Keyboard only');
    const page = await anonymousPage(chromium.browser());
    pages.push(page);
    await page.goto('/');
    await tabTo(page, page.getByRole('button', { name: 'Sign in as Inoue Nana' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your inbox' }).waitFor();
    await tabTo(page, page.getByRole('searchbox'));
    await page.keyboard.type(view.title);
    const item = inboxItem(page, view.title);
    await tabTo(page, item.getByRole('button', { name: 'Decide' }));
    await page.keyboard.press('Enter');
    await tabTo(page, item.getByLabel('Comment'));
    await page.keyboard.type('Approved from the keyboard');
    const approve = item.getByRole('button', { name: 'Approve' });
    await tabTo(page, approve);
    // The focused control is visibly marked (WCAG 2.4.7).
    const ring = await approve.evaluate((el) => {
      const s = (
        globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }
      ).getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
    });
    expect(ring).not.toMatch(/^none 0px none$/);
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Enter');
    await item.waitFor({ state: 'detached', timeout: 20_000 });
    const decision = (await timelineOf(view.id)).find((e) => e.kind === 'decision');
    expect(decision).toMatchObject({ actor: { sub: 'jp-meti-2' }, comment: 'Approved from the keyboard' });
  }, 150_000);

  it('a coordinator reassigns a step to other roles from the process page, with the reason in the timeline', async () => {
    const view = await startTradeMission('Reassigned concept');
    const page = await open('ca-coordinator');
    await page.goto(`/processes/${view.id}`);
    const form = page.getByRole('form', { name: 'Coordinator actions on Concept approval' });
    await form.getByLabel('Action', { exact: true }).selectOption('reassign');
    await form.getByLabel('Government').selectOption('CA');
    await form.getByLabel('Roles', { exact: true }).fill('ca-gac-trade-missions');
    await form
      .getByLabel('Reason', { exact: true })
      .fill('The concept is handled by the trade missions team');
    await form.getByRole('button', { name: 'Reassign' }).click();
    await form.getByRole('status').filter({ hasText: 'Recorded.' }).waitFor();
    const step = (await processView(view.id)).steps.find((s) => s.id === 'concept-approval')!;
    expect(step.parties.CA?.roles).toEqual(['ca-gac-trade-missions']);
    const entry = (await timelineOf(view.id)).find((e) => e.kind === 'reassigned');
    expect(entry).toMatchObject({
      actor: { sub: 'ca-coordinator' },
      stepId: 'concept-approval',
    });
    expect(JSON.stringify(entry)).toContain('The concept is handled by the trade missions team');
  }, 150_000);

  it('a bulk action lists what it would change (a dry run) and acts only once confirmed', async () => {
    const view = await startTradeMission('Bulk nudge');
    await makeOverdue(view.id);
    const page = await open('ca-coordinator');
    await page.goto('/board');
    const row = page.locator(`tr[data-process="${view.id}"]`).first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('checkbox').check();
    const bulk = page.getByRole('region', { name: 'Bulk action' });
    await bulk.getByText('1 process selected.').waitFor();
    await bulk.getByLabel('Action', { exact: true }).selectOption('nudge');
    await bulk.getByLabel('Reason', { exact: true }).fill('Ministers meet on Friday');
    await bulk.getByRole('button', { name: 'Show what would change' }).click();
    const dry = bulk.getByRole('region', { name: 'This would change:' });
    await dry.getByText(view.title).waitFor();
    expect(await dry.getByRole('listitem').count()).toBe(1);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'board-bulk');
    // The dry run changed nothing.
    expect((await timelineOf(view.id)).some((e) => e.kind === 'nudged')).toBe(false);
    await dry.getByRole('button', { name: 'Confirm for 1 process' }).click();
    await bulk.getByRole('status').filter({ hasText: 'Done: 1 of 1 succeeded.' }).waitFor();
    const nudged = await waitFor('the nudge in the timeline', async () =>
      (await timelineOf(view.id)).find((e) => e.kind === 'nudged'),
    );
    expect(JSON.stringify(nudged)).toContain('Ministers meet on Friday');
  }, 150_000);

  it('shows the inbox and a process page in Japanese with no English left', async () => {
    const view = await startTradeMission('日本語の確認');
    const page = await open('jp-meti', 'ja-JP');
    await page.goto('/');
    await page.getByRole('heading', { name: '受信箱' }).waitFor();
    const item = await findInInbox(page, view.title);
    await item.getByRole('button', { name: '判断する' }).click();
    const english = (texts: string[]) => texts.filter((t) => /[A-Za-z]{2,}/.test(t.replace(/Accord/g, '')));
    expect(english(await interfaceText(page))).toEqual([]);
    // The names of the definition's steps come from the API in Japanese too (they are data, marked translate="no").
    await item.getByText('構想の承認').first().waitFor();
    expect(await page.getByText('Concept approval').count()).toBe(0);
    // The role asked is named by its Japanese title (from GET /roles), not by its code.
    const ask = item.locator('.inbox-ask');
    await ask.getByText('担当官').waitFor();
    expect(await ask.textContent()).not.toContain('jp-meti');
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'inbox-ja');
    // The API's field problem (a comment is required to ask for changes) in Japanese, beside the field.
    await item.getByRole('button', { name: '修正を依頼' }).click();
    await item.locator('.field-invalid').getByText('この項目は必須です。').waitFor();
    expect(english(await interfaceText(page))).toEqual([]);
    expect(await stepStatus(view.id, 'concept-approval')).toBe('active');
    await page.goto(`/processes/${view.id}`);
    await page.getByRole('heading', { name: '見通し' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    expect(english(await interfaceText(page))).toEqual([]);
    // Every step name on the page (diagram, forecast, table, action panel) is the Japanese one.
    expect(await page.getByText('構想の承認').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText(/Concept approval|Budget approval|Dates and programme/).count()).toBe(0);
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'process-ja');
  }, 150_000);

  it('a reviewer whose item left the inbox on a change request is told who asked, why, and when it comes back', async () => {
    const title = `Withdrawn in the console ${run}`;
    const started = await api<ProcessView>('POST', '/api/v1/processes', {
      as: 'jp-officer',
      body: { definitionId: 'implementing-arrangement', title },
    });
    expect(started.status).toBe(201);
    const id = started.body.id;
    await waitForStep(id, 'draft-by-jp', 'active');
    expect(
      (await complete('jp-mod-atla', id, 'draft-by-jp', { outputs: { draftReference: 'IA-W-1' } })).status,
    ).toBe(200);
    await waitForStep(id, 'inter-agency-review', 'active');
    const comment = `Annex C lists the old customs codes ${run}`;
    expect(
      (await decide('jp-meti', id, 'inter-agency-review', { decision: 'request-changes', comment })).status,
    ).toBe(200);

    // CA DND had not decided: its inbox says where the step went, who asked and why.
    const page = await open('ca-dnd');
    await page.goto('/');
    const section = page.getByRole('region', { name: 'Left your inbox' });
    const notice = section.getByRole('listitem').filter({ hasText: title });
    await notice.waitFor({ timeout: 30_000 });
    await notice.getByText(comment).waitFor();
    await notice.getByText(/asked for changes/).waitFor();
    expect(await notice.textContent()).toContain('Japan');
    expect(await notice.textContent()).toContain('Round 2');
    expect(await inboxItem(page, title).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'inbox-withdrawn');

    // The same notice in French: the interface's words are French, the comment stays as written.
    const fr = await open('ca-dnd', 'fr-CA');
    await fr.goto('/');
    const frNotice = fr
      .getByRole('region', { name: 'Retirés de votre boîte de réception' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await frNotice.getByText(/a demandé des modifications/).waitFor({ timeout: 30_000 });
    await frNotice.getByText(comment).waitFor();
    expect(await frNotice.textContent()).toContain('Japon');
  }, 150_000);

  it('delegations: create, list and revoke; axe on the page', async () => {
    const page = await open('jp-meti');
    await page.goto('/delegations');
    await page.getByRole('heading', { name: 'New delegation' }).waitFor();
    await page.getByLabel('To', { exact: true }).selectOption('jp-meti-2');
    // A delegation lasts at most a year.
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Until', { exact: true }).fill(until);
    await page.getByRole('button', { name: 'Delegate' }).click();
    const revoke = page.getByRole('button', { name: /^Revoke the delegation to / });
    await revoke.first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'delegations');
    const count = await revoke.count();
    await revoke.first().click();
    await eventually(revoke).toHaveCount(count - 1);
  }, 150_000);

  it('an expired or revoked session returns to sign-in with a message; sign-in passes axe', async () => {
    const page = await signedInPage(chromium.browser(), 'jp-meti', {
      session: {
        token: 'e30.e30.expired',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        mode: 'directory',
      },
    });
    pages.push(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    await page.getByRole('button', { name: 'Sign in as Sato Haruka' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'sign-in');
    const fresh = await anonymousPage(chromium.browser());
    pages.push(fresh);
    await fresh.goto('/');
    await fresh.getByRole('button', { name: 'Sign in as Sato Haruka' }).click();
    await fresh.getByRole('heading', { name: 'Your inbox' }).waitFor();
  });
});

/** Playwright-core has no web-first assertions: these poll a locator until it matches. */
function eventually(locator: Locator) {
  return {
    toHaveCount: (n: number) =>
      waitFor(`${n} elements matching ${locator}`, async () =>
        (await locator.count()) === n ? true : undefined,
      ),
    toHaveValue: (v: string) =>
      waitFor(`${locator} to hold ${v}`, async () => ((await locator.inputValue()) === v ? true : undefined)),
  };
}
