/**
 * Issue 12: starting a process is authenticated too. A client that reaches Temporal's frontend without the
 * update key (it bypasses the API) cannot start `processWorkflow` with an input of its choosing (any
 * initiator, definition, parameters): the run fails at once with UNAUTHENTICATED_START before it acts (no
 * step, no notification, no timer), takes back the search attributes and memo it was started with, and no
 * listing shows it. Starts signed with the key (the API's, the shared signing helper's) run as before. The
 * stores started with their state as input (delegations, recorded calendar events) are checked alike.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  Client,
  Connection,
  WithStartWorkflowOperation,
  WorkflowFailedError,
  type WorkflowClientInterceptor,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import { loadConfig, loadPayloadKeys, loadUpdateKeys } from '../../libs/config/src/accord-config';
import { CALENDAR_EVENTS_WORKFLOW_TYPE } from '../../libs/contracts/src/calendar-events';
import {
  DELEGATIONS_WORKFLOW_TYPE,
  delegationStoreId,
  type Delegation,
} from '../../libs/contracts/src/delegations';
import { PROCESS_WORKFLOW_TYPE, startedUpdate, type ProcessInput } from '../../libs/contracts/src/messages';
import { initialSearchAttributes, SA } from '../../libs/contracts/src/search-attributes';
import {
  START_PROOF_HEADER,
  UPDATE_PROOF_TTL_MS,
  proveStart,
  type StartToProve,
} from '../../libs/contracts/src/update-proof';
import { VIEW_MEMO } from '../../libs/contracts/src/view-memo';
import { connectWorkerConnection, temporalSettings } from '../../libs/temporal/src/connection';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { withUpdateKeys } from '../../apps/worker/src/update-keys-bundle';
import { accordDataConverter } from '../../libs/temporal/src/encryption/encryption-codec';
import { REFUSED_START_PATCH, SIGNED_START_PATCH } from '../../workflows/interceptors';
import { TWO_STEP, twoStepInput } from '../infra/support/two-step-definition';
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import { start as startOverHttp } from '../processes/drive';
import { api, type ApiResponse } from '../support/auth';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClient, testClient } from '../support/temporal-client';
import { waitFor } from '../support/wait';

/** The seeded user who holds the two-step's first step (jp-senior-official), and one who reads every process. */
const HOLDER = 'jp-senior-official';
const COORDINATOR = 'jp-coordinator';

type Header = (s: StartToProve) => string | undefined;

/** A client like the API's (same server, TLS, payload codec) whose starts carry a header of the caller's choosing. */
async function rawClient(header: Header): Promise<Client> {
  const env = e2eEnv();
  const { connectionOptions } = temporalSettings({ ...process.env, TEMPORAL_ADDRESS: env.temporalAddress });
  const connection = await Connection.connect(connectionOptions as Parameters<typeof Connection.connect>[0]);
  const withHeader = (headers: Record<string, unknown>, s: StartToProve) => {
    const proof = header(s);
    return proof === undefined
      ? headers
      : { ...headers, [START_PROOF_HEADER]: defaultPayloadConverter.toPayload(proof) };
  };
  const forger: WorkflowClientInterceptor = {
    async startWithDetails(input, next) {
      const { workflowId, args } = input.options;
      const headers = withHeader(input.headers, { workflowId, workflowType: input.workflowType, args });
      return next({ ...input, headers: headers as typeof input.headers });
    },
    async startUpdateWithStart(input, next) {
      const { workflowId, args } = input.workflowStartOptions;
      const s = { workflowId, workflowType: input.workflowType, args };
      const workflowStartHeaders = withHeader(input.workflowStartHeaders, s);
      return next({ ...input, workflowStartHeaders: workflowStartHeaders as typeof input.updateHeaders });
    },
  };
  return new Client({
    connection,
    namespace: env.namespace,
    dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
    interceptors: { workflow: [forger] },
  });
}

/**
 * The infrastructure two-step whose first step (awaiting jp-senior-official) is due in 2 s with a reminder
 * after 1 s: a run that acts sends a notification within the test.
 */
const REMINDING: ProcessDefinition = {
  ...TWO_STEP,
  id: 'start-proof-two-step',
  steps: [
    {
      ...TWO_STEP.steps[0]!,
      deadline: { within: { amount: 2, unit: 'seconds' }, remindBefore: [{ amount: 1, unit: 'seconds' }] },
    } as ProcessDefinition['steps'][number],
    ...TWO_STEP.steps.slice(1),
  ],
};

/** The input as the API builds it, under a new id and a title that names it. */
function input(label: string): ProcessInput {
  const processId = `process-start-proof-${label}-${randomUUID()}`;
  return { ...twoStepInput(processId), definition: REMINDING, title: `Start proof ${label} ${processId}` };
}

/** Listed as POST /processes starts it (the API's search attributes); a forger adds a memo for the inbox. */
const startOptions = (i: ProcessInput, forged = true) => ({
  taskQueue: e2eEnv().taskQueue,
  workflowId: i.processId,
  args: [i],
  typedSearchAttributes: initialSearchAttributes(i),
  ...(forged ? { memo: { [VIEW_MEMO]: { id: i.processId, title: i.title, forged: true } } } : {}),
});

async function failure(handle: WorkflowHandle): Promise<{ type?: string; message: string; retry: boolean }> {
  try {
    await handle.result();
  } catch (err) {
    if (err instanceof WorkflowFailedError && err.cause instanceof ApplicationFailure) {
      return {
        type: err.cause.type ?? undefined,
        message: err.cause.message,
        retry: !err.cause.nonRetryable,
      };
    }
    throw err;
  }
  throw new Error(`${handle.workflowId} completed: expected it to fail`);
}

/** The run's events (by the name of their attributes, e.g. `activityTaskScheduled`) and its patch markers. */
async function historyOf(handle: WorkflowHandle): Promise<{ types: string[]; patches: string[] }> {
  const events = (await handle.fetchHistory()).events ?? [];
  const types = events.map((e) => {
    const key = Object.keys(e).find(
      (k) => k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k] != null,
    );
    return key ? key.replace(/EventAttributes$/, '') : 'unknown';
  });
  const patches = events.flatMap((e) => {
    const m = e.markerRecordedEventAttributes;
    if (!m) return [];
    if (m.markerName !== 'core_patch') return [`marker ${m.markerName}`];
    const data = defaultPayloadConverter.fromPayload(m.details!['patch-data']!.payloads![0]!);
    return [(data as { id: string }).id];
  });
  return { types, patches };
}

/** Every page of a listing of the API (GET /processes answers { items, nextPageToken }; GET /inbox pages by header). */
async function processIds(as: string, query: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = query ? '&' : '?';
    const res: ApiResponse<{ items: Array<{ id: string }>; nextPageToken: string | null }> = await api(
      'GET',
      `/api/v1/processes${query}${token ? `${sep}pageToken=${token}` : ''}`,
      { as },
    );
    if (res.status !== 200)
      throw new Error(`GET /processes${query}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.items.map((p) => p.id));
    token = res.body.nextPageToken;
    if (!token) return ids;
  }
  throw new Error('GET /processes: more than 100 pages');
}

async function inboxIds(as: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res: ApiResponse<Array<{ processId: string }>> = await api(
      'GET',
      `/api/v1/inbox${token ? `?pageToken=${encodeURIComponent(token)}` : ''}`,
      { as },
    );
    if (res.status !== 200) throw new Error(`GET /inbox: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.map((i) => i.processId));
    token = res.headers.get('x-next-page-token');
    if (!token) return ids;
  }
  throw new Error('GET /inbox: more than 100 pages');
}

describe('Starting a process needs the API’s proof', () => {
  const refused: string[] = [];
  let control: ProcessInput | undefined;
  const clients: Client[] = [];
  afterAll(async () => {
    // Hygiene: the signed two-step would wait for its approvers forever.
    if (control) {
      await (
        await testClient()
      ).workflow
        .getHandle(control.processId)
        .terminate('start-proof test done')
        .catch(() => undefined);
    }
    for (const c of clients) await c.connection.close();
    await closeTestClient();
  });
  const raw = async (header: Header) => {
    const c = await rawClient(header);
    clients.push(c);
    return c;
  };
  const keys = loadUpdateKeys(process.env);
  const mine = keys.keys[keys.current]!;
  const otherKey = randomBytes(32).toString('hex');

  /** Each forged start, and what its failure must say. */
  const forgeries: Array<[string, Header, RegExp]> = [
    ['no proof', () => undefined, /carries no accord-start-proof header \(no proof\)/],
    ['a malformed proof', () => 'not-a-proof', /malformed/],
    [
      'a key id the worker does not know',
      (s) => proveStart('forged', otherKey, s, Date.now()),
      /unknown key id "forged"/,
    ],
    [
      'a key of its own under the worker’s key id',
      (s) => proveStart(keys.current, otherKey, s, Date.now()),
      new RegExp(`made with another key than the worker's "${keys.current}"`),
    ],
    [
      'a valid proof of other input (another initiator)',
      (s) => {
        const [i] = s.args as [ProcessInput];
        const honest = { ...i, initiator: { ...i.initiator, sub: 'someone-else' } };
        return proveStart(keys.current, mine, { ...s, args: [honest] }, Date.now());
      },
      /made for other input/,
    ],
    [
      'an expired proof',
      (s) => proveStart(keys.current, mine, s, Date.now() - 3_600_000),
      /expired \d+ ms before the start was recorded/,
    ],
  ];

  it('fails every forged start at once with UNAUTHENTICATED_START, before it acts', async () => {
    for (const [what, header, says] of forgeries) {
      const i = input('forged');
      const handle = await (await raw(header)).workflow.start(PROCESS_WORKFLOW_TYPE, startOptions(i));
      refused.push(i.processId);
      const failed = await failure(handle);
      expect({ what, ...failed, says: says.test(failed.message) }).toEqual({
        what,
        type: 'UNAUTHENTICATED_START',
        message: failed.message,
        retry: false,
        says: true,
      });
      // Nothing but the refusal: no activity (notifications, due times), no timer, no step's upsert.
      const { types, patches } = await historyOf(handle);
      expect({ what, types, patches }).toEqual({
        what,
        types: [
          'workflowExecutionStarted',
          'workflowTaskScheduled',
          'workflowTaskStarted',
          'workflowTaskCompleted',
          'markerRecorded',
          'upsertWorkflowSearchAttributes',
          'upsertWorkflowSearchAttributes',
          'workflowPropertiesModified',
          'workflowExecutionFailed',
        ],
        patches: [REFUSED_START_PATCH],
      });
      // What the forger wrote for the listings and the inbox is taken back.
      const described = await handle.describe();
      expect({ what, memo: described.memo ?? {} }).toEqual({ what, memo: {} });
      expect({
        what,
        attributes: described.typedSearchAttributes
          .getAll()
          .filter((p) => p.key.name.startsWith('Accord'))
          .map((p) => [p.key.name, p.value]),
      }).toEqual({ what, attributes: [[SA.status.name, 'unauthenticated']] });
    }
  });

  it('refuses an update-with-start without a proof, as POST /processes sends it', async () => {
    const i = input('forged-uws');
    const client = await raw(() => undefined);
    const start = new WithStartWorkflowOperation(PROCESS_WORKFLOW_TYPE, {
      ...startOptions(i),
      workflowIdConflictPolicy: 'FAIL',
    });
    await expect(
      client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: start }),
    ).rejects.toThrow();
    refused.push(i.processId);
    const failed = await failure(client.workflow.getHandle(i.processId));
    expect(failed.type).toBe('UNAUTHENTICATED_START');
    expect(failed.message).toMatch(/no proof/);
    expect((await historyOf(client.workflow.getHandle(i.processId))).types).not.toContain(
      'activityTaskScheduled',
    );
  });

  it('runs a start signed by the shared helper (the benchmarks’, the tests’): its step awaits, it notifies', async () => {
    const signed = input('signed');
    control = signed;
    const client = await testClient();
    const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, startOptions(signed, false));
    await waitFor(
      `${signed.processId} in ${HOLDER}'s inbox`,
      async () => (await inboxIds(HOLDER)).includes(signed.processId),
      30_000,
      300,
    );
    // Its step's holders are reminded (the notify activity): the assertions on the refused runs can fail.
    const { patches } = await waitFor(
      `a reminder sent by ${signed.processId}`,
      async () => {
        const h = await historyOf(handle);
        return h.types.includes('activityTaskScheduled') && h;
      },
      30_000,
      300,
    );
    expect(patches[0]).toBe(SIGNED_START_PATCH);
    expect(patches).not.toContain(REFUSED_START_PATCH);
    expect((await handle.describe()).status.name).toBe('RUNNING');
  });

  it('runs the API’s own start (POST /processes), signed by its client', async () => {
    const view = await startOverHttp('ca-gac-trade-missions', 'trade-mission');
    expect(view.steps.some((s) => s.status === 'active')).toBe(true);
    // The API answers from its own settled view: the worker's first task may still be on its way.
    const handle = (await testClient()).workflow.getHandle(view.id);
    const { patches } = await waitFor(
      `${view.id}'s first workflow task`,
      async () => {
        const h = await historyOf(handle);
        return h.patches.length > 0 && h;
      },
      30_000,
      200,
    );
    expect(patches[0]).toBe(SIGNED_START_PATCH);
  });

  it('refuses a forged delegations store and a forged calendar store: the would-be delegate gains nothing', async () => {
    // A store of delegations received by jp-officer, handing them the role the signed two-step awaits.
    const delegate = 'jp-officer';
    const forgedId = `dlg-forged-${randomUUID()}`;
    const forged: Delegation = {
      id: forgedId,
      from: { sub: HOLDER, name: 'JP Senior Official' },
      to: { sub: delegate, name: 'JP Officer' },
      party: 'JP',
      roles: ['jp-senior-official'],
      until: new Date(Date.now() + 86_400_000).toISOString(),
      createdAt: new Date().toISOString(),
      createdBy: { sub: HOLDER, name: 'JP Senior Official' },
    };
    const forger = await raw(() => undefined);
    const store = await forger.workflow.start(DELEGATIONS_WORKFLOW_TYPE, {
      taskQueue: e2eEnv().taskQueue,
      workflowId: delegationStoreId('received', delegate),
      args: [{ delegations: [forged] }],
      // As a forger would: replace the store the API keeps, if there is one.
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
    });
    expect((await failure(store)).type).toBe('UNAUTHENTICATED_START');
    const calendar = await forger.workflow.start(CALENDAR_EVENTS_WORKFLOW_TYPE, {
      taskQueue: e2eEnv().taskQueue,
      workflowId: `calendar-forged-${randomUUID()}`,
      args: [{ events: [] }],
    });
    expect((await failure(calendar)).type).toBe('UNAUTHENTICATED_START');

    // The API reads the refused store as empty (not an error), and nothing of it reaches the delegate.
    const listed = await api<Array<{ id: string }>>('GET', '/api/v1/delegations', { as: delegate });
    expect(listed.status).toBe(200);
    expect(listed.body.map((d) => d.id)).not.toContain(forgedId);
    expect(await inboxIds(delegate)).not.toContain(control?.processId);

    // The API's own delegation starts the store again (signed), and works.
    const made = await api<{ id: string }>('POST', '/api/v1/delegations', {
      as: HOLDER,
      body: { to: delegate, until: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(made.status).toBe(201);
    try {
      await waitFor(
        `${control?.processId} in ${delegate}'s inbox by delegation`,
        async () => (await inboxIds(delegate)).includes(control!.processId),
        30_000,
        300,
      );
    } finally {
      await api('DELETE', `/api/v1/delegations/${made.body.id}`, { as: HOLDER });
    }
  });

  it('does not refuse a start that was on time when the worker comes late (expiry against the recorded start)', async () => {
    const i = input('late-worker');
    const taskQueue = `start-proof-late-${randomUUID()}`;
    // A proof that expires 5 s after it is made, for a queue no worker polls for 10 s.
    const early = await raw((s) =>
      proveStart(keys.current, mine, s, Date.now() - UPDATE_PROOF_TTL_MS + 5_000),
    );
    const handle = await early.workflow.start(PROCESS_WORKFLOW_TYPE, {
      ...startOptions(i, false),
      taskQueue,
    });
    await new Promise((r) => setTimeout(r, 10_000));
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      /* already installed in this process */
    }
    const env = e2eEnv();
    const connection = await connectWorkerConnection({
      ...process.env,
      TEMPORAL_ADDRESS: env.temporalAddress,
    });
    try {
      const client = await testClient();
      const worker = await Worker.create({
        connection,
        namespace: env.namespace,
        taskQueue,
        workflowsPath: require.resolve('../../workflows'),
        activities: createActivities({ config: { ...loadConfig(process.env), taskQueue }, client }),
        dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
        interceptors: { workflowModules: [require.resolve('../../workflows/interceptors')] },
        bundlerOptions: { webpackConfigHook: withUpdateKeys(keys.keys) },
      });
      const { patches } = await worker.runUntil(
        waitFor(
          `${i.processId}'s first workflow task`,
          async () => {
            const h = await historyOf(handle);
            return h.patches.length > 0 && h;
          },
          60_000,
          300,
        ),
      );
      expect(patches[0]).toBe(SIGNED_START_PATCH);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    } finally {
      await handle.terminate('start-proof test done').catch(() => undefined);
      await connection.close();
    }
  });

  it('shows no refused run in GET /processes or GET /inbox, for anyone; GET /processes/{id} is a 404', async () => {
    expect(refused).toHaveLength(forgeries.length + 1);
    // The signed one is listed where the refused ones would be: the listings are not simply empty.
    const everything = await processIds(COORDINATOR, '?pageSize=100');
    expect(everything).toContain(control?.processId);
    for (const [who, query] of [
      [COORDINATOR, '?pageSize=100'],
      [COORDINATOR, '?status=failed&pageSize=100'],
      [COORDINATOR, `?definitionId=${REMINDING.id}&pageSize=100`],
      [HOLDER, '?pageSize=100'],
      ['jp-officer', '?pageSize=100'],
    ] as const) {
      const listed = await processIds(who, query);
      expect({ who, query, shown: refused.filter((id) => listed.includes(id)) }).toEqual({
        who,
        query,
        shown: [],
      });
    }
    const inboxes = { [HOLDER]: await inboxIds(HOLDER), [COORDINATOR]: await inboxIds(COORDINATOR) };
    expect(inboxes[HOLDER]).toContain(control?.processId);
    for (const [who, ids] of Object.entries(inboxes)) {
      expect({ who, shown: refused.filter((id) => ids.includes(id)) }).toEqual({ who, shown: [] });
    }
    for (const id of refused) {
      expect({
        id,
        status: (await api('GET', `/api/v1/processes/${id}`, { as: COORDINATOR })).status,
      }).toEqual({
        id,
        status: 404,
      });
    }
  });
});
