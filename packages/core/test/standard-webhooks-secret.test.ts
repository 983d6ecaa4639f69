import { standardWebhooks, verify } from '@hookguard/core';
import { signStandardWebhooks } from '@hookguard/core/testing';
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';

/**
 * What a `whsec_` secret may be, checked against the reference `standardwebhooks` package: every
 * secret hookguard accepts, the package accepts as the same key (each verifies what the other
 * signs), and every secret the package refuses, hookguard refuses. hookguard is stricter in one
 * way only: it takes the canonical base64 spelling alone, where the package also decodes unpadded
 * text, stray low bits and trailing junk into some key.
 */
const body = JSON.stringify({ type: 'invoice.paid', data: { id: 'in_1' } });

function oursAccepts(secret: string): boolean {
  try {
    standardWebhooks({ secret });
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return false;
  }
}

function theirsAccepts(secret: string): boolean {
  try {
    new Webhook(secret);
    return true;
  } catch {
    return false;
  }
}

/** Both directions: hookguard verifies what the package signs, and the package verifies what hookguard's signer signs. */
async function agreeOnSignatures(secret: string): Promise<void> {
  const now = Date.now();
  const timestamp = Math.floor(now / 1000);
  const headers = {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body),
  };
  const request = { method: 'POST', url: '/hook', headers, body: Buffer.from(body) };
  const ours = await verify(standardWebhooks({ secret }), request, { now: () => now });
  expect(ours.ok, secret).toBe(true);
  const signed = signStandardWebhooks(body, secret, { id: 'msg_2', timestamp });
  expect(new Webhook(secret).verify(body, signed)).toEqual(JSON.parse(body));
  const other = `whsec_${Buffer.from('another key entirely').toString('base64')}`;
  expect(() => new Webhook(other).verify(body, signed)).toThrow();
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const key = Buffer.from('0123456789abcdef01234567');
const canonical = key.toString('base64'); // 24 bytes: 32 characters, no padding needed
const padded = Buffer.from('a 25-byte signing secret!').toString('base64'); // ends in "="

describe('standardWebhooks() secrets and the standardwebhooks package', () => {
  it.each([
    ['canonical, with the prefix', `whsec_${canonical}`],
    ['canonical, without the prefix', canonical],
    ['canonical with "=" padding', `whsec_${padded}`],
    ['a one-byte key', 'whsec_YQ=='],
  ])('both accept %s and agree on signatures', async (_, secret) => {
    expect(oursAccepts(secret)).toBe(true);
    expect(theirsAccepts(secret)).toBe(true);
    await agreeOnSignatures(secret);
  });

  // The package takes each of these, decoding it to the key of some other spelling.
  it.each([
    ['unpadded', `whsec_${padded.replace(/=+$/, '')}`],
    ['non-canonical (unused low bits set)', 'whsec_YR=='],
    ['a stray fifth character', 'whsec_YWJjZ'],
    ['a trailing newline', `whsec_${canonical}\n`],
    ['a trailing non-ASCII character', `whsec_${canonical}é`],
  ])('hookguard refuses %s at construction (the package would take it)', (_, secret) => {
    expect(theirsAccepts(secret)).toBe(true);
    expect(oursAccepts(secret)).toBe(false);
  });

  it.each([
    ['empty after the prefix', 'whsec_'],
    ['only padding', 'whsec_===='],
    ['URL-safe alphabet', 'whsec_-_-_'],
    ['a space inside', `whsec_ ${canonical}`],
    ['padding in the middle', 'whsec_YWI=YWI='],
    ['three padding characters', 'whsec_YQ==='],
  ])('both refuse %s', (_, secret) => {
    expect(theirsAccepts(secret)).toBe(false);
    expect(oursAccepts(secret)).toBe(false);
  });

  it('accepts every key as its canonical base64, and no other spelling of it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (bytes) => {
        const text = Buffer.from(bytes).toString('base64');
        expect(oursAccepts(`whsec_${text}`)).toBe(true);
        await agreeOnSignatures(`whsec_${text}`);
        const unpadded = text.replace(/=+$/, '');
        if (unpadded === text) return;
        expect(oursAccepts(`whsec_${unpadded}`)).toBe(false);
        // Before padding, the last character carries bits no byte uses: setting one is another
        // spelling of the same key, which no encoder writes.
        const last = ALPHABET.indexOf(unpadded.at(-1)!);
        const noncanonical = `${unpadded.slice(0, -1)}${ALPHABET[last | 1]}${text.slice(unpadded.length)}`;
        expect(theirsAccepts(`whsec_${noncanonical}`)).toBe(true);
        expect(oursAccepts(`whsec_${noncanonical}`)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('accepts nothing the package refuses, and reads what it accepts as the same key', async () => {
    const characters = fc.constantFrom(...'AQgw+/=-_ \né'.split(''), ...'YWJjZGVm'.split(''));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: characters, maxLength: 16 }),
        fc.boolean(),
        async (text, prefixed) => {
          const secret = prefixed ? `whsec_${text}` : text;
          if (!oursAccepts(secret)) return;
          expect(theirsAccepts(secret)).toBe(true);
          await agreeOnSignatures(secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});
