import type { Mistake } from '../../../testing/doctor/mistake.js';

/**
 * Tencent's English authentication example prints `Token=xxxyyy`, but its Sign was computed with
 * `xxxxyyyy`, the token of the Chinese and trtc.io pages (docs/migrating.md). Both are public
 * documentation values, so naming them reveals nothing.
 */
const DOC_TOKENS: readonly (readonly [given: string, signedWith: string])[] = [
  ['xxxyyy', 'xxxxyyyy'],
  ['xxxxyyyy', 'xxxyyy'],
];

export const tencentDocTokenMistake: Mistake = {
  name: 'tencent-doc-token',
  *attempts(failed) {
    for (const [given, signedWith] of DOC_TOKENS) {
      if (!failed.secrets.includes(given)) continue;
      const provider = failed.verifierFor(signedWith);
      if (!provider) continue;
      yield {
        provider,
        request: failed.request,
        explanation:
          `This Sign was made with the documentation token "${signedWith}", not "${given}": Tencent's English ` +
          'authentication example prints one token and signs with the other (see docs/migrating.md); ' +
          'test with your own token from the Chat console.',
      };
    }
  },
};
