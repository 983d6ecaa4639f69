import { VerificationError } from '../errors.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { type IpBytes, isMappedIpv6Text, parseIp } from './ip-address.js';

interface Network {
  readonly bytes: IpBytes;
  readonly prefix: number;
}

/** Returns whether an address is inside any of the networks. */
export type AddressCheck = (address: string | undefined) => boolean;

/**
 * Compiles an allowlist of addresses and CIDR ranges (`192.30.252.0/22`, `2606:50c0::/32`,
 * `10.0.0.7`). IPv4 rules match IPv4 clients whether the socket reports them as `1.2.3.4` or
 * `::ffff:1.2.3.4`; an `::ffff:0:0/96`-style rule is the same as its IPv4 form.
 * A malformed entry throws at construction: a typo must not silently allow or refuse everyone.
 */
export function compileAllowlist(entries: readonly string[]): AddressCheck {
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new TypeError('hookguard: allowFrom must be a non-empty list of addresses or CIDR ranges');
  }
  const networks = entries.map(parseNetwork);
  return (address) => {
    if (typeof address !== 'string') return false;
    const bytes = parseIp(address);
    return bytes !== undefined && networks.some((network) => contains(network, bytes));
  };
}

function parseNetwork(entry: string): Network {
  const invalid = () =>
    new TypeError(`hookguard: allowFrom entry "${String(entry)}" is not an address or CIDR range`);
  if (typeof entry !== 'string') throw invalid();
  const [address = '', length, extra] = entry.trim().split('/');
  if (extra !== undefined) throw invalid();
  const bytes = parseIp(address);
  if (bytes === undefined) throw invalid();
  const mapped = isMappedIpv6Text(address);
  const bits = mapped ? 128 : bytes.length * 8;
  if (length !== undefined && !/^\d{1,3}$/.test(length)) throw invalid();
  let prefix = length === undefined ? bits : Number(length);
  if (prefix > bits) throw invalid();
  if (mapped) {
    // `::ffff:10.0.0.0/104` is `10.0.0.0/8`; a mapped rule shorter than /96 would reach past IPv4.
    if (prefix < 96) throw invalid();
    prefix -= 96;
  }
  if (!hostBitsClear(bytes, prefix)) {
    throw new TypeError(
      `hookguard: allowFrom entry "${entry}" has host bits set; did you mean a different prefix length?`,
    );
  }
  return { bytes, prefix };
}

function contains(network: Network, address: IpBytes): boolean {
  if (network.bytes.length !== address.length) return false;
  const whole = network.prefix >> 3;
  for (let index = 0; index < whole; index++) if (network.bytes[index] !== address[index]) return false;
  const rest = network.prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return (network.bytes[whole]! & mask) === (address[whole]! & mask);
}

function hostBitsClear(bytes: IpBytes, prefix: number): boolean {
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    if ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1) return false;
  }
  return true;
}

/** Fails closed: no address (an adapter that gives none) is not on any list. */
export function checkSource(allowed: AddressCheck, input: VerifyInput): VerifyOutcome | undefined {
  if (allowed(input.remoteAddress)) return undefined;
  return {
    ok: false,
    error: new VerificationError(
      'SOURCE_NOT_ALLOWED',
      "The request's source address is not on the allowlist (behind a proxy? let the framework trust it, e.g. Express 'trust proxy')",
    ),
  };
}
