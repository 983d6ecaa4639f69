/** A secret, or several during a rotation: the verify result says which one matched. */
export type Secret = string | readonly string[];

/**
 * The configured secrets as a list, checked once at construction. `undefined`, `''` and `[]` are
 * no secret at all (NapCat's and Tencent's "authentication off" is an empty token): the caller
 * decides whether that is allowed. Anything else that cannot be a secret throws a TypeError that
 * names the option (`option` is `token(): secret`) and never echoes the value: a whitespace-only
 * string (a blank pasted or read from an unset file), a `String` object or any other iterable
 * (spread as a list it became one key per character), a list entry that is not a non-blank string.
 */
export function secretList(secret: unknown, option: string): string[] {
  if (secret === undefined || secret === '') return [];
  if (typeof secret === 'string') {
    if (isBlank(secret)) throw notASecret(option, 'it is only whitespace');
    return [secret];
  }
  if (!Array.isArray(secret)) throw notASecret(option, `it is ${describeType(secret)}`);
  return secret.map((item: unknown, index) => {
    if (typeof item === 'string' && !isBlank(item)) return item;
    const what = typeof item === 'string' ? 'blank' : describeType(item);
    throw notASecret(option, `entry #${index + 1} is ${what}`);
  });
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The kind of value, never the value: a secret must not reach an error message or a log. */
function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  return value instanceof String ? 'a String object' : 'an object';
}

function notASecret(option: string, why: string): TypeError {
  return new TypeError(
    `hookguard ${option} must be a non-empty string or a non-empty array of them (${why})`,
  );
}
