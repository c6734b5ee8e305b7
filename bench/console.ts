/**
 * The web console's first load, against the API's own answer for the same data.
 *
 * P processes (default 100) all awaiting one approver, so their inbox holds P items. Each round opens the
 * console in a fresh Chromium context (empty cache, the approver's session in localStorage), as a person
 * opening it for the first time that day, and measures:
 *   - page weight of the first load: every response until the inbox is usable, summed as served and
 *     gzip-compressed (what a compressing proxy would send; the API itself does not compress);
 *   - time until the inbox is usable: from navigation until the first item's title shows;
 * and, in the same round, GET /api/v1/inbox for the same approver (the baseline: the data alone).
 *
 *   node dist/bench/console.js [--processes 100] [--repeat 10]
 */
import { gzipSync } from 'node:zlib';
import type { Response } from 'playwright-core';
import type { WebSession } from '../libs/contracts/src/auth';
import { launchChromium, resolvedBrowser, signedInStorageState } from '../libs/browser/src/launch';
import { webConsoleBuilt } from '../apps/api/src/web/console-policy';
import { BENCH_DEFINITIONS, BENCH_TWO_STEP } from './definitions';
import { note, withStack } from './harness';
import { passReview, PROCESSES_QUERY, startMany, waitForCount } from './populate';
import {
  intFlag,
  LATENCY_HEADERS,
  latencyRow,
  pool,
  ratio,
  summarize,
  table,
  timed,
  runIfMain,
} from './stats';

const APPROVER = 'jp-senior-official';

interface Weight {
  requests: number;
  served: number;
  gzip: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export async function main(): Promise<void> {
  const p = intFlag('processes', 100);
  const repeat = intFlag('repeat', 10);
  await withStack({ definitions: BENCH_DEFINITIONS }, async (stack) => {
    if (!webConsoleBuilt(stack.config))
      throw new Error(`no web console in ${stack.config.web.dir}: npm run build`);
    const t0 = Date.now();
    const ids = await startMany(stack, BENCH_TWO_STEP, p);
    await pool(ids, 8, (id) => passReview(stack, id));
    await waitForCount(stack, `${PROCESSES_QUERY} AND AccordAwaitingRoles = 'JP:${APPROVER}'`, p);
    note(`set up ${p} processes awaiting ${APPROVER} in ${Date.now() - t0} ms`);

    const chromium = await resolvedBrowser();
    note(`Chromium ${chromium.source}: ${chromium.path}`);
    const browser = await launchChromium();
    const session: WebSession = {
      token: stack.tokenFor(APPROVER),
      expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
      mode: 'directory',
    };
    const api: number[] = [];
    const usable: number[] = [];
    let items = 0;
    let weight: Weight = { requests: 0, served: 0, gzip: 0 };
    try {
      for (let round = -1; round < repeat; round++) {
        const inbox = await timed(() => stack.api<unknown[]>(APPROVER, 'GET', '/api/v1/inbox'));
        const context = await browser.newContext({
          locale: 'en-CA',
          storageState: signedInStorageState(stack.apiUrl, session),
        });
        const page = await context.newPage();
        const responses: Promise<Weight>[] = [];
        page.on('response', (res: Response) =>
          responses.push(
            res.body().then(
              (body) => ({ requests: 1, served: body.length, gzip: gzipSync(body).length }),
              () => ({ requests: 1, served: 0, gzip: 0 }),
            ),
          ),
        );
        const load = await timed(async () => {
          await page.goto(`${stack.apiUrl}/`, { waitUntil: 'commit' });
          await page
            .getByText(/^bench bench-two-step \d+$/)
            .first()
            .waitFor({ timeout: 60_000 });
        });
        const sums = (await Promise.all(responses)).reduce(
          (a, b) => ({
            requests: a.requests + b.requests,
            served: a.served + b.served,
            gzip: a.gzip + b.gzip,
          }),
          { requests: 0, served: 0, gzip: 0 },
        );
        await context.close();
        if (round < 0) continue;
        api.push(inbox.ms);
        usable.push(load.ms);
        items = inbox.value.length;
        weight = sums;
      }
    } finally {
      await browser.close();
    }
    const sApi = summarize(api);
    const sUsable = summarize(usable);
    process.stdout.write(
      [
        '',
        `## console — inbox of ${items} items for ${APPROVER}; ${repeat} first loads, each in a fresh browser context`,
        '',
        table(LATENCY_HEADERS.slice(0, 6), [
          latencyRow('console: navigation → first inbox item shown', sUsable).slice(0, 6),
          latencyRow('baseline: GET /api/v1/inbox (the same data)', sApi).slice(0, 6),
        ]),
        '',
        `first load: ${weight.requests} requests, ${kb(weight.served)} KiB as served, ${kb(weight.gzip)} KiB gzip`,
        `console / API at p50: ${ratio(sUsable.p50, sApi.p50)}`,
        '',
      ].join('\n') + '\n',
    );
  });
}

runIfMain(module, main);
