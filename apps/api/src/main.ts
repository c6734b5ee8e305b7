/** Starts the HTTP API alone (npm run start:api, or as part of npm start). */
import { ConfigError, loadConfig } from '../../../libs/config/src/accord-config';
import { startTracing } from '../../../libs/telemetry/src/tracing';
import { createApiApp } from './app.factory';
import { webConsoleBuilt } from './web/console-policy';

async function main(): Promise<void> {
  const config = loadConfig();
  // Before any Temporal client exists: with OTEL_EXPORTER_OTLP_ENDPOINT, requests are traced end to end.
  const tracing = startTracing('accord-api');
  const app = await createApiApp({ config });
  await app.listen(config.api.port, config.api.host);
  // Idle keep-alive sockets outlive those of the clients and proxies in front (60 s is the usual idle timeout
  // of a load balancer): the server closing first races a client reusing the socket, which meets ECONNRESET.
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  if (!webConsoleBuilt(config))
    process.stderr.write(
      `accord-api: the web console is not built (${config.web.dir}); \`npm run build\` builds it\n`,
    );
  // Graceful stop: close the HTTP server and the Temporal connection (shutdown hooks run), exit 0.
  const stop = (signal: NodeJS.Signals) => {
    process.stderr.write(`accord-api: ${signal}, shutting down\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  const detail =
    err instanceof ConfigError
      ? err.message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err);
  process.stderr.write(`accord-api failed to start: ${detail}\n`);
  process.exit(1);
});
