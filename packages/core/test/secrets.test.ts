import { github, hmac, onebot, standardWebhooks, tencentChat, token, whatsapp } from '@hookguard/core';
import { describe, expect, it } from 'vitest';

const WHSEC = `whsec_${Buffer.from('a real signing key, 24 by').toString('base64')}`;

/** Every factory that takes a secret, called with `secret` where its option is, and the option's name. */
const factories: readonly (readonly [option: string, make: (secret: unknown) => unknown, good: string])[] = [
  ['onebot(): secret', (secret) => onebot({ secret } as never), 'napcat-token'],
  ['whatsapp(): secret', (secret) => whatsapp({ secret } as never), 'gowa-secret'],
  ['tencentChat(): token', (secret) => tencentChat({ token: secret } as never), 'console-token'],
  ['github(): secret', (secret) => github({ secret } as never), 'hook-secret'],
  ['standardWebhooks(): secret', (secret) => standardWebhooks({ secret } as never), WHSEC],
  ['hmac(): secret', (secret) => hmac({ secret, signature: { header: 'x-sig' } } as never), 'acme-secret'],
  ['token(): secret', (secret) => token({ header: 'x-gitlab-token', secret } as never), 'gitlab-token'],
];

const literal = (text: string) => text.replace(/[().]/g, '\\$&');

describe.each(factories)('%s is checked at construction', (option, make, good) => {
  const message = new RegExp(
    `^hookguard ${literal(option)} must be a non-empty string or a non-empty array of them`,
  );

  it.each([
    ['a whitespace-only string', '   '],
    ['a tab and a newline', '\t\n'],
    // Spread as a list, new String('ab') used to become the two keys 'a' and 'b'.
    ['a String object', new String(good)],
    ['a number', 42],
    ['null', null],
    ['a Set', new Set([good])],
    ['a list with a number in it', [good, 42]],
    ['a list with undefined in it (an unset variable)', [good, undefined]],
    ['a list with a String object in it', [good, new String(good)]],
    ['a list with a blank entry', [good, ' ']],
    ['a list with an empty entry', [good, '']],
  ])('%s throws a TypeError naming the option', (_, secret) => {
    expect(() => make(secret)).toThrow(TypeError);
    expect(() => make(secret)).toThrow(message);
  });

  it('names the bad entry of a list by position, never by value', () => {
    expect(() => make([good, 'also-good', 7])).toThrow(/entry #3 is a number/);
    let thrown: unknown;
    try {
      make([good, new String(good)]);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).not.toContain(good);
  });

  it('still takes a string and a rotation list of strings', () => {
    expect(() => make(good)).not.toThrow();
    expect(() => make([good, good])).not.toThrow();
  });
});
