import { parseJsonBody, parseJsonText } from '../../body/parse-json.js';
import { BodyError, isWebhookError } from '../../errors.js';
import { decryptFeishu } from './envelope.js';

/** A Feishu body as JSON, decrypted when it came as `{"encrypt":"…"}`; or why it cannot be read. */
export type FeishuBody =
  | {
      readonly ok: true;
      readonly payload: unknown;
      readonly encrypted: boolean;
      /** The decrypted bytes of an encrypted body: what a retry repeats, whatever its IV. */
      readonly plain?: Uint8Array;
    }
  | { readonly ok: false; readonly encrypted: boolean; readonly error: BodyError };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{"encrypt": "<text>"}`: what Feishu sends once the app has an Encrypt Key. */
export function encryptedText(payload: unknown): string | undefined {
  return isObject(payload) && typeof payload['encrypt'] === 'string' ? payload['encrypt'] : undefined;
}

/**
 * The raw bytes as the event: JSON, and for an encrypted body the JSON inside it, decrypted with
 * `aesKey` (none in plaintext mode: an encrypted body then cannot be read). As the official SDKs
 * do, a body without `encrypt` is taken as it is; with an Encrypt Key it was still signed.
 */
export function readFeishuBody(bytes: Uint8Array, aesKey: Uint8Array | undefined): FeishuBody {
  let outer: unknown;
  try {
    outer = parseJsonBody(bytes);
  } catch (error) {
    return failed(error, false);
  }
  const encrypt = encryptedText(outer);
  if (encrypt === undefined) return { ok: true, payload: outer, encrypted: false };
  if (aesKey === undefined) {
    return {
      ok: false,
      encrypted: true,
      error: new BodyError(
        400,
        'DECRYPTION_FAILED',
        'The body is encrypted but no encryptKey is configured; set it to the Encrypt Key of the app',
      ),
    };
  }
  const decrypted = decryptFeishu(aesKey, encrypt);
  if (!decrypted.ok) {
    return {
      ok: false,
      encrypted: true,
      error: new BodyError(400, 'DECRYPTION_FAILED', `Cannot decrypt the body: ${decrypted.reason}`),
    };
  }
  try {
    return {
      ok: true,
      payload: parseJsonText(decrypted.text, 'The decrypted body'),
      encrypted: true,
      plain: decrypted.bytes,
    };
  } catch (error) {
    return failed(error, true);
  }
}

function failed(error: unknown, encrypted: boolean): FeishuBody {
  if (isWebhookError(error) && error instanceof BodyError) return { ok: false, encrypted, error };
  throw error;
}
