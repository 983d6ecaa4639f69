import { createReceiver, type Logger, token, verify, type WebhookRequest } from '@hookguard/core';
import { describe, expect, it, vi } from 'vitest';

const TOKEN = 'glpat-webhook-token-ü';
// A GitLab push hook body, trimmed: GitLab names the kind in `object_kind`.
const push = {
  object_kind: 'push',
  event_name: 'push',
  ref: 'refs/heads/main',
  project: { path_with_namespace: 'group/app' },
};
const request = (
  headers: Record<string, string>,
  url = '/gitlab',
  payload: unknown = push,
): WebhookRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json', ...headers },
  body: Buffer.from(JSON.stringify(payload)),
  remoteAddress: '203.0.113.5',
});
const code = async (provider: Parameters<typeof verify>[0], req: WebhookRequest) => {
  const result = await verify(provider, req);
  return result.ok ? 'ok' : result.error.code;
};
const gitlab = token({
  name: 'gitlab',
  header: 'X-Gitlab-Token',
  secret: TOKEN,
  event: { body: 'object_kind' },
});

describe('token(): a shared token sent verbatim (GitLab X-Gitlab-Token)', () => {
  it('accepts the token and names the event from the body', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(gitlab).on('push', (event, context) =>
      handler(event, context.provider, context.secretIndex),
    );
    const response = await receiver.handle(request({ 'x-gitlab-token': TOKEN }));
    expect(response.status).toBe(204);
    expect(handler).toHaveBeenCalledWith(push, 'gitlab', 0);
  });

  it.each([
    ['a wrong token', { 'x-gitlab-token': 'glpat-webhook-token-u' }, 'SIGNATURE_MISMATCH'],
    ['a prefix of the token', { 'x-gitlab-token': TOKEN.slice(0, -1) }, 'SIGNATURE_MISMATCH'],
    ['the token plus more', { 'x-gitlab-token': `${TOKEN}x` }, 'SIGNATURE_MISMATCH'],
    ['no header', {}, 'SIGNATURE_MISSING'],
    ['an empty header', { 'x-gitlab-token': '' }, 'SIGNATURE_MISSING'],
  ])('refuses %s with 401 and runs no handler', async (_, headers, expected) => {
    const handler = vi.fn();
    const response = await createReceiver(gitlab).on('*', handler).handle(request(headers));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: expected } });
    expect(response.body).not.toContain(TOKEN);
    expect(handler).not.toHaveBeenCalled();
  });

  it('accepts any token of a rotation and reports which one matched', async () => {
    const provider = token({ header: 'x-gitlab-token', secret: ['old-token', TOKEN] });
    const result = await verify(provider, request({ 'x-gitlab-token': TOKEN }));
    expect(result.ok && result.secretIndex).toBe(1);
    expect(await code(provider, request({ 'x-gitlab-token': 'old-token' }))).toBe('ok');
  });

  it('reads a bearer token after a prefix, and a token in the query string', async () => {
    const bearer = token({ header: 'Authorization', prefix: 'Bearer ', secret: TOKEN });
    expect(await code(bearer, request({ authorization: `Bearer ${TOKEN}` }))).toBe('ok');
    expect(await code(bearer, request({ authorization: TOKEN }))).toBe('SIGNATURE_MISMATCH');
    const query = token({ query: 'token', secret: 'abc123' });
    expect(await code(query, request({}, '/hook?token=abc123'))).toBe('ok');
    expect(await code(query, request({}, '/hook?token=abc124'))).toBe('SIGNATURE_MISMATCH');
  });
});

describe('token(): senders that sign nothing', () => {
  it('accepts requests from allowed addresses only', async () => {
    const sensor = token({ name: 'sensor', allowFrom: ['203.0.113.0/24'], event: { body: 'object_kind' } });
    expect(await code(sensor, request({}))).toBe('ok');
    expect(await code(sensor, { ...request({}), remoteAddress: '198.51.100.1' })).toBe('SOURCE_NOT_ALLOWED');
  });

  it('checks both the address and the token when both are given', async () => {
    const both = token({ header: 'x-gitlab-token', secret: TOKEN, allowFrom: ['203.0.113.0/24'] });
    expect(await code(both, request({ 'x-gitlab-token': TOKEN }))).toBe('ok');
    expect(await code(both, request({ 'x-gitlab-token': 'nope' }))).toBe('SIGNATURE_MISMATCH');
    expect(await code(both, { ...request({ 'x-gitlab-token': TOKEN }), remoteAddress: '192.0.2.1' })).toBe(
      'SOURCE_NOT_ALLOWED',
    );
  });

  it('accepts anyone only when told so explicitly, and warns at startup', async () => {
    const warn = vi.fn();
    const logger: Logger = { debug() {}, info() {}, warn, error() {} };
    const open = token({ allowUnsigned: true });
    createReceiver(open, { logger });
    expect(await code(open, { ...request({}), remoteAddress: undefined })).toBe('ok');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no token is checked/), expect.anything());
  });

  it.each([
    ['nothing at all', {}, /allowUnsigned: true/],
    ['a token with no location', { secret: TOKEN }, /say where the token is/],
    ['a location with no token', { header: 'x-gitlab-token' }, /secret .* is required/],
    ['an empty token', { header: 'x-gitlab-token', secret: '' }, /secret .* is required/],
  ])('throws at construction for %s', (_, options, message) => {
    expect(() => token(options as never)).toThrow(message);
  });
});

describe('token(): a token that could never arrive in a header is refused at construction', () => {
  it.each([
    ['a trailing newline (read from a file)', { header: 'x-gitlab-token', secret: `${TOKEN}\n` }],
    ['a trailing space', { header: 'x-gitlab-token', secret: `${TOKEN} ` }],
    ['a leading tab', { header: 'x-gitlab-token', secret: `\t${TOKEN}` }],
    ['a NUL inside', { header: 'x-gitlab-token', secret: 'glpat\u0000token' }],
    ['a carriage return inside', { header: 'authorization', prefix: 'Bearer ', secret: 'a\rb' }],
    ['a second token of a rotation with a newline', { header: 'x-gitlab-token', secret: [TOKEN, 'old\n'] }],
  ])('%s', (_, options) => {
    expect(() => token(options as never)).toThrow(TypeError);
    expect(() => token(options as never)).toThrow(
      /cannot travel in the x-gitlab-token header|authorization header/,
    );
    expect(() => token(options as never)).not.toThrow(TOKEN);
  });

  it('names the rotation entry by position', () => {
    expect(() => token({ header: 'x-gitlab-token', secret: [TOKEN, 'old\n'] })).toThrow(/secret #2/);
  });

  it('accepts the same tokens in the query string, where they travel percent-encoded', async () => {
    const query = token({ query: 'token', secret: `${TOKEN}\n` });
    expect(await code(query, request({}, `/hook?token=${encodeURIComponent(`${TOKEN}\n`)}`))).toBe('ok');
  });
});
