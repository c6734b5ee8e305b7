/**
 * Builds the configured HTTP application (not listening): global prefix api/v1 (except /health, /metrics
 * and the docs), the web console at / (web/console-policy.ts), validation, one error shape, helmet, body limit, CORS (closed unless configured), pino logs with
 * request ids, Swagger at /docs and /docs-json. Used by main.ts and by the e2e harness (in-process).
 */
import 'reflect-metadata';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundException, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { loadConfig, type AccordConfig } from '../../../libs/config/src/accord-config';
import { lazyClient } from '../../../libs/temporal/src/connection';
import { AppModule } from './app.module';
import { assertAuthConfigured, resolveJwtSecret } from './auth/jwt-secret';
import type { DirectorySigner } from './auth/sign-in.controller';
import { directorySignInEnabled, seededIdentitiesWarning } from './auth/sign-in-mode';
import { TokenVerifier } from './auth/token-verifier';
import { errorBody } from './common/all-exceptions.filter';
import { jsonBody } from './common/body';
import { ErrorResponseDto } from './common/error-response.dto';
import { methodNotAllowed } from './common/method-not-allowed';
import { completeDocument } from './common/openapi-completion';
import { addKnownIds, addValidatorConstraints } from './common/openapi-constraints';
import { Catalogue } from './definitions/catalogue';
import { listUsers } from '../../../libs/directory/src/directory';
import { requestIdOf } from './common/request-id';
import { createValidationPipe } from './common/validation';
import { httpMetricsMiddleware, routeTemplateOf } from './metrics/http-metrics.middleware';
import { httpTracingMiddleware } from '../../../libs/telemetry/src/http-tracing.middleware';
import { activeTracing } from '../../../libs/telemetry/src/tracing';
import { MetricsService } from './metrics/metrics.service';
import { contentSecurityPolicy } from './web/console-policy';

export const API_PREFIX = 'api/v1';

export interface CreateApiAppOptions {
  config?: AccordConfig;
  /** A connected Client (tests); otherwise one is connected from the Temporal environment settings. */
  client?: Client;
}

export function createTokenVerifier(config: AccordConfig): TokenVerifier {
  assertAuthConfigured(config);
  const { issuer, audience, jwksUrl } = config.auth;
  const maxLifetimeSeconds = Math.floor(config.auth.maxTokenLifetimeMs / 1000);
  if (jwksUrl) return new TokenVerifier({ kind: 'jwks', jwksUrl, issuer, audience, maxLifetimeSeconds });
  const secret = resolveJwtSecret(config, { create: true })!;
  return new TokenVerifier({ kind: 'secret', secret, issuer, audience, maxLifetimeSeconds });
}

/** Directory sign-in signs with the generated secret the verifier trusts (sign-in-mode.ts decides when). */
function directorySigner(config: AccordConfig): DirectorySigner | undefined {
  if (!directorySignInEnabled(config)) return undefined;
  const { issuer, audience } = config.auth;
  return {
    secret: resolveJwtSecret(config, { create: true })!,
    issuer,
    audience,
    maxLifetimeSeconds: Math.floor(config.auth.maxTokenLifetimeMs / 1000),
  };
}

export async function createApiApp(options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig();
  const verifier = createTokenVerifier(config);
  const client = options.client ?? lazyClient(process.env);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      config,
      verifier,
      client,
      ownsClient: !options.client,
      directory: directorySigner(config),
    }),
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  const seeded = seededIdentitiesWarning(config);
  if (seeded) app.get(Logger).warn(seeded, 'Auth');
  // First, so every request is timed, including those refused by helmet, body parsing or the guard.
  if (activeTracing()) app.use(httpTracingMiddleware(routeTemplateOf));
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      // The web console and Swagger UI (web/console-policy.ts); everything else keeps helmet's defaults.
      contentSecurityPolicy: { directives: contentSecurityPolicy(config) },
    }),
  );
  app.use(jsonBody(config.api.bodyLimit));
  app.enableCors(
    config.api.corsOrigins.length
      ? { origin: config.api.corsOrigins, exposedHeaders: ['X-Request-Id'] }
      : { origin: false },
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());

  const catalogue = app.get(Catalogue);
  const known = {
    definitions: catalogue.listDefinitions().map((d) => d.id),
    initiatives: catalogue.listInitiatives().map((i) => i.id),
    users: listUsers().map((u) => u.id),
  };
  const document = completeDocument(
    addKnownIds(
      addValidatorConstraints(
        SwaggerModule.createDocument(
          app,
          new DocumentBuilder()
            .setTitle('Accord API')
            .setDescription(
              'Workflow and approval engine for the Japan–Canada Comprehensive Strategic Roadmap. ' +
                'Every endpoint but /health and the docs needs `Authorization: Bearer <JWT>` ' +
                '(claims sub, name, party JP|CA, org, roles). Errors share one shape: ErrorResponseDto.',
            )
            .setVersion('1')
            .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
            .build(),
          { extraModels: [ErrorResponseDto] },
        ),
        app,
      ),
      known,
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  // Before the routes (registered by init): a declared path with an undeclared method is a 405.
  app.use(methodNotAllowed(document));

  await app.init();
  // Nest answers unknown paths under its prefix; the rest (a missing console asset, a POST to a console
  // path) gets the same JSON 404 here instead of Express's HTML page.
  app.use((req: IncomingMessage, res: ServerResponse) => {
    const body = errorBody(new NotFoundException(`Cannot ${req.method} ${req.url}`), requestIdOf(req, res));
    res.statusCode = 404;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  });
  return app;
}
