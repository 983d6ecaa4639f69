type Fields = Readonly<Record<string, unknown>>;

/** One change of a delivery, taken apart. */
export interface ChangeParts {
  readonly field: string;
  /** `value`, or an empty object when it is none. */
  readonly value: Fields;
  readonly messages: readonly unknown[];
  readonly statuses: readonly unknown[];
  /** A change of another field, or with no message and no status: one event, its `value` as sent. */
  readonly asOne: boolean;
}

/** `entry[]` of a delivery; undefined for a body that has none (it is not a delivery). */
export function entriesOf(payload: unknown): readonly unknown[] | undefined {
  const entries = (payload as { entry?: unknown } | null)?.entry;
  return Array.isArray(entries) ? entries : undefined;
}

export function changesOf(entry: unknown): readonly unknown[] {
  return arrayOr(fieldsOf(entry)['changes']);
}

export function changeParts(change: unknown): ChangeParts {
  const { field, value } = fieldsOf(change);
  const fields = fieldsOf(value);
  const messages = arrayOr(fields['messages']);
  const statuses = arrayOr(fields['statuses']);
  const name = typeof field === 'string' ? field : '';
  return {
    field: name,
    value: fields,
    messages,
    statuses,
    asOne: name !== 'messages' || (messages.length === 0 && statuses.length === 0),
  };
}

/** What each event of a delivery carries as its payload, in dispatch order; undefined for no `entry[]`. */
export function deliveryItems(payload: unknown): readonly unknown[] | undefined {
  return entriesOf(payload)?.flatMap((entry) =>
    changesOf(entry).flatMap((change) => {
      const parts = changeParts(change);
      return parts.asOne ? [fieldsOf(change)['value']] : [...parts.messages, ...parts.statuses];
    }),
  );
}

export function fieldsOf(value: unknown): Fields {
  return typeof value === 'object' && value !== null ? (value as Fields) : {};
}

export function arrayOr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
