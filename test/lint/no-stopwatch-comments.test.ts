/**
 * Source comments say why, not how many microseconds: a timing in a comment is true of one
 * machine on one day, and nobody re-measures it when the code around it changes. Measured numbers
 * live in BENCHMARKS.md ("Hot-path decisions"), next to how they were measured; a comment may
 * point there.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageSources } from './source-files.js';

/** A duration in µs or ns ("~0.5 µs", "20 ns", "1.5us"), or "N times slower/faster". */
const STOPWATCH = /\d\s*(?:µs|us|ns)\b|\d+(?:\.\d+)?\s*(?:times|×|x)\s+(?:slower|faster)/i;

/** `file:line text` of every comment in `text` that quotes a measured time. */
function stopwatchComments(fileName: string, text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const found: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia)
      continue;
    const start = scanner.getTokenStart();
    const comment = scanner.getTokenText();
    comment.split('\n').forEach((line, offset) => {
      if (!STOPWATCH.test(line)) return;
      const lineNumber = text.slice(0, start).split('\n').length + offset;
      found.push(`${fileName}:${lineNumber} ${line.trim()}`);
    });
  }
  return found;
}

describe('no measured timings in source comments', () => {
  it('finds timings in line and block comments, not in code or strings', () => {
    const text = [
      '// a spread measured ~0.5 µs a request',
      "const label = 'took 5 ns';",
      '/**',
      ' * the class, 15 ns;',
      ' * a 10 000-entry store got 15 times slower',
      ' */',
      'const timeoutMs = 30_000; // 30 s, the sender gives up after it',
    ].join('\n');
    expect(stopwatchComments('sample.ts', text)).toEqual([
      'sample.ts:1 // a spread measured ~0.5 µs a request',
      'sample.ts:4 * the class, 15 ns;',
      'sample.ts:5 * a 10 000-entry store got 15 times slower',
    ]);
  });

  it('holds for every source file in packages/*/src', () => {
    const files = packageSources();
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap(({ path, text }) => stopwatchComments(path, text))).toEqual([]);
  });
});
