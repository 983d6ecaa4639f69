/** A raw stream entry as ioredis returns it: `[id, [field, value, field, value, ...]]`. */
export type RawEntry = [id: string, fields: string[]];

/** An inbox entry: the delivery as JSON (parsed only when run) and its attempt number. */
export interface InboxEntry {
  readonly id: string;
  readonly delivery: string;
  /** 1 on the first run; a retry after a failure is written back with the next number. */
  readonly attempt: number;
}

export function fieldsOf(raw: RawEntry): Record<string, string> {
  const [, list] = raw;
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < list.length; i += 2) fields[list[i]!] = list[i + 1]!;
  return fields;
}

export function inboxEntryOf(raw: RawEntry): InboxEntry {
  const fields = fieldsOf(raw);
  const attempt = Number(fields['attempt']);
  return {
    id: raw[0],
    delivery: fields['delivery'] ?? '',
    attempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
  };
}

/** `XREADGROUP` answers `[[stream, entries]]` or null when the block timed out. */
export function entriesOfRead(reply: unknown): RawEntry[] {
  if (!Array.isArray(reply)) return [];
  return reply.flatMap((stream: unknown) => (Array.isArray(stream) ? (stream[1] as RawEntry[]) : []));
}
