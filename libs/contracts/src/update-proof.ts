/**
 * The proof that an Update was sent by Accord's API (or another holder of an update key), not by any
 * client that can reach Temporal's frontend: an HMAC-SHA256 over the workflow id, the Update's name, a
 * digest of its arguments (the principal among them) and an expiry, carried in the Update's header.
 * The start of a workflow carries the same kind of proof (`proveStart`), over its workflow id, type and
 * input, under the same keys (a domain of its own: an Update's proof never passes for a start's).
 *
 * Pure JavaScript (@noble/hashes), no Node builtins: the same code signs in the API's Temporal client and
 * verifies inside the workflow sandbox (workflows/interceptors.ts), deterministically.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils';

/** The Update header that carries the proof. */
export const UPDATE_PROOF_HEADER = 'accord-update-proof';

/** How long a proof is accepted after it is made: a retry within this window reuses its Update. */
export const UPDATE_PROOF_TTL_MS = 5 * 60_000;

/** Key id → key bytes as hex (hex: the workflow sandbox has no Buffer). */
export type UpdateKeyRing = Record<string, string>;

export interface UpdateToProve {
  workflowId: string;
  updateName: string;
  args: unknown[];
}

/** JSON with object keys sorted, of the arguments as the workflow will receive them (after JSON). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const digestOf = (args: unknown[]) => bytesToHex(sha256(utf8ToBytes(canonicalJson(args))));

const hmacHex = (keyHex: string, parts: string[]) =>
  bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(parts.join('\n'))));

function mac(keyHex: string, keyId: string, expiresAt: number, u: UpdateToProve): string {
  return hmacHex(keyHex, [
    'accord-update-v1',
    keyId,
    String(expiresAt),
    u.workflowId,
    u.updateName,
    digestOf(u.args),
  ]);
}

/** `<key id>.<expiry ms>.<hmac hex>`. `args` are first passed through JSON, as the payload converter does. */
export function proveUpdate(keyId: string, keyHex: string, u: UpdateToProve, now: number): string {
  const expiresAt = now + UPDATE_PROOF_TTL_MS;
  const args = JSON.parse(JSON.stringify(u.args ?? [])) as unknown[];
  return `${keyId}.${expiresAt}.${mac(keyHex, keyId, expiresAt, { ...u, args })}`;
}

/** Constant-time comparison of two hex strings of the same length. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Null when the proof holds; otherwise why not (said to the sender, without revealing anything secret). */
export function checkUpdateProof(
  keys: UpdateKeyRing,
  proof: unknown,
  u: UpdateToProve,
  now: number,
): string | null {
  if (typeof proof !== 'string' || proof === '') {
    return `Update "${u.updateName}" carries no ${UPDATE_PROOF_HEADER} header: send it through the Accord API`;
  }
  const m = /^([A-Za-z0-9._-]{1,64})\.(\d{1,16})\.([0-9a-f]{64})$/.exec(proof);
  if (!m) return `The ${UPDATE_PROOF_HEADER} header of "${u.updateName}" is malformed`;
  const [, keyId, exp, sig] = m as unknown as [string, string, string, string];
  const key = keys[keyId];
  if (!key) return `The ${UPDATE_PROOF_HEADER} header of "${u.updateName}" names an unknown key "${keyId}"`;
  if (Number(exp) < now) return `The ${UPDATE_PROOF_HEADER} header of "${u.updateName}" expired`;
  if (!sameHex(mac(key, keyId, Number(exp), u), sig)) {
    return `The ${UPDATE_PROOF_HEADER} header of "${u.updateName}" does not match its workflow, name and arguments`;
  }
  return null;
}

/** The start header that carries the proof (workflow.start, update-with-start, signal-with-start). */
export const START_PROOF_HEADER = 'accord-start-proof';

/** The failure type of a run whose start carries no valid proof. */
export const UNAUTHENTICATED_START = 'UNAUTHENTICATED_START';

export interface StartToProve {
  workflowId: string;
  workflowType: string;
  args: unknown[];
}

/**
 * Eight hex digits that tell which key made a proof, revealing nothing of it (an HMAC of a constant): the
 * worker can then say "made with another key" apart from "made for other input".
 */
const keyCheck = (keyHex: string) => hmacHex(keyHex, ['accord-key-check-v1']).slice(0, 8);

function startMac(keyHex: string, keyId: string, expiresAt: number, s: StartToProve): string {
  return hmacHex(keyHex, [
    'accord-start-v1',
    keyId,
    String(expiresAt),
    s.workflowId,
    s.workflowType,
    digestOf(s.args),
  ]);
}

/**
 * `<key id>.<expiry ms>.<key check>.<hmac hex>`. `args` are first passed through JSON, as the payload
 * converter does. Valid for UPDATE_PROOF_TTL_MS: the worker compares the expiry with the time the server
 * recorded the start, so a worker that comes late does not refuse a start that was on time.
 */
export function proveStart(keyId: string, keyHex: string, s: StartToProve, now: number): string {
  const expiresAt = now + UPDATE_PROOF_TTL_MS;
  const args = JSON.parse(JSON.stringify(s.args ?? [])) as unknown[];
  return `${keyId}.${expiresAt}.${keyCheck(keyHex)}.${startMac(keyHex, keyId, expiresAt, { ...s, args })}`;
}

/**
 * Null when the start's proof holds; otherwise why not, for the failure of the run (nothing secret in it).
 * `startedAt`: when the server recorded the start.
 */
export function checkStartProof(
  keys: UpdateKeyRing,
  proof: unknown,
  s: StartToProve,
  startedAt: number,
): string | null {
  const what = `The start of ${s.workflowType} "${s.workflowId}"`;
  if (typeof proof !== 'string' || proof === '') {
    return `${what} carries no ${START_PROOF_HEADER} header (no proof): start processes through the Accord API`;
  }
  const m = /^([A-Za-z0-9._-]{1,64})\.(\d{1,16})\.([0-9a-f]{8})\.([0-9a-f]{64})$/.exec(proof);
  if (!m) return `${what}: its ${START_PROOF_HEADER} header is malformed`;
  const [, keyId, exp, check, sig] = m as unknown as [string, string, string, string, string];
  const key = keys[keyId];
  if (!key) return `${what}: its ${START_PROOF_HEADER} names an unknown key id "${keyId}"`;
  if (!sameHex(keyCheck(key), check)) {
    return `${what}: its ${START_PROOF_HEADER} was made with another key than the worker's "${keyId}"`;
  }
  if (!sameHex(startMac(key, keyId, Number(exp), s), sig)) {
    return `${what}: its ${START_PROOF_HEADER} was made for other input (it does not match this workflow id, type, input and expiry)`;
  }
  if (Number(exp) < startedAt) {
    return `${what}: its ${START_PROOF_HEADER} expired ${startedAt - Number(exp)} ms before the start was recorded`;
  }
  return null;
}
