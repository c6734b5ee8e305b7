/**
 * Builds the configured HTTP application (not listening): global prefix api/v1 (except /health, /metrics
 * and the docs), validation, one error shape, helmet, body limit, CORS (closed unless configured), pino logs with
 * request ids, Swagger at /docs and /docs-json. Used by main.ts and by the e2e harness (in-process).
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
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
import { TokenVerifier } from './auth/token-verifier';
import { jsonBody } from './common/body';
import { ErrorResponseDto } from './common/error-response.dto';
import { createValidationPipe } from './common/validation';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsService } from './metrics/metrics.service';

export const API_PREFIX = 'api/v1';

export interface CreateApiAppOptions {
  config?: AccordConfig;
  /** A connected Client (tests); otherwise one is connected from the Temporal environment settings. */
  client?: Client;
}

export function createTokenVerifier(config: AccordConfig): TokenVerifier {
  assertAuthConfigured(config);
  const { issuer, audience, jwksUrl } = config.auth;
  if (jwksUrl) return new TokenVerifier({ kind: 'jwks', jwksUrl, issuer, audience });
  const secret = resolveJwtSecret(config, { create: true })!;
  return new TokenVerifier({ kind: 'secret', secret, issuer, audience });
}

export async function createApiApp(options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig();
  const verifier = createTokenVerifier(config);
  const client = options.client ?? lazyClient(process.env);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, verifier, client, ownsClient: !options.client }),
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  // First, so every request is timed, including those refused by helmet, body parsing or the guard.
  app.use(httpMetricsMiddleware(app.get(MetricsService)));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      // Swagger UI loads its own inline styles; everything else keeps helmet's defaults.
      contentSecurityPolicy: {
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
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

  const document = SwaggerModule.createDocument(
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
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });

  await app.init();
  return app;
}
