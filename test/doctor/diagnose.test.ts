import { diagnose, senderKits } from '@hookguard/core/testing';
import { describe, expect, it } from 'vitest';
import { CASE_NOW, kitOf, mistakeCases, requestOf } from './cases.js';

describe('diagnose() names the mistake that explains a failed signature', () => {
  it.each(mistakeCases)('%s', async (_name, example) => {
    const diagnosis = await diagnose({
      kit: kitOf(example.provider, example.scheme),
      request: example.request,
      secrets: example.secrets,
      receivedAt: example.receivedAt ?? CASE_NOW,
    });
    if (example.mistake === undefined && example.says === undefined) {
      expect(diagnosis.verdict).toBe('verified');
      return;
    }
    expect(diagnosis.mistake).toBe(example.mistake);
    expect(diagnosis.verdict).toBe(example.mistake === undefined ? 'unexplained' : 'explained');
    expect(diagnosis.message).toMatch(example.says!);
    expect(diagnosis.refusal?.code).toMatch(/^[A-Z_]+$/);
    // Never the secret, nor a form of it the doctor tried.
    const text = JSON.stringify(diagnosis);
    for (const secret of example.secrets) {
      const core = secret.trim();
      if (/^x{3,4}y{3,4}$/.test(core)) continue; // Tencent's public documentation tokens
      expect(text).not.toContain(core);
    }
  });
});

describe('diagnose() invents nothing for a proof made with another secret', () => {
  it.each(senderKits.map((kit) => [kit.name, kit] as const))('%s', async (_name, kit) => {
    const payload = Object.values(kit.fixtures)[0];
    const other = kit.secret.fromBytes?.(Buffer.from('some-other-secret-bytes')) ?? 'some-other-secret';
    const mine = kit.secret.fromBytes?.(Buffer.from('the-right-secret-bytes')) ?? kit.secret.demo;
    const now = Date.now();
    const body = kit.encode(payload);
    const sent = kit.sign({ body, secret: other, now, event: kit.eventOutsideBody?.example });
    const diagnosis = await diagnose({ kit, request: requestOf(kit, sent), secrets: mine, receivedAt: now });
    expect(diagnosis.verdict).toBe('unexplained');
    expect(diagnosis.message).toBe(
      'No known mistake explains this: the signature was made with another secret or over other bytes.',
    );
  });
});
