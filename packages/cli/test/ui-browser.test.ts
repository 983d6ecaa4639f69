import { mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium.js';
import { runCli } from './support/cli.js';
import { type Inspecting, startInspecting, waitForDeliveries } from './support/inspector.js';

const executable = findChromium();
const inCi = process.env['CI'] === 'true';
const output = fileURLToPath(new URL('./.output/', import.meta.url));
if (executable === undefined && !inCi) {
  console.warn(
    'ui-browser.test.ts skipped: no Chromium (set CHROMIUM_PATH, or install Debian\'s "chromium"); under CI=true this fails',
  );
}

// The listener's secret has the trailing newline a copied secret often has: a delivery signed
// without it is refused, and the doctor says why.
const SECRET = 'it is a secret\n';

let browser: Browser | undefined;
let running: Inspecting | undefined;
beforeAll(async () => {
  if (executable === undefined) return;
  browser = await chromium.launch({ executablePath: executable, chromiumSandbox: false });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await running?.listener.stop();
  running = undefined;
});

async function openPage(ui: string): Promise<Page> {
  const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(ui);
  await page.locator('#connection', { hasText: 'live' }).waitFor();
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

describe.skipIf(executable === undefined && !inCi)(
  'listen --ui in a real browser (headless Chromium)',
  () => {
    it('a delivery appears live; a refused one shows the diagnosis; a replay arrives', async () => {
      if (executable === undefined) throw new Error('CI=true and no Chromium found: set CHROMIUM_PATH');
      running = await startInspecting(['onebot', '--secret', SECRET]);
      const { url, ui } = running;
      const page = await openPage(ui);

      await runCli(['send', 'onebot', 'message.group.normal', '--url', `${url}/onebot`, '--secret', SECRET]);
      const verified = page.locator('#rows tr[data-verdict="verified"]');
      await verified.waitFor();
      await expect(verified.textContent()).resolves.toContain('message.group.normal');

      await runCli([
        'send',
        'onebot',
        'message.group.normal',
        '--url',
        `${url}/onebot`,
        '--secret',
        SECRET.trim(),
      ]);
      const refused = page.locator('#rows tr[data-verdict="refused"]');
      await refused.waitFor();
      await expect(refused.textContent()).resolves.toContain('refused SIGNATURE_MISMATCH');
      await refused.click();
      const diagnosis = page.locator('#diagnosis');
      await diagnosis.waitFor();
      await expect(diagnosis.textContent()).resolves.toMatch(/^doctor: The secret given has/);
      // The raw body shows the nickname's UTF-8 bytes; the pretty one the characters.
      await expect(page.locator('pre.body').textContent()).resolves.toContain('\\xe5\\xb0\\x8f');
      await page.locator('button[data-tab="pretty"]').click();
      await expect(page.locator('pre.body').textContent()).resolves.toContain('"nickname": "小不点"');
      await expect(page.locator('pre.copy-curl').textContent()).resolves.toMatch(/^curl -X POST /);

      await verified.click();
      await page.locator('#verdict-badge', { hasText: 'verified' }).waitFor();
      await page.locator('#replay').click();
      await page.locator('pre.replay-result', { hasText: 'answered 204' }).waitFor();
      // The replay arrived at the listener and the page listed it: a second verified row.
      await page.locator('#rows tr[data-verdict="verified"]').nth(1).waitFor();

      await page.selectOption('#verdict', 'refused');
      await expect(page.locator('#rows tr').count()).resolves.toBe(1);
      await page.selectOption('#verdict', '');
      await page.fill('#event', 'message.private.friend');
      await expect(page.locator('#rows tr').count()).resolves.toBe(0);
      await page.fill('#event', '');
      await expect(page.locator('#rows tr').count()).resolves.toBe(3);

      await verified.first().click();
      await page.locator('#verdict-badge').waitFor();
      mkdirSync(output, { recursive: true });
      await page.screenshot({ path: `${output}inspector.png`, fullPage: true });
      expect((page as Page & { problems: string[] }).problems).toEqual([]);
      await page.close();
    });

    it('a thousand deliveries: the list stays capped and the page keeps up', async () => {
      if (executable === undefined) throw new Error('CI=true and no Chromium found: set CHROMIUM_PATH');
      running = await startInspecting(['onebot', '--keep', '500']);
      const { url, ui } = running;
      const page = await openPage(ui);
      const agent = new Agent({ keepAlive: true, maxSockets: 8 });
      const post = (index: number) =>
        new Promise<void>((resolve, reject) => {
          const body = JSON.stringify({
            post_type: 'meta_event',
            meta_event_type: 'heartbeat',
            time: index,
            self_id: 1,
          });
          const req = request(`${url}/onebot`, {
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json' },
          });
          req.on('response', (res) => res.resume().on('end', resolve));
          req.on('error', reject);
          req.end(body);
        });
      const started = performance.now();
      for (let batch = 0; batch < 1000; batch += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, index) => post(batch + index)));
      }
      agent.destroy();
      await waitForDeliveries(ui, 500);
      await page.locator('#count', { hasText: '500 of 500 kept' }).waitFor({ timeout: 15_000 });
      const shownIn = performance.now() - started;
      const rows = await page.locator('#rows tr').count();
      expect(rows).toBe(200);
      // Newest on top.
      await expect(page.locator('#rows tr').first().getAttribute('data-id')).resolves.toBe('1000');
      console.info(`1000 deliveries sent and shown in ${Math.round(shownIn)} ms; ${rows} rows in the DOM`);
      expect((page as Page & { problems: string[] }).problems).toEqual([]);
      await page.close();
    });
  },
);
