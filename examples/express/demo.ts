/**
 * Runs the Express example on a free port and sends what NapCat would send — authentic and
 * tampered — then prints what came back. Exit code 0 only if every answer is the expected one.
 * (The full `hookguard demo` in @hookguard/cli covers every provider and adapter.)
 */
import type { AddressInfo } from 'node:net';
import {
  napcatGroupMessage,
  onebotFixtures,
  onebotStandardPrivateMessage,
  signOneBot,
} from '@hookguard/core/testing';
import { createApp } from './app.js';

const secret = 'hookguard-demo-token';
const server = createApp({ onebotSecret: secret, quiet: true }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/onebot`;

const ping = {
  ...napcatGroupMessage,
  message: [{ type: 'text', data: { text: 'ping' } }],
  raw_message: 'ping',
};
const cases = [
  { name: 'group "ping"', event: ping, key: secret, expect: 200 },
  { name: 'private "你好～"', event: onebotStandardPrivateMessage, key: secret, expect: 204 },
  { name: 'friend request', event: onebotFixtures['request.friend'], key: secret, expect: 200 },
  { name: 'wrong secret', event: ping, key: 'attacker', expect: 401 },
];

let failures = 0;
console.log(`${'case'.padEnd(20)} ${'status'.padEnd(8)} verdict  reply`);
for (const c of cases) {
  const body = JSON.stringify(c.event);
  const response = await fetch(url, { method: 'POST', headers: signOneBot(body, c.key), body });
  const text = await response.text();
  const ok = response.status === c.expect;
  if (!ok) failures++;
  console.log(
    `${c.name.padEnd(20)} ${String(response.status).padEnd(8)} ${ok ? 'ok     ' : 'WRONG  '}  ${text}`,
  );
}
server.close();
console.log(failures === 0 ? '\nall answers as expected' : `\n${failures} unexpected answer(s)`);
process.exit(failures === 0 ? 0 : 1);
