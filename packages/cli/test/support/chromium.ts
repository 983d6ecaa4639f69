import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The system Chromium the browser tests drive: `CHROMIUM_PATH`, else the first of `chromium`,
 * `chromium-browser`, `google-chrome` on PATH (Debian's package installs `chromium`).
 */
export function findChromium(): string | undefined {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured) return existsSync(configured) ? configured : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim() !== '') return found.stdout.trim();
  }
  return undefined;
}
