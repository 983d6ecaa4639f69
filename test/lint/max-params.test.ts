/**
 * No function, method, constructor or arrow in `packages/*\/src` takes more than four positional
 * parameters: past that, call sites stop saying which argument is which, so more inputs go in an
 * options object (or one value, like the receiver's `Delivery`). Parsed with the TypeScript
 * compiler API, so overloads, arrows in object literals and class members all count.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { packageSources } from './source-files.js';

const MAX_PARAMETERS = 4;

/** `file:line name (n parameters)` for every signature in `text` with more than `max` parameters. */
function tooManyParameters(fileName: string, text: string, max = MAX_PARAMETERS): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      // `this` is a type annotation, not an argument a caller passes.
      const count = node.parameters.filter(
        (parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === 'this'),
      ).length;
      if (count > max) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        const name =
          node.name && !ts.isComputedPropertyName(node.name) ? node.name.getText(source) : '(anonymous)';
        found.push(`${fileName}:${line + 1} ${name} (${count} parameters)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('at most four positional parameters in packages/*/src', () => {
  it('finds a function, a method, an arrow and a function type with five', () => {
    const text = [
      'function f(a, b, c, d, e) {}',
      'class C { m(a: 1, b: 2, c: 3, d: 4, e: 5) {} }',
      'const g = (a, b, c, d, e) => a;',
      'type T = (a: 1, b: 2, c: 3, d: 4, e: 5) => void;',
      'function ok(this: unknown, a, b, c, d) {}',
    ].join('\n');
    expect(tooManyParameters('sample.ts', text)).toEqual([
      'sample.ts:1 f (5 parameters)',
      'sample.ts:2 m (5 parameters)',
      'sample.ts:3 (anonymous) (5 parameters)',
      'sample.ts:4 (anonymous) (5 parameters)',
    ]);
  });

  it('holds for every source file', () => {
    const files = packageSources();
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap(({ path, text }) => tooManyParameters(path, text));
    expect(offenders).toEqual([]);
  });
});
