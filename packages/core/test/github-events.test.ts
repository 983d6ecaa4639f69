import { createReceiver, type GitHubEventName, github, verify } from '@hookguard/core';
import { githubFixtures, githubRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'gh-secret';
const provider = github({ secret: SECRET });
const names = Object.keys(githubFixtures) as GitHubEventName[];

describe('github() events', () => {
  it('types the events bots handle, one name per action', () => {
    expect(provider.eventNames).toEqual(
      expect.arrayContaining(['push', 'ping', 'issues.opened', 'issue_comment.created']),
    );
    expect(provider.eventNames).toEqual(
      expect.arrayContaining(['pull_request.synchronize', 'release.published', 'workflow_run.completed']),
    );
    expect(names.sort()).toEqual([...provider.eventNames].sort());
  });

  it.each(names)('parses a %s delivery as that known event', async (name) => {
    const result = await verify(provider, githubRequest(name, githubFixtures[name], SECRET));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({ name, known: true, issues: [] });
  });

  it('names an event by X-GitHub-Event and the payload action, and a prefix handler receives every action', async () => {
    const onIssues = vi.fn();
    const onOpened = vi.fn();
    const receiver = createReceiver(provider, { dedupe: false })
      .on('issues', (event) => onIssues(event.action))
      .on('issues.closed', onOpened);
    await receiver.handle(githubRequest('issues.opened', githubFixtures['issues.opened'], SECRET));
    await receiver.handle(githubRequest('issues.closed', githubFixtures['issues.closed'], SECRET));
    expect(onIssues.mock.calls).toEqual([['opened'], ['closed']]);
    expect(onOpened).toHaveBeenCalledTimes(1);
  });

  it('keeps fields the schema does not list', async () => {
    const payload = { ...githubFixtures['issues.opened'], brand_new_field: { nested: true } };
    const result = await verify(provider, githubRequest('issues.opened', payload, SECRET));
    expect(result.ok && result.event.payload).toMatchObject({
      brand_new_field: { nested: true },
      issue: { author_association: 'OWNER' },
    });
  });

  it('delivers other GitHub events to unknown handlers with their name, never dropping them', async () => {
    const unknown = vi.fn();
    const known = vi.fn();
    const receiver = createReceiver(provider).on('unknown', unknown).on('issues', known);
    const star = {
      action: 'created',
      starred_at: '2026-01-01T00:00:00Z',
      repository: githubFixtures.push['repository'],
    };
    const response = await receiver.handle(githubRequest('star.created', star, SECRET));
    expect(response.status).toBe(204);
    expect(unknown).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'star.created', payload: star }),
      expect.anything(),
    );
    expect(known).not.toHaveBeenCalled();
  });

  it('delivers an action GitHub adds later, and a body that breaks its schema, as unknown with the reasons', async () => {
    const newAction = await verify(
      provider,
      githubRequest('issues.sparkled', { ...githubFixtures['issues.opened'], action: 'sparkled' }, SECRET),
    );
    expect(newAction.ok && newAction.event).toMatchObject({ name: 'issues.sparkled', known: false });
    const broken = { ...githubFixtures['issues.opened'], issue: { number: 'two' } };
    const invalid = await verify(provider, githubRequest('issues.opened', broken, SECRET));
    expect(invalid.ok && invalid.event.known).toBe(false);
    expect(invalid.ok && invalid.event.issues.length).toBeGreaterThan(0);
  });

  it('puts the delivery headers on the context and uses X-GitHub-Delivery as the dedupe key', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(provider).on('push', (_event, context) => {
      handler(context.deliveryKey, context.meta);
    });
    const request = githubRequest('push', githubFixtures.push, SECRET, {
      delivery: '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      hookId: '7',
    });
    const first = await receiver.handle(request);
    const redelivered = await receiver.handle(request);
    expect([first.status, redelivered.status]).toEqual([204, 204]);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith('72d3162e-cc78-11e3-81ab-4c9367dc0958', {
      event: 'push',
      hookId: '7',
      targetType: 'repository',
      targetId: '35129377',
    });
  });

  it('answers the ping GitHub sends when a hook is created, with no handler registered', async () => {
    const response = await createReceiver(provider).handle(
      githubRequest('ping', githubFixtures.ping, SECRET),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true });
  });

  it('refuses a handler reply, since GitHub reads only the status', async () => {
    const receiver = createReceiver(provider).on('push', (() => ({ text: 'hi' })) as never);
    const response = await receiver.handle(githubRequest('push', githubFixtures.push, SECRET));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body).error.code).toBe('INVALID_REPLY');
  });

  it('answers 202 before GitHub gives up (10 s) while a slow handler goes on', async () => {
    expect(provider.deadlineMs).toBeLessThan(10_000);
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const receiver = createReceiver(provider, { deadlineMs: 20 }).on('push', async () => {
      await done;
      return undefined;
    });
    const response = await receiver.handle(githubRequest('push', githubFixtures.push, SECRET));
    expect(response.status).toBe(202);
    finish();
    await receiver.close();
  });

  it('refuses on() names GitHub never sends as typed events', () => {
    expect(() => createReceiver(provider).on('issue.opened' as never, () => {})).toThrow(/not an event name/);
  });
});
