/** An address as bytes: 4 for IPv4, 16 for IPv6. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes IPv4. */
export type IpBytes = Uint8Array;

const OCTET = /^(0|[1-9]\d{0,2})$/;
const GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses a textual IPv4 or IPv6 address, strictly; `undefined` for anything else. */
export function parseIp(text: string): IpBytes | undefined {
  // A zone (`fe80::1%eth0`) names the interface, not the host: it plays no part in matching.
  const address = text.includes('%') ? text.slice(0, text.indexOf('%')) : text;
  const bytes = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  return bytes ? unmapIpv4(bytes) : undefined;
}

function parseIpv4(text: string): IpBytes | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let index = 0; index < 4; index++) {
    // Leading zeros are refused: some parsers read `010` as octal, and a list must mean one thing.
    if (!OCTET.test(parts[index]!)) return undefined;
    const value = Number(parts[index]);
    if (value > 255) return undefined;
    bytes[index] = value;
  }
  return bytes;
}

function parseIpv6(text: string): IpBytes | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

/** Hex groups, where the last may be a dotted IPv4 address (two groups). */
function groupsOf(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    } else if (GROUP.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** A dual-stack socket reports IPv4 clients as `::ffff:a.b.c.d`; they are the IPv4 host. */
function unmapIpv4(bytes: IpBytes): IpBytes {
  if (bytes.length === 16 && MAPPED_PREFIX.every((value, index) => bytes[index] === value))
    return bytes.slice(12);
  return bytes;
}

/** True when `bytes` is an IPv4-mapped IPv6 address (before unmapping): for CIDR prefix adjustment. */
export function isMappedIpv6Text(text: string): boolean {
  if (!text.includes(':')) return false;
  const bytes = parseIpv6(text.includes('%') ? text.slice(0, text.indexOf('%')) : text);
  return bytes !== undefined && MAPPED_PREFIX.every((value, index) => bytes[index] === value);
}
