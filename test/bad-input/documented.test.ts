import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bodyRows,
  envelopeRows,
  feishuRows,
  githubRows,
  handshakeRows,
  repeatedProofRows,
  slackRows,
  tencentRows,
  transportRows,
} from './rows.js';

const doc = readFileSync(new URL('../../docs/bad-input.md', import.meta.url), 'utf8');

/** docs/bad-input.md is the matrix users read; a row added to the tests must be documented there. */
describe('docs/bad-input.md', () => {
  it.each(
    [
      ...bodyRows,
      ...transportRows,
      ...tencentRows,
      ...githubRows,
      ...slackRows,
      ...feishuRows,
      ...repeatedProofRows,
      ...handshakeRows,
      ...envelopeRows,
    ].map((row) => [row.title] as const),
  )('documents "%s"', (title) => {
    expect(doc).toContain(`| ${title} |`);
  });
});
