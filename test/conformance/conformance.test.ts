import { silentLogger } from '@hookguard/core';
import { describe, expect, it } from 'vitest';
import { post, type RawResponse } from '../support/http.js';
import { adapters } from './adapters.js';
import { providerRows } from './providers.js';
import { type Scenario, senderScenarios, transportScenarios } from './scenarios.js';

/**
 * The conformance matrix: every scenario × every adapter over real HTTP on loopback. Each cell
 * must give the scenario's expected answer, and all adapters must give byte-identical answers
 * (status, Content-Type, Allow, body), so a user can switch frameworks without a sender noticing.
 */
const scenarios: Scenario[] = [
  ...providerRows.flatMap(senderScenarios),
  ...transportScenarios(providerRows[0]!),
];

/** The parts of an answer a sender can see and that must not depend on the framework. */
interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly allow: string | undefined;
  readonly body: string;
}

/** An answer encrypted afresh each time (DingTalk) is compared by its plaintext, not its bytes. */
function answerOf(response: RawResponse, row: Scenario['row']): Answer {
  const contentType = response.headers['content-type'];
  const allow = response.headers['allow'];
  const body = row.openAnswer?.(response.text) ?? response.text;
  return { status: response.status, contentType, allow, body };
}

async function run(scenario: Scenario, baseUrl: string): Promise<RawResponse[]> {
  const { request } = scenario;
  const url = `${baseUrl}${scenario.row.path}${request.path ?? ''}${request.query ? `?${request.query}` : ''}`;
  const responses: RawResponse[] = [];
  for (let i = 0; i < (scenario.sends ?? 1); i++) {
    responses.push(
      await post(url, request.body, {
        headers: request.headers,
        ...(request.method ? { method: request.method } : {}),
        ...(request.chunked ? { chunked: true } : {}),
      }),
    );
  }
  return responses;
}

function expectAnswer(response: RawResponse, scenario: Scenario): void {
  const expected = scenario.expect;
  expect(response.status).toBe(expected.status);
  if (expected.json !== undefined) expect(response.json()).toEqual(expected.json);
  if (expected.code !== undefined) {
    expect(response.json()).toMatchObject(
      scenario.row.errorBody(expected.code, expect.any(String)) as object,
    );
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  }
  if (expected.text !== undefined) {
    expect(response.text).toBe(expected.text);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  }
  if (expected.opened !== undefined) {
    expect(scenario.row.openAnswer?.(response.text)).toBe(expected.opened);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  }
  if (
    expected.json === undefined &&
    expected.code === undefined &&
    expected.text === undefined &&
    expected.opened === undefined
  ) {
    expect(response.text).toBe('');
    expect(response.headers['content-type']).toBeUndefined();
  }
  for (const [name, value] of Object.entries(expected.headers ?? {}))
    expect(response.headers[name]).toBe(value);
}

describe.each(scenarios.map((scenario) => [scenario.title, scenario] as const))('%s', (_, scenario) => {
  const answers = new Map<string, Answer>();

  it.each(adapters.map((adapter) => [adapter.name, adapter] as const))('%s', async (_name, adapter) => {
    let handlerCalls = 0;
    // Scenarios send refused and failing requests on purpose: their warnings are expected.
    const receiver = scenario.row.receiver({ logger: silentLogger, ...scenario.options });
    for (const [name, handler] of scenario.handlers) {
      receiver.on(name, (event: unknown) => {
        handlerCalls++;
        return handler(event) as never;
      });
    }
    const server = await adapter.serve(receiver, scenario.row.path, scenario.row.mount);
    try {
      const responses = await run(scenario, server.url);
      for (const response of responses) expectAnswer(response, scenario);
      expect(handlerCalls).toBe(scenario.handlerCalls);
      answers.set(adapter.name, answerOf(responses[0]!, scenario.row));
    } finally {
      await server.close();
    }
  });

  it('is answered identically by every adapter', () => {
    expect([...answers.keys()]).toEqual(adapters.map((adapter) => adapter.name));
    const [first, ...others] = [...answers.values()];
    for (const answer of others) expect(answer).toEqual(first);
  });
});
