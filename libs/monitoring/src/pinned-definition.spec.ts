import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { encodeToPayload, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import type { ProcessDefinition } from '../../contracts/src/definition';
import { listDefinitions } from '../../definitions/src';
import { EncryptionCodec } from '../../temporal/src/encryption/encryption-codec';
import { DefinitionResolver, readPinnedDefinition } from './pinned-definition';

const shipped = listDefinitions()[0]!;
// A version the catalogue does not hold (retired, or an inline definition): only the start event has it.
const retired: ProcessDefinition = { ...shipped, version: shipped.version + 100, title: 'Retired version' };
const view = { id: 'proc-1', definitionId: retired.id, definitionVersion: retired.version };

function fakeClient(opts: { encrypted: boolean; startInput: unknown; fail?: boolean }) {
  const converter = loadDataConverter(
    opts.encrypted
      ? { payloadCodecs: [new EncryptionCodec({ keys: new Map([['k1', randomBytes(32)]]), current: 'k1' })] }
      : {},
  );
  let payload: Payload | undefined;
  const getWorkflowExecutionHistory = jest.fn(async () => {
    if (opts.fail) throw Object.assign(new Error('unavailable'), { code: 14 });
    payload ??= await encodeToPayload(converter, opts.startInput);
    return {
      history: { events: [{ workflowExecutionStartedEventAttributes: { input: { payloads: [payload] } } }] },
    };
  });
  const client = {
    options: { namespace: 'default', loadedDataConverter: converter },
    workflowService: { getWorkflowExecutionHistory },
  } as unknown as Client;
  return { client, getWorkflowExecutionHistory };
}

describe('readPinnedDefinition', () => {
  it.each([false, true])(
    'reads the definition from the start input (encrypted payloads: %s)',
    async (encrypted) => {
      const { client } = fakeClient({ encrypted, startInput: { definition: retired } });
      await expect(readPinnedDefinition(client, 'proc-1')).resolves.toEqual(retired);
    },
  );
});

describe('DefinitionResolver', () => {
  const catalogue = (id: string, version?: number) =>
    id === shipped.id && (version === undefined || version === shipped.version) ? shipped : undefined;

  it('answers from the catalogue without reading the history when it holds the version', async () => {
    const { client, getWorkflowExecutionHistory } = fakeClient({ encrypted: true, startInput: {} });
    const resolver = new DefinitionResolver(client, catalogue);
    await expect(
      resolver.of({ id: 'p', definitionId: shipped.id, definitionVersion: shipped.version }),
    ).resolves.toBe(shipped);
    expect(getWorkflowExecutionHistory).not.toHaveBeenCalled();
  });

  it('resolves a version outside the catalogue from an encrypted start event, once per process', async () => {
    const { client, getWorkflowExecutionHistory } = fakeClient({
      encrypted: true,
      startInput: { definition: retired },
    });
    const resolver = new DefinitionResolver(client, catalogue);
    for (let i = 0; i < 3; i++) await expect(resolver.of(view)).resolves.toEqual(retired);
    expect(getWorkflowExecutionHistory).toHaveBeenCalledTimes(1);
  });

  it('remembers a start event without a definition too (falls back to the catalogue, reads once)', async () => {
    const { client, getWorkflowExecutionHistory } = fakeClient({ encrypted: true, startInput: {} });
    const resolver = new DefinitionResolver(client, () => shipped);
    for (let i = 0; i < 3; i++) await expect(resolver.of(view)).resolves.toBe(shipped);
    expect(getWorkflowExecutionHistory).toHaveBeenCalledTimes(1);
  });

  it('does not remember a failed read: the next call tries again', async () => {
    const { client, getWorkflowExecutionHistory } = fakeClient({
      encrypted: true,
      startInput: {},
      fail: true,
    });
    const resolver = new DefinitionResolver(client, catalogue);
    await expect(resolver.of(view)).resolves.toBeUndefined();
    await expect(resolver.of(view)).resolves.toBeUndefined();
    expect(getWorkflowExecutionHistory).toHaveBeenCalledTimes(2);
  });
});
