import { generateKeyPairSync, sign } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import { describe, expect, it } from 'vitest';
import {
  ed25519PrivateKey,
  ed25519PublicKey,
  ed25519RawPublicKey,
  signEd25519,
  verifyEd25519,
} from '../src/crypto/ed25519.js';
import type { VerifyInput } from '../src/provider.js';
import { type Ed25519Rule, verifyEd25519Signature } from '../src/sender-toolkit/ed25519-signature.js';

const hex = (text: string) => Buffer.from(text, 'hex');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

// RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte).
const RFC_SEED = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_EMPTY_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';
const RFC2_SEED = hex('4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb');
const RFC2_PUBLIC = '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c';
const RFC2_SIGNATURE =
  '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00';

describe('Ed25519 primitives against RFC 8032', () => {
  it('derives the public key of a seed and signs as the RFC does', () => {
    const key = ed25519PrivateKey(RFC_SEED);
    expect(ed25519RawPublicKey(key).toString('hex')).toBe(RFC_PUBLIC);
    expect(signEd25519(key, [new Uint8Array(0)]).toString('hex')).toBe(RFC_EMPTY_SIGNATURE);
    const second = ed25519PrivateKey(RFC2_SEED);
    expect(ed25519RawPublicKey(second).toString('hex')).toBe(RFC2_PUBLIC);
    expect(signEd25519(second, [hex('72')]).toString('hex')).toBe(RFC2_SIGNATURE);
  });

  it('verifies the RFC signatures with a key parsed from raw bytes', () => {
    expect(
      verifyEd25519(ed25519PublicKey(hex(RFC_PUBLIC)), [new Uint8Array(0)], hex(RFC_EMPTY_SIGNATURE)),
    ).toBe(true);
    expect(verifyEd25519(ed25519PublicKey(hex(RFC2_PUBLIC)), [hex('72')], hex(RFC2_SIGNATURE))).toBe(true);
  });

  it('signs the parts as one message, strings as UTF-8', () => {
    const key = ed25519PrivateKey(RFC_SEED);
    const whole = signEd25519(key, [utf8('1700000000{"content":"哦一下"}')]);
    expect(signEd25519(key, ['1700000000', utf8('{"content":"哦一下"}')])).toEqual(whole);
  });

  it('refuses a changed message, a changed signature, a wrong length and a malleated S', () => {
    const publicKey = ed25519PublicKey(hex(RFC2_PUBLIC));
    const signature = hex(RFC2_SIGNATURE);
    expect(verifyEd25519(publicKey, [hex('73')], signature)).toBe(false);
    const flipped = Buffer.from(signature);
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(verifyEd25519(publicKey, [hex('72')], flipped)).toBe(false);
    expect(verifyEd25519(publicKey, [hex('72')], signature.subarray(0, 63))).toBe(false);
    expect(verifyEd25519(publicKey, [hex('72')], Buffer.concat([signature, hex('00')]))).toBe(false);
    // An S of 2^253 or more is above the group order: a verifier that skips the S < L check could accept it.
    for (const bits of [0x20, 0x40, 0x80]) {
      const high = Buffer.from(signature);
      high[63] = (high[63] as number) | bits;
      expect(verifyEd25519(publicKey, [hex('72')], high)).toBe(false);
    }
  });

  it('refuses keys and seeds of the wrong size at construction', () => {
    expect(() => ed25519PublicKey(hex(RFC_PUBLIC).subarray(1))).toThrow(/32 bytes, not 31/);
    expect(() => ed25519PrivateKey(new Uint8Array(33))).toThrow(/32 bytes, not 33/);
  });
});

// Discord publishes no vector: this one is derived from RFC 8032 TEST 1's key over Discord's PING.
const DISCORD_PING_SIGNATURE =
  '1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f';

function input(
  headers: Record<string, string>,
  body: string | Uint8Array,
  now = 1_700_000_000_000,
): VerifyInput {
  return {
    method: 'POST',
    path: '/',
    headers,
    query: new URLSearchParams(),
    body: typeof body === 'string' ? utf8(body) : body,
    now,
  };
}

const rule = (keys: readonly string[], toleranceMs?: number): Ed25519Rule => ({
  signatureHeader: 'x-signature-ed25519',
  timestampHeader: 'x-signature-timestamp',
  publicKeys: keys.map((key) => ed25519PublicKey(hex(key))),
  toleranceMs,
});

describe('verifyEd25519Signature: hex(Ed25519(timestamp ‖ body)) in headers', () => {
  const ping = { 'x-signature-ed25519': DISCORD_PING_SIGNATURE, 'x-signature-timestamp': '1700000000' };

  it('accepts the PING signed by the RFC key, and says which key verified', () => {
    expect(verifyEd25519Signature(rule([RFC_PUBLIC]), input(ping, '{"type":1}'))).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyEd25519Signature(rule([RFC2_PUBLIC, RFC_PUBLIC]), input(ping, '{"type":1}'))).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it('accepts QQ’s own event vector: CJK body, signed as raw bytes', () => {
    // botgo interaction/signature/interaction_test.go: AppSecret 123456abcdef, repeated to a 32-byte seed.
    const publicKey = ed25519RawPublicKey(
      ed25519PrivateKey(utf8('123456abcdef123456abcdef123456ab')),
    ).toString('hex');
    const body =
      '{"id":"ROBOT1.0_veoihSEXDc8Q.g-6eLpNIa11bH8MisOjn-m-LKxCPntMk6exUXgcWCGpVO7L2QKTNZzjZzFFDSbiOFcqAPWyVA!!","content":"哦一下","timestamp":"2024-10-15T16:33:15+08:00","author":{"id":"675860273","user_openid":"675860273"}}';
    const headers = {
      'x-signature-ed25519':
        'e949b5b94ef4103df903fb031d1d16e358db3db83e79e117edd404c8508be3ce8a76d7bad1bed353194c126a1a5915b4ad8b5288c1191cc53a12acffccd82004',
      'x-signature-timestamp': '1728981195',
    };
    expect(verifyEd25519Signature(rule([publicKey]), input(headers, body)).ok).toBe(true);
    expect(verifyEd25519Signature(rule([publicKey]), input(headers, body.replace('哦', '噢'))).ok).toBe(
      false,
    );
  });

  const refusals: [string, Record<string, string>, string][] = [
    ['no signature', { 'x-signature-timestamp': '1700000000' }, 'SIGNATURE_MISSING'],
    ['no timestamp', { 'x-signature-ed25519': DISCORD_PING_SIGNATURE }, 'TIMESTAMP_MISSING'],
    [
      'a short signature',
      { ...ping, 'x-signature-ed25519': DISCORD_PING_SIGNATURE.slice(2) },
      'SIGNATURE_MALFORMED',
    ],
    [
      'a non-hex signature',
      { ...ping, 'x-signature-ed25519': `${DISCORD_PING_SIGNATURE.slice(1)}g` },
      'SIGNATURE_MALFORMED',
    ],
    ['another timestamp', { ...ping, 'x-signature-timestamp': '1700000001' }, 'SIGNATURE_MISMATCH'],
    ['a signature over another body', ping, 'SIGNATURE_MISMATCH'],
  ];
  for (const [name, headers, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => {
      const body = name === 'a signature over another body' ? '{"type":2}' : '{"type":1}';
      const outcome = verifyEd25519Signature(rule([RFC_PUBLIC]), input(headers, body));
      expect(outcome.ok ? 'accepted' : outcome.error.code).toBe(code);
    });
  }

  it('checks the window only when one is asked for', () => {
    const late = 1_700_000_000_000 + 301_000;
    expect(verifyEd25519Signature(rule([RFC_PUBLIC]), input(ping, '{"type":1}', late)).ok).toBe(true);
    const outcome = verifyEd25519Signature(rule([RFC_PUBLIC], 300_000), input(ping, '{"type":1}', late));
    expect(outcome.ok ? 'accepted' : outcome.error.code).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(
      verifyEd25519Signature(rule([RFC_PUBLIC], 300_000), input(ping, '{"type":1}', late - 2_000)).ok,
    ).toBe(true);
  });
});

describe('agreement with discord-interactions (npm)', () => {
  it('its verifyKey accepts what hookguard signs', async () => {
    const body = '{"type":2,"data":{"name":"ping"}}';
    const signature = signEd25519(ed25519PrivateKey(RFC_SEED), ['1700000123', utf8(body)]).toString('hex');
    expect(await verifyKey(body, signature, '1700000123', RFC_PUBLIC)).toBe(true);
    expect(await verifyKey(`${body} `, signature, '1700000123', RFC_PUBLIC)).toBe(false);
  });

  it('hookguard accepts a signature made as that package’s tests make them (a fresh node:crypto pair)', async () => {
    const pair = generateKeyPairSync('ed25519');
    const publicHex = ed25519RawPublicKey(pair.publicKey).toString('hex');
    const body = '{"type":3,"data":{"custom_id":"yes"}}';
    const signature = sign(null, Buffer.from(`1700000456${body}`), pair.privateKey).toString('hex');
    const headers = { 'x-signature-ed25519': signature, 'x-signature-timestamp': '1700000456' };
    expect(await verifyKey(body, signature, '1700000456', publicHex)).toBe(true);
    expect(verifyEd25519Signature(rule([publicHex]), input(headers, body))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });
});
