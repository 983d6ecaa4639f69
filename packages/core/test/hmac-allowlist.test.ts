import { hmac, token, type VerifyInput } from '@hookguard/core';
import { describe, expect, it } from 'vitest';

const input = (remoteAddress: string | undefined, headers: Record<string, string> = {}): VerifyInput => ({
  method: 'POST',
  path: '/',
  headers,
  query: new URLSearchParams(),
  body: Buffer.from('{}'),
  now: Date.now(),
  remoteAddress,
});
const allows = (allowFrom: string[]) => {
  const provider = token({ allowFrom });
  return (address: string | undefined) => provider.verify(input(address)).ok;
};

describe('allowFrom: address and CIDR allowlist', () => {
  it('matches IPv4 ranges exactly at their edges', () => {
    const check = allows(['192.30.252.0/22', '10.0.0.7']);
    expect(['192.30.252.0', '192.30.253.17', '192.30.255.255', '10.0.0.7'].map(check)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['192.30.251.255', '192.31.0.0', '10.0.0.8', '10.0.0.70'].map(check)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('matches prefixes that do not fall on a byte boundary', () => {
    const check = allows(['172.16.0.0/12', '2001:db8::/127']);
    expect(['172.16.0.1', '172.31.255.255', '2001:db8::1'].map(check)).toEqual([true, true, true]);
    expect(['172.32.0.0', '172.15.255.255', '2001:db8::2'].map(check)).toEqual([false, false, false]);
  });

  it('matches IPv6 ranges in any textual form', () => {
    const check = allows(['2606:50c0::/32', 'fe80::/10']);
    expect(
      [
        '2606:50c0::1',
        '2606:50C0:8000:0:0:0:0:154',
        '2606:50c0:ffff:ffff:ffff:ffff:ffff:ffff',
        'fe80::1%eth0',
      ].map(check),
    ).toEqual([true, true, true, true]);
    expect(['2606:50c1::', '2606:50bf:ffff::1', '::1'].map(check)).toEqual([false, false, false]);
  });

  it('matches IPv4 clients reported as IPv4-mapped IPv6 by a dual-stack socket, and mapped rules', () => {
    expect(
      ['::ffff:192.30.252.10', '::FFFF:c01e:fc0a', '0:0:0:0:0:ffff:192.30.252.10'].map(
        allows(['192.30.252.0/22']),
      ),
    ).toEqual([true, true, true]);
    expect(['10.1.2.3', '::ffff:10.1.2.3', '11.0.0.1'].map(allows(['::ffff:10.0.0.0/104']))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('keeps IPv4 and IPv6 apart otherwise', () => {
    expect(allows(['0.0.0.0/0'])('2001:db8::1')).toBe(false);
    expect(allows(['::/0'])('192.0.2.1')).toBe(false);
    // The deprecated IPv4-compatible form is an IPv6 address, not the IPv4 host.
    expect(allows(['192.0.2.0/24'])('::192.0.2.1')).toBe(false);
  });

  it('fails closed: no address, or one that is not an address, is refused with SOURCE_NOT_ALLOWED', () => {
    const provider = token({ allowFrom: ['0.0.0.0/0', '::/0'] });
    for (const address of [
      undefined,
      '',
      'localhost',
      '1.2.3',
      '1.2.3.4.5',
      '256.0.0.1',
      '::1::',
      '01.2.3.4',
    ]) {
      const outcome = provider.verify(input(address));
      expect(outcome.ok === false && outcome.error.code).toBe('SOURCE_NOT_ALLOWED');
    }
  });

  it('is checked before the signature, and an allowed address still needs a valid signature', () => {
    const provider = hmac({ secret: 's', signature: { header: 'x-sig' }, allowFrom: ['10.0.0.0/8'] });
    const outside = provider.verify(input('192.0.2.1'));
    expect(outside.ok === false && outside.error).toMatchObject({ status: 401, code: 'SOURCE_NOT_ALLOWED' });
    const inside = provider.verify(input('10.9.8.7', { 'x-sig': 'ab'.repeat(32) }));
    expect(inside.ok === false && inside.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it.each([
    ['an empty list', []],
    ['a prefix too long', ['10.0.0.0/33']],
    ['a short IPv4 address', ['10.0.0/8']],
    ['leading zeros', ['010.0.0.0/8']],
    ['host bits set', ['192.30.252.1/22']],
    ['two "::"', ['fe80::1::2/64']],
    ['a mapped rule wider than IPv4', ['::ffff:0.0.0.0/95']],
    ['a name', ['github.com']],
    ['two slashes', ['10.0.0.0/8/1']],
    ['a non-numeric prefix', ['10.0.0.0/x']],
  ])('throws at construction for %s, naming the entry', (_, allowFrom) => {
    expect(() => token({ allowFrom })).toThrow(allowFrom[0] ? allowFrom[0] : /non-empty list/);
  });
});
