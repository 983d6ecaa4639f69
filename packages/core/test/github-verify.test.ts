import { createHmac } from 'node:crypto';
import { createReceiver, github, hmac, verify, type WebhookRequest } from '@hookguard/core';
import { githubFixtures, githubRequest, signGithub } from '@hookguard/core/testing';
import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it, vi } from 'vitest';

const SECRET = "It's a Secret to Everybody";
const DOCS_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';
const issueOpened = githubFixtures['issues.opened'];
const body = JSON.stringify(issueOpened);

const raw = (headers: Record<string, string>, body: string | Uint8Array): WebhookRequest => ({
  method: 'POST',
  url: '/github',
  headers,
  body: typeof body === 'string' ? Buffer.from(body) : body,
});
const verifyInput = (headers: Record<string, string>, body: string) => ({
  method: 'POST',
  path: '/',
  headers,
  query: new URLSearchParams(),
  body: Buffer.from(body),
  now: Date.now(),
});

describe('github() signature: GitHub docs vector (docs.github.com, validating webhook deliveries)', () => {
  // "Hello, World!" is not JSON, so the vector is checked where the signature is: provider.verify.
  it('verifies "Hello, World!" signed with the docs secret, and one byte off does not', () => {
    const provider = github({ secret: SECRET });
    const headers = { 'x-hub-signature-256': DOCS_SIGNATURE };
    expect(provider.verify(verifyInput(headers, 'Hello, World!'))).toEqual({ ok: true, secretIndex: 0 });
    const off = provider.verify(verifyInput(headers, 'Hello, World?'));
    expect(off.ok === false && off.error.code).toBe('SIGNATURE_MISMATCH');
    const digitOff = provider.verify(
      verifyInput({ 'x-hub-signature-256': `${DOCS_SIGNATURE.slice(0, -1)}f` }, 'Hello, World!'),
    );
    expect(digitOff.ok === false && digitOff.error.code).toBe('SIGNATURE_MISMATCH');
  });

  it('verifies the same vector when GitHub is described declaratively with hmac({...})', () => {
    const described = hmac({
      secret: SECRET,
      signature: { header: 'X-Hub-Signature-256', prefix: 'sha256=' },
    });
    expect(described.verify(verifyInput({ 'x-hub-signature-256': DOCS_SIGNATURE }, 'Hello, World!')).ok).toBe(
      true,
    );
    expect(
      described.verify(verifyInput({ 'x-hub-signature-256': DOCS_SIGNATURE }, 'Hello, World! ')).ok,
    ).toBe(false);
  });

  it('signs the docs vector with the testing helper', () => {
    expect(signGithub('Hello, World!', SECRET)['x-hub-signature-256']).toBe(DOCS_SIGNATURE);
  });
});

describe('github() through the pipeline', () => {
  it('accepts a signed JSON delivery and hands the typed event and the delivery facts to the handler', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(github({ secret: SECRET })).on('issues.opened', (event, context) => {
      seen(event.issue.number, context.name, context.deliveryKey, context.meta.hookId, context.secretIndex);
    });
    const request = githubRequest('issues.opened', issueOpened, SECRET, { delivery: 'd-1', hookId: '42' });
    const response = await receiver.handle(request);
    expect(response.status).toBe(204);
    expect(seen).toHaveBeenCalledWith(2, 'issues.opened', 'd-1', '42', 0);
  });

  it('verifies non-ASCII bodies byte for byte (no decode and re-encode)', async () => {
    const payload = {
      ...issueOpened,
      issue: { ...(issueOpened['issue'] as object), title: 'Emoji 🎉 and 中文' },
    };
    const request = githubRequest('issues.opened', payload, SECRET);
    const result = await verify(github({ secret: SECRET }), request);
    expect(result.ok && (result.event.payload as { issue: { title: string } }).issue.title).toBe(
      'Emoji 🎉 and 中文',
    );
  });

  const good = signGithub(body, SECRET)['x-hub-signature-256']!;
  const refusals: [string, Record<string, string>, string, string][] = [
    [
      'one byte changed',
      { 'x-hub-signature-256': good },
      body.replace('"number":2', '"number":3'),
      'SIGNATURE_MISMATCH',
    ],
    ['a wrong secret', signGithub(body, 'wrong'), body, 'SIGNATURE_MISMATCH'],
    ['no signature (no secret set on GitHub)', { 'x-github-event': 'issues' }, body, 'SIGNATURE_MISSING'],
    [
      'only the legacy SHA-1 header',
      { 'x-hub-signature': signGithub(body, SECRET)['x-hub-signature']! },
      body,
      'SIGNATURE_MISSING',
    ],
    [
      'a SHA-1 digest in the SHA-256 header',
      { 'x-hub-signature-256': `sha1=${'a'.repeat(40)}` },
      body,
      'SIGNATURE_MALFORMED',
    ],
    ['a truncated digest', { 'x-hub-signature-256': good.slice(0, -2) }, body, 'SIGNATURE_MALFORMED'],
  ];
  it.each(refusals)(
    'refuses %s with 401, a stable code and no handler run',
    async (_, headers, bytes, code) => {
      const handler = vi.fn();
      const receiver = createReceiver(github({ secret: SECRET })).on('*', handler);
      const response = await receiver.handle(raw({ 'x-github-event': 'issues', ...headers }, bytes));
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
      expect(response.body).not.toContain(SECRET);
      expect(handler).not.toHaveBeenCalled();
    },
  );

  it('tells the operator where the secret is set when the signature is missing', async () => {
    const response = await createReceiver(github({ secret: SECRET })).handle(raw({}, body));
    expect(JSON.parse(response.body).error.message).toMatch(/webhook settings on GitHub/);
  });

  it('accepts any secret of a rotation and reports which one matched', async () => {
    const result = await verify(
      github({ secret: ['new-secret', SECRET] }),
      githubRequest('issues.opened', issueOpened, SECRET),
    );
    expect(result.ok && result.secretIndex).toBe(1);
  });

  it('refuses to be built without a secret', () => {
    expect(() => github({ secret: '' })).toThrow(/secret is required/);
    expect(() => github({} as never)).toThrow(/secret is required/);
  });
});

describe('github() with the "application/x-www-form-urlencoded" content type', () => {
  // GitHub offers this setting; the signature covers the form bytes exactly as posted.
  it('verifies the form bytes and unwraps the payload field', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(github({ secret: SECRET })).on('issues', (event) =>
      seen(event.action, event.issue.title),
    );
    const request = githubRequest('issues.opened', issueOpened, SECRET, { form: true });
    expect(Buffer.from(request.body).toString()).toMatch(/^payload=%7B/);
    expect((await receiver.handle(request)).status).toBe(204);
    expect(seen).toHaveBeenCalledWith('opened', 'Spelling error in the README file');
  });

  it('refuses a form body whose bytes changed after signing', async () => {
    const request = githubRequest('issues.opened', issueOpened, SECRET, { form: true });
    const tampered = Buffer.from(Buffer.from(request.body).toString().replace('Spelling', 'Spilling'));
    const response = await createReceiver(github({ secret: SECRET })).handle({ ...request, body: tampered });
    expect(response.status).toBe(401);
  });

  it('answers 400 for a signed form body with no JSON payload field', async () => {
    const form = 'other=1';
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-github-event': 'ping',
      ...signGithub(form, SECRET),
    };
    const response = await createReceiver(github({ secret: SECRET })).handle(raw(headers, form));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.message).toMatch(/"payload" field/);
  });

  it('still refuses content types GitHub never sends with 415', async () => {
    const headers = { 'content-type': 'text/plain', ...signGithub(body, SECRET) };
    const response = await createReceiver(github({ secret: SECRET })).handle(raw(headers, body));
    expect(response.status).toBe(415);
  });
});

describe('github() interoperates with @octokit/webhooks', () => {
  const octokit = new Webhooks({ secret: SECRET });

  it('verifies what octokit signs', async () => {
    const signature = await octokit.sign(body);
    const result = await verify(
      github({ secret: SECRET }),
      raw({ 'x-github-event': 'issues', 'x-hub-signature-256': signature }, body),
    );
    expect(result.ok).toBe(true);
  });

  it('signs what octokit verifies, and octokit agrees a wrong secret fails', async () => {
    expect(await octokit.verify(body, signGithub(body, SECRET)['x-hub-signature-256']!)).toBe(true);
    expect(await octokit.verify(body, signGithub(body, 'wrong')['x-hub-signature-256']!)).toBe(false);
  });

  it('computes exactly the HMAC node:crypto computes over the bytes', () => {
    const expected = createHmac('sha256', SECRET).update(Buffer.from(body)).digest('hex');
    expect(signGithub(body, SECRET)['x-hub-signature-256']).toBe(`sha256=${expected}`);
  });
});
