import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { loadPayloadKeys } from '../../../config/src/accord-config';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA } from './encryption-codec';

const key = () => randomBytes(32);
const text = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString('utf8');

describe('EncryptionCodec', () => {
  const k1 = key();
  const k2 = key();
  const codec = new EncryptionCodec({ keys: new Map([['k1', k1]]), current: 'k1' });
  const secret = defaultPayloadConverter.toPayload({ comment: 'the ministry objects to clause 4' });

  it('encrypts: no clear text, the encoding and the key id in metadata, and decodes back', async () => {
    const [sealed] = await codec.encode([secret]);
    expect(text(sealed!.data)).not.toContain('clause 4');
    expect(text(sealed!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed!.metadata![KEY_ID_METADATA])).toBe('k1');
    const [opened] = await codec.decode([sealed!]);
    expect(defaultPayloadConverter.fromPayload(opened!)).toEqual({
      comment: 'the ministry objects to clause 4',
    });
  });

  it('uses a fresh IV each time', async () => {
    const [a, b] = await codec.encode([secret, secret]);
    expect(Buffer.from(a!.data!).equals(Buffer.from(b!.data!))).toBe(false);
  });

  it('rotates: a codec with a new current key still decrypts what the old key encrypted', async () => {
    const [old] = await codec.encode([secret]);
    const rotated = new EncryptionCodec({
      keys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      current: 'k2',
    });
    const [fresh] = await rotated.encode([secret]);
    expect(text(fresh!.metadata![KEY_ID_METADATA])).toBe('k2');
    const opened = await rotated.decode([old!, fresh!]);
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([
      { comment: 'the ministry objects to clause 4' },
      { comment: 'the ministry objects to clause 4' },
    ]);
  });

  it('refuses a tampered payload and names a key it does not hold', async () => {
    const [sealed] = await codec.encode([secret]);
    const data = Buffer.from(sealed!.data!);
    data[20] ^= 1;
    await expect(codec.decode([{ ...sealed!, data }])).rejects.toThrow();
    const other = new EncryptionCodec({ keys: new Map([['k2', k2]]), current: 'k2' });
    await expect(other.decode([sealed!])).rejects.toThrow('key "k1", which is not configured');
  });

  it('passes payloads that were never encrypted through', async () => {
    expect(await codec.decode([secret])).toEqual([secret]);
  });
});

describe('loadPayloadKeys', () => {
  const b64 = key().toString('base64');
  it('reads ids and keys, the first as current unless ACCORD_PAYLOAD_KEY_ID says', () => {
    const both = `a:${b64},b:${key().toString('base64')}`;
    expect(loadPayloadKeys({ ACCORD_PAYLOAD_KEYS: both })?.current).toBe('a');
    expect(loadPayloadKeys({ ACCORD_PAYLOAD_KEYS: both, ACCORD_PAYLOAD_KEY_ID: 'b' })?.current).toBe('b');
    expect(loadPayloadKeys({})).toBeUndefined();
  });
  it('says what is wrong with a bad key', () => {
    expect(() => loadPayloadKeys({ ACCORD_PAYLOAD_KEYS: 'a:c2hvcnQ=' })).toThrow('"a" is not');
    expect(() => loadPayloadKeys({ ACCORD_PAYLOAD_KEYS: `a:${b64}`, ACCORD_PAYLOAD_KEY_ID: 'z' })).toThrow(
      'ACCORD_PAYLOAD_KEY_ID "z"',
    );
  });
});
