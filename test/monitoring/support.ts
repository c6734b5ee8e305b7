/** Helpers for the monitoring e2e tests: inline definitions made to get stuck, started like the API does. */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ProcessDefinition, StepSpec } from '../../libs/contracts/src/definition';
import { PROCESS_WORKFLOW_TYPE, type ProcessInput } from '../../libs/contracts/src/messages';
import type { Principal } from '../../libs/contracts/src/principal';
import { initialSearchAttributes } from '../../libs/contracts/src/search-attributes';
import { waitFor } from '../support/wait';

export const jpOfficer: Principal = {
  sub: 'jp-officer',
  name: 'JP Officer',
  party: 'JP',
  org: 'MOFA',
  roles: ['jp-officer'],
};

export function inlineDefinition(
  name: string,
  steps: StepSpec[],
  extra: Partial<ProcessDefinition> = {},
): ProcessDefinition {
  return {
    id: `mon-${name}`,
    version: 1,
    title: `Monitoring test: ${name}`,
    description: 'Made to get stuck on purpose',
    // A pillar of the catalogue, so the summary rolls these up with the shipped processes.
    roadmap: { pillar: '1', pillarTitle: 'Enhanced Security and Defence Cooperation' },
    parties: ['JP', 'CA'],
    initiatorRoles: ['jp-officer'],
    parameters: {},
    steps,
    ...extra,
  };
}

/** Starts a process directly with the same search attributes the API sets at start. */
export async function startInline(
  client: Client,
  taskQueue: string,
  definition: ProcessDefinition,
  title = definition.title,
): Promise<WorkflowHandle> {
  const processId = `process-${definition.id}-${randomUUID()}`;
  const input: ProcessInput = { processId, title, definition, parameters: {}, initiator: jpOfficer };
  return client.workflow.start(PROCESS_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: processId,
    args: [input],
    typedSearchAttributes: initialSearchAttributes(input),
  });
}

/** Polls until `check` returns something (30 s, every 500 ms unless told). */
export const eventually = <T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 500,
): Promise<T> => waitFor(what, check, timeoutMs, everyMs);

/** A webhook receiver on 127.0.0.1 that records what it gets; `refuse(body)` → answer 503 (retryable). */
export interface Received {
  headers: http.IncomingHttpHeaders;
  /** The body as sent (what a signature covers). */
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any notification shape
  body: any;
}

export async function webhookReceiver(refuse: (body: Received['body']) => boolean = () => false) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      let body: Received['body'] = data;
      try {
        body = JSON.parse(data);
      } catch {
        /* keep text */
      }
      if (refuse(body)) {
        res.statusCode = 503;
        res.end('refused on purpose');
        return;
      }
      received.push({ headers: req.headers, raw: data, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
