/**
 * Loads a history exported as JSON (`temporal workflow show --output json`, the Web UI's download) into a
 * History object for Worker.runReplayHistories.
 *
 * Why not @temporalio/common's historyFromJSON: in this install @temporalio/common and @temporalio/proto
 * each carry their own copy of protobufjs 8, so protojson from one copy rejects the message type of the other
 * ("type must be a Type"). This does the same conversion with the copy @temporalio/proto uses.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as proto from '@temporalio/proto';
import type { temporal } from '@temporalio/proto';
import { patchProtobufRoot } from '@temporalio/proto/lib/patch-protobuf-root';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fromProtoPackage = createRequire(
  path.join(path.dirname(require.resolve('@temporalio/proto/package.json')), 'package.json'),
);
const { fromJson } = fromProtoPackage('protobufjs/ext/protojson') as {
  fromJson(type: unknown, json: unknown, options: unknown): unknown;
};
const historyType = (patchProtobufRoot(proto) as unknown as { lookupType(name: string): unknown }).lookupType(
  'temporal.api.history.v1.History',
);

const constantCase = (s: string) => s.replace(/[^\b][A-Z]/g, (m) => `${m[0]}_${m[1]}`).toUpperCase();
function fixEnum(obj: Json | undefined, attr: string, prefix: string): Json {
  const v = obj?.[attr];
  return typeof v === 'string' ? { [attr]: v.startsWith(prefix) ? v : `${prefix}_${constantCase(v)}` } : {};
}

/** Older tools wrote enum values in PascalCase; normalise them to the proto constant names. */
function fixEvent(e: Json): Json {
  const key = Object.keys(e).find((k) => k.endsWith('EventAttributes'));
  if (!key) throw new TypeError(`history event without attributes: ${JSON.stringify(e).slice(0, 200)}`);
  const a = e[key] as Json;
  return {
    ...e,
    ...fixEnum(e, 'eventType', 'EVENT_TYPE'),
    [key]: {
      ...a,
      ...(a.taskQueue
        ? { taskQueue: { ...a.taskQueue, ...fixEnum(a.taskQueue, 'kind', 'TASK_QUEUE_KIND') } }
        : {}),
      ...fixEnum(a, 'parentClosePolicy', 'PARENT_CLOSE_POLICY'),
      ...fixEnum(a, 'workflowIdReusePolicy', 'WORKFLOW_ID_REUSE_POLICY'),
      ...fixEnum(a, 'initiator', 'CONTINUE_AS_NEW_INITIATOR'),
      ...fixEnum(a, 'retryState', 'RETRY_STATE'),
    },
  };
}

export function historyFromJson(json: { events: Json[] }): temporal.api.history.v1.IHistory {
  if (!json || !Array.isArray(json.events)) throw new TypeError('a history JSON has an events array');
  const loaded = fromJson(historyType, { events: json.events.map(fixEvent) }, { ignoreUnknownFields: true });
  if (!loaded) throw new TypeError('invalid history JSON');
  return loaded as temporal.api.history.v1.IHistory;
}
