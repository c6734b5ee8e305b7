/** The HTTP application: every resource module, the global auth guard, validation and error filter. */
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import type { AccordConfig } from '../../../libs/config/src/accord-config';
import { TemporalModule } from '../../../libs/temporal/src/temporal.module';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard';
import {
  AuthConfigController,
  DIRECTORY_SIGNER,
  DirectorySignInController,
  type DirectorySigner,
} from './auth/sign-in.controller';
import type { TokenVerifier } from './auth/token-verifier';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { requestIdOf } from './common/request-id';
import { CalendarsModule } from './calendars/calendars.module';
import { DefinitionsModule } from './definitions/definitions.module';
import { DelegationsModule } from './delegations/delegations.module';
import { HealthController } from './health/health.controller';
import { InboxModule } from './inbox/inbox.module';
import { MeController } from './me/me.controller';
import { MetricsModule } from './metrics/metrics.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { ProcessesModule } from './processes/processes.module';
import { RolesModule } from './roles/roles.module';
import { AddressRateLimitGuard, throttlerOptions, UserRateLimitGuard } from './rate-limit/rate-limit.guards';
import { CoreModule } from './temporal/gateway.module';
import { webConsoleModule } from './web/web-console.module';

export interface AppModuleOptions {
  config: AccordConfig;
  verifier: TokenVerifier;
  client: Client;
  /** Close the client's connection when the app closes (it was created for the app). */
  ownsClient: boolean;
  /** Directory sign-in (only on the API's own generated secret): its controller exists only then. */
  directory?: DirectorySigner;
}

@Module({})
export class AppModule {
  static forRoot({ config, verifier, client, ownsClient, directory }: AppModuleOptions): DynamicModule {
    const webConsole = webConsoleModule(config);
    return {
      module: AppModule,
      imports: [
        TemporalModule.forRoot({ client, closeGivenClient: ownsClient }),
        MetricsModule.forRoot({ token: config.api.metricsToken }),
        CoreModule.forRoot(config),
        DefinitionsModule,
        RolesModule,
        DelegationsModule,
        CalendarsModule,
        ProcessesModule,
        InboxModule,
        MonitoringModule,
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot(throttlerOptions(config.rateLimits)),
        ...(webConsole ? [webConsole] : []),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestIdOf,
            // Never log credentials: tokens, cookies, secrets in bodies.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-api-key"]',
                'res.headers["set-cookie"]',
                '*.jwtSecret',
                '*.secret',
                '*.password',
                '*.token',
              ],
              censor: '[redacted]',
            },
            customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            // Probes and scrapes every few seconds would drown the request log.
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
        }),
      ],
      controllers: [
        HealthController,
        MeController,
        AuthConfigController,
        ...(directory ? [DirectorySignInController] : []),
      ],
      providers: [
        ...(directory ? [{ provide: DIRECTORY_SIGNER, useValue: directory }] : []),
        { provide: TOKEN_VERIFIER, useValue: verifier },
        // Global guards run in this order: the address budget, the token, then the user's budget.
        { provide: APP_GUARD, useClass: AddressRateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
