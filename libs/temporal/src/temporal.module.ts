/**
 * Nest module providing a Temporal Client (settings from @temporalio/envconfig, see connection.ts),
 * injected with `@Inject(TEMPORAL_CLIENT)`. The connection is closed when the application shuts down.
 */
import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { connectClient } from './connection';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
const OWNS_CLIENT = Symbol('ACCORD_TEMPORAL_OWNS_CLIENT');

export interface TemporalModuleOptions {
  /** Use this client (tests, or a caller that already connected); by default the module does not close it. */
  client?: Client;
  /** Close the given client's connection on shutdown too (the caller created it for this application). */
  closeGivenClient?: boolean;
  env?: NodeJS.ProcessEnv;
}

@Injectable()
class TemporalClientCloser implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(OWNS_CLIENT) private readonly owned: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.owned) await this.client.connection.close();
  }
}

@Module({})
export class TemporalModule {
  static forRoot(options: TemporalModuleOptions = {}): DynamicModule {
    return {
      module: TemporalModule,
      global: true,
      providers: [
        {
          provide: TEMPORAL_CLIENT,
          useFactory: async () => options.client ?? (await connectClient(options.env ?? process.env)),
        },
        { provide: OWNS_CLIENT, useValue: !options.client || options.closeGivenClient === true },
        TemporalClientCloser,
      ],
      exports: [TEMPORAL_CLIENT],
    };
  }
}
