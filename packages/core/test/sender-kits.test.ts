import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as core from '@hookguard/core';
import {
  errorBodyOf,
  findSenderKit,
  type OutgoingRequest,
  requestLine,
  type SenderKit,
  senderKits,
} from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';

const providersDir = fileURLToPath(new URL('../src/providers/', import.meta.url));
const folders = readdirSync(providersDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** `tencent-chat` → `tencentChat`: the factory a provider folder exports from the core root. */
const factoryName = (folder: string) =>
  folder.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

const webhookRequest = (kit: SenderKit, request: OutgoingRequest): core.WebhookRequest => {
  return {
    ...requestLine(request, kit.path),
    headers: Object.fromEntries(request.headers.map(([name, value]) => [name.toLowerCase(), value])),
    body: request.body,
  };
};

describe('the sender kit registry', () => {
  it('has a kit per provider folder (and per further URL, `<folder>-<what>`), each for a factory the core root exports', async () => {
    // The folder of the kit's own name first: `whatsapp-cloud` is a folder, not a second whatsapp URL.
    const folderOf = (kit: SenderKit) =>
      folders.find((folder) => kit.name === folder) ??
      folders.find((folder) => kit.name.startsWith(`${folder}-`));
    expect(senderKits.filter((kit) => folderOf(kit) === undefined)).toEqual([]);
    for (const folder of folders) {
      const own = senderKits.filter((kit) => folderOf(kit) === folder);
      expect(
        own.map((kit) => kit.name),
        folder,
      ).toContain(folder);
      for (const kit of own) {
        expect(typeof (core as Record<string, unknown>)[factoryName(kit.name)], kit.name).toBe('function');
      }
      const module = (await import(`../src/providers/${folder}/kit/index.ts`)) as Record<string, unknown>;
      const kits = Object.values(module).filter((value) => senderKits.includes(value as SenderKit));
      expect(kits, `providers/${folder}/kit exports its kits`).toEqual(own);
    }
  });

  it('finds kits by name and alias, in any letter case', () => {
    expect(findSenderKit('NapCat')?.name).toBe('onebot');
    expect(findSenderKit('gowa')?.name).toBe('whatsapp');
    expect(findSenderKit('tencentChat')?.name).toBe('tencent-chat');
    expect(findSenderKit('tencent')?.name).toBe('tencent-chat');
    expect(findSenderKit('svix')?.name).toBe('standard-webhooks');
    expect(findSenderKit('standardwebhooks')?.name).toBe('standard-webhooks');
    expect(findSenderKit('nope')).toBeUndefined();
  });

  it('names no alias twice', () => {
    const names = senderKits.flatMap((kit) => [kit.name, ...kit.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(senderKits.map((kit) => [kit.name, kit] as const))('%s', (_name, kit) => {
    it('every fixture, signed by the kit, verifies and parses as the event it is named for', async () => {
      const fixtures = Object.entries(kit.fixtures);
      expect(fixtures.length).toBeGreaterThan(0);
      for (const [event, payload] of fixtures) {
        const seen: string[] = [];
        const receiver = core
          .createReceiver(kit.provider(kit.secret.demo), { logger: core.silentLogger })
          .on('*', (_event: unknown, context: { name: string }) => {
            seen.push(context.name);
          })
          .on('unknown', () => {
            seen.push('unknown');
          });
        const request = kit.sign({
          body: kit.encode(payload),
          secret: kit.secret.demo,
          now: Date.now(),
          event,
        });
        const answer = await receiver.handle(webhookRequest(kit, request));
        expect(answer.status, `${kit.name}:${event}`).toBeLessThan(300);
        expect(seen, `${kit.name}:${event}`).toEqual([event]);
      }
    });

    it('a wrong secret and no proof are refused with the codes the kit states', async () => {
      const receiver = core.createReceiver(kit.provider(kit.secret.demo), { logger: core.silentLogger });
      const { sample } = kit.answers;
      const body = kit.encode(sample.payload);
      const other = kit.secret.fromBytes?.(Buffer.from('not-the-secret')) ?? 'not-the-secret';
      for (const [secret, code, status] of [
        [other, kit.answers.forgedCode, kit.answers.forgedStatus ?? 401],
        [undefined, kit.answers.unsignedCode, 401],
      ] as const) {
        const request = kit.sign({ body, secret, now: Date.now(), event: sample.name });
        const answer = await receiver.handle(webhookRequest(kit, request));
        expect(answer.status).toBe(status);
        expect(JSON.parse(Buffer.from(answer.body ?? '').toString())).toMatchObject(
          errorBodyOf(kit, code, expect.any(String)) as object,
        );
      }
    });
  });
});
