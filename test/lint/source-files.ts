import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function tsFilesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `.ts` file under `packages/*\/src`, as its path from the repository root and its text. */
export function packageSources(): { readonly path: string; readonly text: string }[] {
  const packages = join(ROOT, 'packages');
  return readdirSync(packages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      try {
        return tsFilesUnder(join(packages, entry.name, 'src'));
      } catch {
        return [];
      }
    })
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
}
