import {
  napcatGroupMessage,
  onebotFixtures,
  onebotStandardPrivateMessage,
  signOnebot,
} from '@hookguard/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen, post } from '../../test/support/http.js';
import { createApp } from './app.js';

const secret = 'example-secret';
let server: Listening;
beforeAll(async () => {
  server = await listen(
    createApp({ onebotSecret: secret, quiet: true }) as unknown as Parameters<typeof listen>[0],
  );
});
afterAll(() => server.close());

const napcat = (event: unknown) => {
  const body = JSON.stringify(event);
  return post(`${server.url}/onebot`, body, { headers: signOnebot(body, secret), chunked: true });
};

describe('examples/express', () => {
  it('answers ping with pong in a private chat', async () => {
    const response = await napcat({ ...onebotStandardPrivateMessage, message: 'ping', raw_message: 'ping' });
    expect(response.json()).toEqual({ reply: 'pong' });
  });

  it('answers ping with pong in a group, at the sender', async () => {
    const message = [{ type: 'text', data: { text: 'ping' } }];
    const response = await napcat({ ...napcatGroupMessage, message_id: 2, message, raw_message: 'ping' });
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('stays silent (204) for other messages and approves friend requests', async () => {
    expect((await napcat(napcatGroupMessage)).status).toBe(204);
    expect((await napcat(onebotFixtures['request.friend'])).json()).toEqual({ approve: true });
  });
});
