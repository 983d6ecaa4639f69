import type { IncomingMessage } from 'node:http';
import {
  isWebhookError,
  type Provider,
  type ReceiverLike,
  verify,
  WebhookError,
  type WebhookResponse,
} from '@hookguard/core';
import { errorResponse, nodeRequestHead, readBody } from '@hookguard/core/adapter';
import { type ReplyReading, readReply, type SenderProfile } from '../senders/sender-profile.js';
import type { ForwardReport } from './forward.js';

/** Everything `listen` reports about one delivery. */
export interface Delivery {
  readonly at: Date;
  readonly method: string;
  readonly url: string;
  /** Header names in the case and order they arrived: what the sender really wrote. */
  readonly rawHeaders: readonly (readonly [string, string])[];
  readonly chunked: boolean;
  readonly bytes: number;
  /** The exact body, so `hookguard doctor` can re-verify a saved line. */
  readonly bodyBase64: string;
  /** A secret proved the delivery authentic. Never true when `listen` runs without a secret. */
  readonly verified: boolean;
  /**
   * Why a delivery the receiver let through is nevertheless not verified: `listen` has no secret
   * (NapCat and Tencent can send unsigned), so nothing was checked and anyone could have sent it.
   */
  readonly unverified: 'no secret' | undefined;
  /** Why the receiver refused it, or why an accepted delivery failed (a handler's reply the event cannot carry). */
  readonly error: { readonly code: string; readonly message: string } | undefined;
  /**
   * The sender checked the endpoint (Discord's PING, QQ's URL validation): the provider answered
   * it itself and no handler ran. `event` is then undefined.
   */
  readonly handshake: boolean;
  readonly event: string | undefined;
  /** false: authentic, but no schema knew it (it reaches `unknown` handlers). */
  readonly known: boolean | undefined;
  readonly payload: unknown;
  readonly issues: readonly unknown[];
  readonly response: WebhookResponse;
  readonly reading: ReplyReading;
  /** For a delivery refused over its proof: the known mistake that explains it, if one does. */
  readonly diagnosis?: DeliveryDiagnosis;
  /** With `--forward-to`: where the delivery went and whether the app answered (`response` is then what the sender got). */
  readonly forwarded?: ForwardReport;
}

/** `hookguard doctor`'s reading of a refused delivery, as `listen` prints it. */
export interface DeliveryDiagnosis {
  readonly verdict: 'explained' | 'unexplained';
  readonly mistake?: string;
  readonly message: string;
}

/**
 * Runs one request through the real pipeline (`receiver.handle`, so the answer is exactly what
 * an app would send) and, beside it, through `verify()` to learn the event name and typed
 * payload for the report. The body is read once; both see the same bytes.
 */
export async function receiveDelivery(
  req: IncomingMessage,
  sender: SenderProfile,
  provider: Provider,
  receiver: ReceiverLike,
): Promise<Delivery> {
  const head = nodeRequestHead(req);
  const base = {
    at: new Date(),
    method: head.method,
    url: head.url,
    rawHeaders: pairs(req.rawHeaders),
    chunked: /chunked/i.test(String(req.headers['transfer-encoding'] ?? '')),
  };
  let body: Uint8Array;
  try {
    body = await readBody(req, {
      contentLength: req.headers['content-length'],
      contentEncoding: req.headers['content-encoding'],
    });
  } catch (error) {
    const refusal = isWebhookError(error) ? error : new WebhookError(400, 'BODY_ABORTED', String(error));
    const response = errorResponse(refusal);
    return {
      ...base,
      bytes: 0,
      bodyBase64: '',
      verified: false,
      unverified: undefined,
      error: { code: refusal.code, message: refusal.message },
      handshake: false,
      event: undefined,
      known: undefined,
      payload: undefined,
      issues: [],
      response,
      reading: readReply(sender, { status: response.status, body: response.body }),
    };
  }
  const request = { ...head, body };
  const [checked, response] = await Promise.all([verify(provider, request), receiver.handle(request)]);
  const handshake = checked.ok && checked.handshake !== undefined;
  const event = checked.ok && !handshake ? checked.event : undefined;
  const refusedBy = errorOf(response);
  // A 4xx is a refusal before any handler (405, 415, 401...); a 5xx came after verification.
  const accepted = checked.ok && (response.status < 400 || response.status >= 500);
  // The verifier names the secret that matched; none matched when there is none to match.
  const proved = checked.ok && checked.secretIndex !== undefined;
  return {
    ...base,
    bytes: body.length,
    bodyBase64: Buffer.from(body).toString('base64'),
    verified: accepted && proved,
    unverified: accepted && !proved ? 'no secret' : undefined,
    error:
      refusedBy ?? (checked.ok ? undefined : { code: checked.error.code, message: checked.error.message }),
    handshake,
    event: event?.name,
    known: event?.known,
    // A handshake's body is worth seeing too: it is what the sender checks the endpoint with.
    payload: checked.ok ? checked.event.payload : undefined,
    issues: event?.issues ?? [],
    response,
    reading: readReply(sender, { status: response.status, body: response.body, event: event?.name }),
  };
}

function errorOf(response: WebhookResponse): { code: string; message: string } | undefined {
  if (response.status < 400) return undefined;
  try {
    const parsed = JSON.parse(response.body) as {
      error?: { code?: unknown; message?: unknown } | string;
      errcode?: unknown;
    };
    // Matrix's own form: {"errcode": "M_FORBIDDEN", "error": "…"}.
    if (typeof parsed.errcode === 'string') {
      return { code: parsed.errcode, message: typeof parsed.error === 'string' ? parsed.error : '' };
    }
    const error = typeof parsed.error === 'object' ? parsed.error : undefined;
    return { code: String(error?.code ?? response.status), message: String(error?.message ?? '') };
  } catch {
    return { code: String(response.status), message: response.body };
  }
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let index = 0; index + 1 < raw.length; index += 2) out.push([raw[index]!, raw[index + 1]!]);
  return out;
}
