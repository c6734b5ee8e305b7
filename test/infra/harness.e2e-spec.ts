/** The shared e2e harness is up: real server, search attributes, real worker on its queue, API listening. */
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../libs/contracts/src/search-attributes';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';

describe('e2e harness', () => {
  closeTestClientAfterAll();

  it('has Accord search attributes registered on the dev server', async () => {
    const client = await testClient();
    const { customAttributes } = await client.connection.operatorService.listSearchAttributes({
      namespace: e2eEnv().namespace,
    });
    expect(Object.keys(customAttributes ?? {})).toEqual(
      expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTE_REGISTRATIONS)),
    );
  });

  it('has a worker polling the task queue', async () => {
    const client = await testClient();
    const res = await client.workflowService.describeTaskQueue({
      namespace: e2eEnv().namespace,
      taskQueue: { name: e2eEnv().taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    expect(res.pollers?.length ?? 0).toBeGreaterThan(0);
  });

  it('has the API listening', async () => {
    // Paths outside the API load the web console; an unknown API route is the API's own 404.
    const res = await fetch(`${e2eEnv().apiUrl}/api/v1/does-not-exist`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(404);
  });
});
