/**
 * The codec endpoint for the Temporal UI and CLI (libs/temporal/src/encryption/codec-server.ts), with
 * the same payload keys as the API and the worker.
 *   ACCORD_PAYLOAD_KEYS=… node dist/apps/codec-server/src/main.js
 *   temporal workflow show -w <process id> --codec-endpoint http://127.0.0.1:8888
 */
import { loadConfig } from '../../../libs/config/src/accord-config';
import { createCodecServer } from '../../../libs/temporal/src/encryption/codec-server';
import { EncryptionCodec } from '../../../libs/temporal/src/encryption/encryption-codec';

const config = loadConfig();
if (!config.payloadKeys) {
  process.stderr.write('ACCORD_PAYLOAD_KEYS is not set: there is nothing to decode\n');
  process.exit(1);
}
const server = createCodecServer({
  codec: new EncryptionCodec(config.payloadKeys),
  token: config.codec.token,
  corsOrigins: config.codec.corsOrigins,
});
server.listen(config.codec.port, config.codec.host, () => {
  process.stdout.write(`codec endpoint on http://${config.codec.host}:${config.codec.port}\n`);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.close(() => process.exit(0)));
