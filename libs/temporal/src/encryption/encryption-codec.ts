/**
 * A PayloadCodec that encrypts every payload with AES-256-GCM (after temporalio/samples-typescript
 * `encryption`), so Temporal's database and its UI without the key hold only ciphertext. Each encrypted
 * payload names the key it was encrypted with (`encryption-key-id`): new payloads use the current key,
 * every configured key still decrypts, so keys rotate without re-encrypting history. Payloads that are
 * not encrypted (written before encryption was turned on) pass through unchanged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeys } from '../../../config/src/accord-config';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeys) {
    const current = keys.keys.get(keys.current);
    if (!current) throw new Error(`the current payload key "${keys.current}" is not among the keys`);
    for (const [id, key] of keys.keys) {
      if (key.length !== 32) throw new Error(`payload key "${id}" must be 32 bytes, got ${key.length}`);
    }
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.keys.keys.get(this.keys.current)!, iv);
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: utf8(this.keys.current),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
      const key = keyId === undefined ? undefined : this.keys.keys.get(keyId);
      if (!key) throw new Error(`payload encrypted with key "${keyId}", which is not configured`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      if (data.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted payload is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return temporal.api.common.v1.Payload.decode(plain) as Payload;
    });
  }
}

/** The data converter of every Accord client and worker: the codec when payload keys are configured. */
export function accordDataConverter(keys: PayloadKeys | undefined): { payloadCodecs?: PayloadCodec[] } {
  return keys ? { payloadCodecs: [new EncryptionCodec(keys)] } : {};
}
