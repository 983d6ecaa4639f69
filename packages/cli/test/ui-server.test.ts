import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingServer, runCli, startCli } from './support/cli.js';
import {
  deliveryDetail,
  type Inspecting,
  listDeliveries,
  originOf,
  rawRequest,
  startInspecting,
  waitForDeliveries,
} from './support/inspector.js';

const SECRET = 'inspector-test-secret-3c1f';

let running: Inspecting | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await running?.listener.stop();
  running = undefined;
  for (const close of closers.splice(0)) await close();
});

async function inspect(argv: readonly string[], env: Record<string, string> = {}): Promise<Inspecting> {
  running = await startInspecting(argv, env);
  return running;
}

async function sendOnebot(url: string, secret = SECRET, fixture = 'message.group.normal') {
  const sent = await runCli(['send', 'onebot', fixture, '--url', `${url}/onebot`, '--secret', secret]);
  expect(sent.stderr).not.toMatch(/cannot reach/);
}

/** A reader of the inspector's event stream: the events as they come, parsed. */
function openStream(ui: string): Promise<{ events: { event: string; data: unknown }[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: { event: string; data: unknown }[] = [];
    const req = request(`${ui}events`, (res) => {
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let buffered = '';
      res.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        let end = buffered.indexOf('\n\n');
        while (end !== -1) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
          end = buffered.indexOf('\n\n');
        }
      });
      resolve({ events, close: () => req.destroy() });
    });
    req.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

async function until<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('listen --ui: where the inspector is', () => {
  it('prints its URL in the start write, on 127.0.0.1 even when the listener faces the network', async () => {
    const { listener, url, ui } = await inspect(['onebot', '--host', '0.0.0.0', '--secret', SECRET]);
    expect(listener.stdout.text).toMatch(
      /^listening on http:\/\/0\.0\.0\.0:\d+ .*\n {2}e\.g\. .*\ninspect at /,
    );
    expect(new URL(ui).hostname).toBe('127.0.0.1');
    // Not on this machine's other addresses, which the webhook port now answers on.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    if (external !== undefined) {
      await expect(rawRequest(`http://${external}:${new URL(ui).port}/`)).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
      expect((await rawRequest(`http://${external}:${new URL(url).port}/onebot`)).status).not.toBe(0);
    }
    const page = await rawRequest(ui);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/app.js"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it("--json: the inspector URL is in the first line, beside the listener's", async () => {
    const listener = startCli(['listen', 'onebot', '--port', '0', '--ui', '--json']);
    try {
      const [line] = await listener.waitFor(/^\{.*\}$/m);
      const start = JSON.parse(line) as { listening: string; ui: string };
      expect(start.ui).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await rawRequest(start.ui)).status).toBe(200);
    } finally {
      await listener.stop();
    }
  });

  it('--keep and --ui-port need --ui; --keep is bounded', async () => {
    expect((await runCli(['listen', 'onebot', '--port', '0', '--keep', '5'])).stderr).toContain(
      '--keep and --ui-port go with --ui',
    );
    for (const keep of ['0', '5001', 'many']) {
      const run = await runCli(['listen', 'onebot', '--port', '0', '--ui', '--keep', keep]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--keep must be a whole number from 1 to 5000, not "${keep}"`);
    }
  });
});

describe('listen --ui: only its own page may use it', () => {
  it('a Host that is not 127.0.0.1 or localhost (DNS rebinding) is refused, on every path', async () => {
    const { ui } = await inspect(['onebot', '--secret', SECRET]);
    const port = new URL(ui).port;
    for (const path of ['', 'events', 'api/deliveries', 'api/deliveries/1', 'app.js']) {
      const answer = await rawRequest(`${ui}${path}`, { headers: { host: `attacker.example:${port}` } });
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain('<html');
    }
    expect((await rawRequest(ui, { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('a replay asked by another site, or by no page at all, is refused and nothing is sent', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await waitForDeliveries(ui, 1);
    const body = JSON.stringify({ id: 1 });
    const json = { 'content-type': 'application/json' };
    const foreign = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { ...json, origin: 'http://attacker.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const otherPort = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { ...json, origin: 'http://127.0.0.1:1' },
      body,
    });
    expect(otherPort.status).toBe(403);
    const crossSite = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { ...json, origin: originOf(ui), 'sec-fetch-site': 'cross-site' },
      body,
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await rawRequest(`${ui}api/replay`, { method: 'POST', headers: json, body });
    expect(noOrigin.status).toBe(403);
    // What a cross-site <form> can send without a preflight.
    const form = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: originOf(ui) },
      body,
    });
    expect(form.status).toBe(415);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await listDeliveries(ui)).deliveries).toHaveLength(1);
  });

  it('a read from another site is refused too', async () => {
    const { ui } = await inspect(['onebot', '--secret', SECRET]);
    const answer = await rawRequest(`${ui}api/deliveries`, {
      headers: { origin: 'http://attacker.example' },
    });
    expect(answer.status).toBe(403);
  });
});

describe('listen --ui: what the page is sent', () => {
  it('streams each delivery as it arrives (Server-Sent Events), the kept ones first', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await waitForDeliveries(ui, 1);
    const stream = await openStream(ui);
    closers.push(async () => stream.close());
    const hello = await until(() => stream.events.find((event) => event.event === 'hello'));
    expect(hello.data).toMatchObject({ keep: 500, sender: 'NapCat (OneBot 11 HTTP POST)' });
    await until(() => (stream.events.some((event) => event.event === 'delivery') ? true : undefined));
    await sendOnebot(url, 'the wrong secret');
    const deliveries = await until(() => {
      const found = stream.events.filter((event) => event.event === 'delivery');
      return found.length >= 2 ? found.map((event) => event.data) : undefined;
    });
    expect(deliveries[0]).toMatchObject({
      id: 1,
      verdict: 'verified',
      event: 'message.group.normal',
      status: 204,
    });
    expect(deliveries[1]).toMatchObject({
      id: 2,
      verdict: 'refused',
      code: 'SIGNATURE_MISMATCH',
      status: 401,
    });
  });

  it("a refused delivery's details: the doctor's diagnosis, headers, raw and pretty body, the answer", async () => {
    // The listener's secret has the trailing newline a copied secret often has; the sender's has not.
    const { url, ui } = await inspect(['github', '--secret', `${SECRET}\n`]);
    const sent = await runCli(['send', 'github', 'push', '--url', `${url}/github`, '--secret', SECRET]);
    expect(sent.code).toBe(1);
    await waitForDeliveries(ui, 1);
    const detail = await deliveryDetail(ui, 1);
    expect(detail.verdict).toBe('refused');
    expect(detail.error?.code).toBe('SIGNATURE_MISMATCH');
    expect(detail.diagnosis?.verdict).toBe('explained');
    expect(detail.diagnosis?.message).toMatch(/^The secret given has/);
    expect(JSON.stringify(detail)).not.toContain(SECRET);
    expect(detail.headers.some(([name]) => name === 'X-Hub-Signature-256')).toBe(true);
    const body = Buffer.from(detail.body.base64, 'base64');
    expect(detail.body.pretty).toBe(JSON.stringify(JSON.parse(body.toString()), null, 2));
    expect(detail.body.escaped).not.toMatch(/[^\x20-\x7e\n]/);
    expect(detail.answer.status).toBe(401);
    expect(detail.answer.body).toContain('SIGNATURE_MISMATCH');
    expect(detail.ms).toBeGreaterThanOrEqual(0);
    expect(detail.copy.curl).toContain("'X-Hub-Signature-256: sha256=");
    expect(detail.copy.send).toContain('hookguard send github - --raw --url');
    // Refused, so never parsed: the event name is left for the user.
    expect(detail.copy.send).toContain('--event <event>');
  });

  it('no secret in anything the inspector sends: the page, the list, the stream, the details', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await sendOnebot(url, `${SECRET}x`);
    await waitForDeliveries(ui, 2);
    const stream = await openStream(ui);
    closers.push(async () => stream.close());
    await until(() => (stream.events.length >= 3 ? true : undefined));
    const everything = [
      (await rawRequest(ui)).body,
      (await rawRequest(`${ui}app.js`)).body,
      JSON.stringify(await listDeliveries(ui)),
      JSON.stringify(stream.events),
      JSON.stringify(await deliveryDetail(ui, 1)),
      JSON.stringify(await deliveryDetail(ui, 2)),
    ].join('\n');
    expect(everything).not.toContain(SECRET);
    expect((await deliveryDetail(ui, 1)).copy.send).toContain('--secret "$HOOKGUARD_SECRET"');
  });

  it('--keep: the page gets only the last n; an older one is gone', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET, '--keep', '2']);
    for (let index = 0; index < 3; index++) await sendOnebot(url);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await listDeliveries(ui)).deliveries.map((delivery) => delivery.id)).toEqual([2, 3]);
    expect((await rawRequest(`${ui}api/deliveries/1`)).status).toBe(404);
  });

  it('filters by verdict and by event name', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url, SECRET, 'message.group.normal');
    await sendOnebot(url, 'wrong', 'message.group.normal');
    await sendOnebot(url, SECRET, 'message.private.friend');
    await waitForDeliveries(ui, 3);
    const ids = async (query: string) =>
      (await listDeliveries(ui, query)).deliveries.map((delivery) => delivery.id);
    expect(await ids('?verdict=verified')).toEqual([1, 3]);
    expect(await ids('?verdict=refused')).toEqual([2]);
    expect(await ids('?event=message.private.friend')).toEqual([3]);
    expect(await ids('?verdict=verified&event=message.group.normal')).toEqual([1]);
    expect((await rawRequest(`${ui}api/deliveries?verdict=maybe`)).status).toBe(400);
    expect((await listDeliveries(ui)).events).toEqual(['message.group.normal', 'message.private.friend']);
  });
});

describe('listen --ui: replay', () => {
  it('to the listener itself: the same bytes and proof arrive again and verify', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await waitForDeliveries(ui, 1);
    const answer = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: originOf(ui) },
      body: JSON.stringify({ id: 1 }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ url: `${url}/onebot`, status: 204 });
    const [first, second] = await waitForDeliveries(ui, 2);
    expect(second).toMatchObject({ verdict: 'verified', event: 'message.group.normal' });
    const [one, two] = [await deliveryDetail(ui, first!.id), await deliveryDetail(ui, second!.id)];
    expect(two.body.base64).toBe(one.body.base64);
    const proof = (detail: typeof one) => detail.headers.find(([name]) => name === 'x-signature')?.[1];
    expect(proof(two)).toBe(proof(one));
  });

  it('to a URL typed in the page: the exact bytes and headers, and its answer back', async () => {
    const app = await recordingServer(() => ({ status: 202, body: 'taken', headers: { 'x-app': 'yes' } }));
    closers.push(() => app.close());
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await waitForDeliveries(ui, 1);
    const answer = await rawRequest(`${ui}api/replay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: originOf(ui) },
      body: JSON.stringify({ id: 1, url: `${app.url}/elsewhere?x=1` }),
    });
    expect(JSON.parse(answer.body)).toMatchObject({ status: 202, body: 'taken' });
    const [received] = app.received;
    const detail = await deliveryDetail(ui, 1);
    expect(received!.url).toBe('/elsewhere?x=1');
    expect(received!.body.equals(Buffer.from(detail.body.base64, 'base64'))).toBe(true);
    expect(received!.headers['x-signature']).toBe(
      detail.headers.find(([name]) => name === 'x-signature')?.[1],
    );
    // NapCat posts chunked, with no Content-Length: so does the replay.
    expect(received!.headers['transfer-encoding']).toBe('chunked');
    expect(received!.headers['content-length']).toBeUndefined();
  });

  it('a replay URL that is not http(s), or a delivery no longer kept: a clear 400 / 404', async () => {
    const { url, ui } = await inspect(['onebot', '--secret', SECRET]);
    await sendOnebot(url);
    await waitForDeliveries(ui, 1);
    const ask = (body: unknown) =>
      rawRequest(`${ui}api/replay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: originOf(ui) },
        body: JSON.stringify(body),
      });
    expect((await ask({ id: 1, url: 'file:///etc/passwd' })).status).toBe(400);
    expect((await ask({ id: 9 })).status).toBe(404);
    expect((await ask('nonsense')).status).toBe(404);
  });
});
