/**
 * The worker's Nest application context (no HTTP): configuration, the Temporal connections and the
 * Worker itself, built with the workflows bundle and the activities.
 */
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { loadConfig, loadUpdateKeys, type AccordConfig } from '../../../libs/config/src/accord-config';
import { connectWorkerConnection } from '../../../libs/temporal/src/connection';
import { accordDataConverter } from '../../../libs/temporal/src/encryption/encryption-codec';
import { TEMPORAL_CLIENT, TemporalModule } from '../../../libs/temporal/src/temporal.module';
import { activeTracing } from '../../../libs/telemetry/src/tracing';
import { withUpdateKeys } from './update-keys-bundle';

function tracingPlugins(): OpenTelemetryPlugin[] {
  const tracing = activeTracing();
  return tracing
    ? [new OpenTelemetryPlugin({ resource: tracing.resource, spanProcessor: tracing.processor })]
    : [];
}

export const ACCORD_CONFIG = Symbol('ACCORD_CONFIG');
export const WORKER_CONNECTION = Symbol('WORKER_CONNECTION');
export const TEMPORAL_WORKER = Symbol('TEMPORAL_WORKER');

export interface WorkerModuleOptions {
  config?: AccordConfig;
  /** A client for activities that drive other workflows; by default one from the environment. */
  client?: Client;
  env?: NodeJS.ProcessEnv;
}

export const WORKFLOW_INTERCEPTORS_PATH = require.resolve('../../../workflows/interceptors');

/** `index.ts` under jest/ts, `index.js` from dist/: resolved relative to this file either way. */
export const WORKFLOWS_PATH = require.resolve('../../../workflows');

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(WORKER_CONNECTION) private readonly connection: NativeConnection) {}
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerModuleOptions = {}): DynamicModule {
    const env = options.env ?? process.env;
    return {
      module: WorkerModule,
      imports: [TemporalModule.forRoot({ client: options.client, env })],
      providers: [
        { provide: ACCORD_CONFIG, useValue: options.config ?? loadConfig(env) },
        { provide: WORKER_CONNECTION, useFactory: () => connectWorkerConnection(env) },
        {
          provide: TEMPORAL_WORKER,
          inject: [ACCORD_CONFIG, WORKER_CONNECTION, TEMPORAL_CLIENT],
          useFactory: (config: AccordConfig, connection: NativeConnection, client: Client) =>
            Worker.create({
              connection,
              namespace: client.options.namespace,
              taskQueue: config.taskQueue,
              workflowsPath: WORKFLOWS_PATH,
              activities: createActivities({ config, client }),
              // The same codec as the API's client: the worker reads and writes only ciphertext payloads.
              dataConverter: accordDataConverter(config.payloadKeys),
              // Every Update must carry the API's proof (workflows/interceptors.ts); the keys go into the
              // workflow bundle, never into a workflow's input or history.
              interceptors: { workflowModules: [WORKFLOW_INTERCEPTORS_PATH] },
              bundlerOptions: { webpackConfigHook: withUpdateKeys(loadUpdateKeys(env).keys) },
              // With tracing on (libs/telemetry): workflow, Update and activity spans, children of the caller's.
              plugins: tracingPlugins(),
            }),
        },
        ConnectionCloser,
      ],
      exports: [TEMPORAL_WORKER],
    };
  }
}
