import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { defaultPayloadConverter } from '@temporalio/common';
import { createCodecServer } from './codec-server';
import { EncryptionCodec } from './encryption-codec';

describe('codec endpoint', () => {
  const codec = new EncryptionCodec({ keys: new Map([['k1', randomBytes(32)]]), current: 'k1' });
  const server = createCodecServer({
    codec,
    token: 'operator-token',
    corsOrigins: ['http://localhost:8080'],
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const b64 = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('base64');
  const post = (path: string, body: unknown, token = 'operator-token') =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        origin: 'http://localhost:8080',
      },
      body: JSON.stringify(body),
    });

  it('decodes what the worker encrypted, in the remote codec JSON format', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload('approved, see annex B')]);
    const res = await post('/decode', {
      payloads: [
        {
          metadata: {
            encoding: b64(sealed!.metadata!.encoding),
            'encryption-key-id': b64(sealed!.metadata!['encryption-key-id']),
          },
          data: b64(sealed!.data),
        },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const { payloads } = (await res.json()) as {
      payloads: { metadata: Record<string, string>; data: string }[];
    };
    expect(Buffer.from(payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    expect(Buffer.from(payloads[0]!.data, 'base64').toString()).toBe('"approved, see annex B"');
  });

  it('refuses a missing or wrong token, a malformed body and other paths', async () => {
    expect((await post('/decode', { payloads: [] }, 'wrong')).status).toBe(401);
    expect((await post('/decode', { nope: 1 })).status).toBe(400);
    expect((await post('/other', { payloads: [] })).status).toBe(404);
  });
});
