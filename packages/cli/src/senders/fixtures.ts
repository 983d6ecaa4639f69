import { usageError } from '../cli-error.js';
import { findSender } from './registry.js';
import type { SenderProfile } from './sender-profile.js';

export interface ResolvedFixture {
  readonly sender: SenderProfile;
  readonly event: string;
  readonly payload: unknown;
}

/**
 * `onebot:message.group.normal`, or just `message.group.normal` when the provider is already
 * known. Returns undefined for anything that is not written as a fixture name (a file path).
 */
export function resolveFixture(reference: string, sender: SenderProfile): ResolvedFixture | undefined {
  const colon = reference.indexOf(':');
  const prefix = colon > 0 ? reference.slice(0, colon) : undefined;
  const owner = prefix === undefined ? undefined : findSender(prefix);
  if (owner && owner !== sender) {
    throw usageError(`fixture "${reference}" belongs to ${owner.name}, not ${sender.name}`);
  }
  const event = owner ? reference.slice(colon + 1) : reference;
  if (Object.hasOwn(sender.fixtures, event)) return { sender, event, payload: sender.fixtures[event] };
  return owner ? unknownFixture(reference, sender, event) : undefined;
}

export function unknownFixture(reference: string, sender: SenderProfile, event: string): never {
  const near = nearestNames(event, Object.keys(sender.fixtures)).slice(0, 4);
  const hint =
    near.length > 0 ? `; did you mean ${near.map((name) => `${sender.name}:${name}`).join(', ')}?` : '';
  throw usageError(
    `unknown fixture "${reference}"${hint} (\`hookguard fixtures ${sender.name}\` lists all ${Object.keys(sender.fixtures).length})`,
  );
}

/** The names sharing the most leading dotted parts with `event` (`message.group.nope` → `message.group.*`). */
function nearestNames(event: string, names: readonly string[]): string[] {
  const parts = event.split('.');
  const shared = (name: string) => {
    const other = name.split('.');
    let count = 0;
    while (count < parts.length && parts[count] === other[count]) count++;
    return count;
  };
  const best = Math.max(0, ...names.map(shared));
  if (best === 0) return names.filter((name) => name.toLowerCase().includes(event.toLowerCase()));
  return names.filter((name) => shared(name) === best);
}
