/** Handlers by the name they were registered on; lookups are by full event name. */
export type AnyHandler = (event: unknown, context: never) => unknown;

export interface HandlerRegistry {
  add(name: string, handler: AnyHandler): void;
  /** Handlers for a known event: exact name, every dotted prefix of it, then `*`, in registration order. */
  match(name: string, known: boolean): readonly AnyHandler[];
}

/** Distinct event names whose handler lists are remembered; past it the memo starts over. */
const MEMO_LIMIT = 1024;

export function createHandlerRegistry(): HandlerRegistry {
  const entries: { name: string; handler: AnyHandler }[] = [];
  // match() runs on every delivery and its answer only changes when a handler is added, so it is
  // remembered per name (every unknown event matches the same handlers). Callers only iterate.
  const memo = new Map<string, AnyHandler[]>();
  return {
    add(name, handler) {
      entries.push({ name, handler });
      memo.clear();
    },
    match(name, known) {
      const key = known ? `=${name}` : '?';
      const remembered = memo.get(key);
      if (remembered) return remembered;
      const found: AnyHandler[] = [];
      for (const entry of entries) {
        if (entry.name === '*' || (known ? coversName(entry.name, name) : entry.name === 'unknown')) {
          found.push(entry.handler);
        }
      }
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, found);
      return found;
    },
  };
}

/** `message` covers `message.group.normal` but not `message_sent.group.normal`. */
function coversName(registered: string, name: string): boolean {
  return name === registered || (name.startsWith(registered) && name.charCodeAt(registered.length) === 46);
}

/** Throws for a name that can never match (a typo in JS code) when the provider lists its names. */
export function assertKnownName(
  name: string,
  leafNames: readonly string[] | undefined,
  provider: string,
): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(`hookguard: on() needs an event name, got ${typeof name}`);
  }
  if (name === '*' || name === 'unknown' || leafNames === undefined) return;
  if (leafNames.some((leaf) => coversName(name, leaf))) return;
  throw new TypeError(`hookguard: "${name}" is not an event name or prefix that ${provider}() sends`);
}
