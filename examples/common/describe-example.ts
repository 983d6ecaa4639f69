import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, post } from '../../test/support/http.js';
import { exampleDeliveries } from './deliveries.js';
import { configFromEnv, createReceivers, type Mount } from './receivers.js';

/**
 * The tests every example passes: each sender's delivery, sent over real HTTP to the running
 * app, gets the answer that sender expects; the app's own routes still work.
 */
export function describeExample(name: string, start: (mounts: readonly Mount[]) => Promise<Listening>): void {
  describe(name, () => {
    const config = { ...configFromEnv({}).config, quiet: true };
    let server: Listening;
    beforeAll(async () => {
      server = await start(createReceivers(config));
    });
    afterAll(() => server.close());

    it.each(exampleDeliveries(config).map((delivery) => [delivery.name, delivery] as const))(
      '%s',
      async (_, delivery) => {
        const response = await post(`${server.url}${delivery.url}`, delivery.body, {
          headers: delivery.headers,
        });
        expect(response.status).toBe(delivery.expect.status);
        if (delivery.expect.json !== undefined) expect(response.json()).toEqual(delivery.expect.json);
      },
    );

    it('serves its own routes, and answers a GET on a webhook URL with 405', async () => {
      expect((await post(`${server.url}/healthz`, '', { method: 'GET' })).json()).toEqual({ ok: true });
      const get = await post(`${server.url}/onebot`, '', { method: 'GET' });
      expect(get.status).toBe(405);
      expect(get.headers['allow']).toBe('POST');
    });
  });
}
