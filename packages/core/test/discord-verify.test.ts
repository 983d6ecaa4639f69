import { generateKeyPairSync, sign } from 'node:crypto';
import { createReceiver, discord, discordEvents } from '@hookguard/core';
import { verifyKey } from 'discord-interactions';
import { describe, expect, it, vi } from 'vitest';
import { ed25519RawPublicKey } from '../src/crypto/ed25519.js';
import {
  discordInteractionFixtures,
  discordPing,
  discordWebhookEventFixtures,
} from '../src/providers/discord/kit/fixtures.js';
import { discordPublicKeyOf, discordRequest, signDiscord } from '../src/providers/discord/kit/sign.js';

// RFC 8032 §7.1 TEST 1: its seed and public key. Discord publishes no vector; this one is derived.
const RFC_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const PING_SIGNATURE =
  '1695961a47c91a1ec033b819b7e87e3dbc583dd0cee6d1fd0216f58ac87b6228ae531ddbf91fb7bc28d7edf7f08604da16f54624f38a6bc0614e4dc13cd47f0f';
const OTHER_SEED = '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb';

const signing = { privateKey: RFC_SEED, timestamp: 1700000000 };
const command = discordInteractionFixtures.application_command;

function pingRequest(headers: Record<string, string | string[]>) {
  return { method: 'POST', url: '/discord', headers, body: Buffer.from('{"type":1}') };
}

describe('discord(): the derived PING vector', () => {
  it('the kit signs the RFC key’s PING as the vector says, with Discord’s header names and order', () => {
    const headers = signDiscord('{"type":1}', signing);
    expect(Object.entries(headers)).toEqual([
      ['X-Signature-Ed25519', PING_SIGNATURE],
      ['X-Signature-Timestamp', '1700000000'],
    ]);
    expect(discordPublicKeyOf(RFC_SEED)).toBe(RFC_PUBLIC);
  });

  it('answers the vector’s PING {"type":1} through the receiver, without a handler', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(discord({ publicKey: RFC_PUBLIC })).on('*', handler);
    const response = await receiver.handle(
      pingRequest({ 'x-signature-ed25519': PING_SIGNATURE, 'x-signature-timestamp': '1700000000' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toBe('{"type":1}');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers a full PING body (as Discord sends it) the same way', async () => {
    const response = await createReceiver(discord({ publicKey: RFC_PUBLIC })).handle(
      discordRequest(discordPing, signing),
    );
    expect(response.body).toBe('{"type":1}');
  });
});

describe('agreement with discord-interactions (npm)', () => {
  it('its verifyKey accepts what the kit signs, for every example interaction', async () => {
    for (const body of [discordPing, ...Object.values(discordInteractionFixtures)]) {
      const text = JSON.stringify(body);
      const headers = signDiscord(text, { privateKey: RFC_SEED, timestamp: 1700000123 });
      expect(
        await verifyKey(text, headers['X-Signature-Ed25519']!, headers['X-Signature-Timestamp']!, RFC_PUBLIC),
      ).toBe(true);
    }
  });

  it('hookguard accepts a request signed with node:crypto as that package’s tests sign', async () => {
    const pair = generateKeyPairSync('ed25519');
    const publicKey = ed25519RawPublicKey(pair.publicKey).toString('hex');
    const body = JSON.stringify(command);
    const signature = sign(null, Buffer.from(`1700000456${body}`), pair.privateKey).toString('hex');
    expect(await verifyKey(body, signature, '1700000456', publicKey)).toBe(true);
    const handler = vi.fn(() => ({ type: 4 as const, data: { content: 'rolled 7' } }));
    const receiver = createReceiver(discord({ publicKey })).on('application_command', handler);
    const response = await receiver.handle({
      method: 'POST',
      url: '/discord',
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': '1700000456',
      },
      body: Buffer.from(body),
    });
    expect(response.body).toBe('{"type":4,"data":{"content":"rolled 7"}}');
    expect(handler).toHaveBeenCalledOnce();
  });
});

describe('discord(): refusals are 401 with a stable code, and no handler runs', () => {
  const good = signDiscord(JSON.stringify(command), signing);
  const base = {
    'content-type': 'application/json',
    'x-signature-ed25519': good['X-Signature-Ed25519']!,
    'x-signature-timestamp': good['X-Signature-Timestamp']!,
  };
  const flipped = `${good['X-Signature-Ed25519']!.slice(0, -1)}${good['X-Signature-Ed25519']!.endsWith('0') ? '1' : '0'}`;
  const rows: [string, Record<string, string | string[]>, string, string?][] = [
    ['no signature', { ...base, 'x-signature-ed25519': '' }, 'SIGNATURE_MISSING'],
    [
      'no timestamp',
      { 'content-type': 'application/json', 'x-signature-ed25519': base['x-signature-ed25519'] },
      'TIMESTAMP_MISSING',
    ],
    [
      'a short signature',
      { ...base, 'x-signature-ed25519': base['x-signature-ed25519'].slice(2) },
      'SIGNATURE_MALFORMED',
    ],
    [
      'a long signature',
      { ...base, 'x-signature-ed25519': `${base['x-signature-ed25519']}00` },
      'SIGNATURE_MALFORMED',
    ],
    [
      'a non-hex signature',
      { ...base, 'x-signature-ed25519': `${base['x-signature-ed25519'].slice(1)}g` },
      'SIGNATURE_MALFORMED',
    ],
    ['a changed signature', { ...base, 'x-signature-ed25519': flipped }, 'SIGNATURE_MISMATCH'],
    ['another timestamp', { ...base, 'x-signature-timestamp': '1700000001' }, 'SIGNATURE_MISMATCH'],
    [
      'a duplicated signature header (Node joins copies)',
      { ...base, 'x-signature-ed25519': [base['x-signature-ed25519'], base['x-signature-ed25519']] },
      'SIGNATURE_MALFORMED',
    ],
    [
      'a signature by another key',
      {
        ...base,
        ...lower(signDiscord(JSON.stringify(command), { privateKey: OTHER_SEED, timestamp: 1700000000 })),
      },
      'SIGNATURE_MISMATCH',
    ],
    ['a changed body', base, 'SIGNATURE_MISMATCH', JSON.stringify({ ...command, id: '1' })],
  ];
  for (const [name, headers, code, body] of rows) {
    it(`refuses ${name} with ${code}`, async () => {
      const handler = vi.fn();
      const receiver = createReceiver(discord({ publicKey: RFC_PUBLIC })).on('*', handler);
      const response = await receiver.handle({
        method: 'POST',
        url: '/discord',
        headers,
        body: Buffer.from(body ?? JSON.stringify(command)),
      });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      expect(handler).not.toHaveBeenCalled();
    });
  }

  it('refuses a forged PING: Discord’s portal sends bad signatures and removes an endpoint that accepts them', async () => {
    const receiver = createReceiver(discord({ publicKey: RFC_PUBLIC }));
    const forged = await receiver.handle(
      pingRequest({ 'x-signature-ed25519': PING_SIGNATURE, 'x-signature-timestamp': '1700000001' }),
    );
    expect(forged.status).toBe(401);
    const otherKey = await createReceiver(discord({ publicKey: discordPublicKeyOf(OTHER_SEED) })).handle(
      pingRequest({ 'x-signature-ed25519': PING_SIGNATURE, 'x-signature-timestamp': '1700000000' }),
    );
    expect(otherKey.status).toBe(401);
  });

  it('the Webhook Events URL refuses the same way', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(discordEvents({ publicKey: RFC_PUBLIC })).on('*', handler);
    const request = discordRequest(discordWebhookEventFixtures.APPLICATION_AUTHORIZED, {
      privateKey: OTHER_SEED,
      timestamp: 1700000000,
    });
    const response = await receiver.handle(request);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts a key from a list (moving between applications)', async () => {
    const receiver = createReceiver(discord({ publicKey: [discordPublicKeyOf(OTHER_SEED), RFC_PUBLIC] }));
    expect((await receiver.handle(discordRequest(discordPing, signing))).status).toBe(200);
  });
});

describe('discord({ publicKey }) at construction', () => {
  const botToken = 'MTE4NjYzNDQzNzg5MDEwOTUxMA.GXyZ12.abcdefghijklmnopqrstuvwxyz0123456789AB';
  const wrong: [string, unknown][] = [
    ['missing', undefined],
    ['empty', ''],
    ['a bot token', botToken],
    ['31 bytes', RFC_PUBLIC.slice(2)],
    ['33 bytes', `${RFC_PUBLIC}00`],
    ['non-hex', `${RFC_PUBLIC.slice(1)}z`],
    ['an empty list', []],
    ['a number', 42],
  ];
  for (const [name, publicKey] of wrong) {
    it(`throws a TypeError for a key that is ${name}, never repeating it`, () => {
      for (const factory of [discord, discordEvents]) {
        const build = () => factory({ publicKey } as never);
        expect(build).toThrow(TypeError);
        expect(build).toThrow(/Public Key from the Discord Developer Portal/);
        try {
          build();
        } catch (error) {
          expect((error as Error).message).not.toContain(botToken);
        }
      }
    });
  }

  it('accepts upper-case hex, as some copy tools give it', () => {
    expect(() => discord({ publicKey: RFC_PUBLIC.toUpperCase() })).not.toThrow();
  });

  it('refuses a deadline that is not a positive number, and warns about one Discord never waits for', () => {
    expect(() => discord({ publicKey: RFC_PUBLIC, deadlineMs: 0 })).toThrow(TypeError);
    expect(() => discordEvents({ publicKey: RFC_PUBLIC, deadlineMs: Number.NaN })).toThrow(TypeError);
    expect(discord({ publicKey: RFC_PUBLIC }).configWarnings).toEqual([]);
    expect(discord({ publicKey: RFC_PUBLIC, deadlineMs: 3000 }).configWarnings).toHaveLength(1);
  });
});

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
