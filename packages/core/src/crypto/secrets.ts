/** A secret, or several during a rotation: the verify result says which one matched. */
export type Secret = string | readonly string[];

/** Empty strings are no secret at all (NapCat's default token is ''), so they are dropped. */
export function secretList(secret: Secret | undefined): string[] {
  if (secret === undefined) return [];
  const list = typeof secret === 'string' ? [secret] : [...secret];
  for (const item of list) {
    if (typeof item !== 'string') throw new TypeError('hookguard: every secret must be a string');
  }
  return list.filter((item) => item.length > 0);
}
