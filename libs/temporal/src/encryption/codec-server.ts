/**
 * Temporal's remote codec endpoint (POST /encode, POST /decode with `{ payloads: [...] }`, bytes in
 * base64), so the Temporal UI (Settings → Codec Server) and the CLI (`temporal --codec-endpoint`) show the
 * data to operators who can reach it — and, with ACCORD_CODEC_TOKEN set, present `Authorization: Bearer
 * <token>` (`--codec-auth`). Bound to loopback by default: it decrypts for whoever reaches it.
 */
import { timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface CodecServerOptions {
  codec: PayloadCodec;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Origins allowed by CORS (the Temporal UI's), e.g. http://localhost:8080. */
  corsOrigins?: string[];
  /** Largest request body (bytes). */
  maxBody?: number;
}

const fromJson = (p: JsonPayload): Payload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
  ),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload): JsonPayload => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

function sameToken(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function createCodecServer(options: CodecServerOptions): http.Server {
  const maxBody = options.maxBody ?? 4 << 20;
  return http.createServer((req, res) => {
    const origin = req.headers.origin;
    if (origin && options.corsOrigins?.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, x-namespace, authorization');
      res.setHeader('Vary', 'Origin');
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const action = req.url?.split('?')[0];
    if (req.method !== 'POST' || (action !== '/encode' && action !== '/decode'))
      return send(404, { message: 'POST /encode or POST /decode' });
    if (options.token && !sameToken(req.headers.authorization, options.token))
      return send(401, { message: 'a valid bearer token is required' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) {
        send(413, { message: `body larger than ${maxBody} bytes` });
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', async () => {
      if (res.headersSent) return;
      let payloads: Payload[];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { payloads?: JsonPayload[] };
        if (!Array.isArray(body.payloads)) throw new Error('payloads must be an array');
        payloads = body.payloads.map(fromJson);
      } catch (err) {
        return send(400, { message: `body must be {"payloads": [...]}: ${(err as Error).message}` });
      }
      try {
        const out =
          action === '/encode' ? await options.codec.encode(payloads) : await options.codec.decode(payloads);
        send(200, { payloads: out.map(toJson) });
      } catch (err) {
        send(400, { message: (err as Error).message });
      }
    });
  });
}
