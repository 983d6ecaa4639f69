import type { HmacOptions } from '../hmac.js';

/** `hmac()` options without the secret: how one sender signs, as `--scheme` takes them (JSON). */
export type HmacScheme = Omit<HmacOptions, 'secret' | 'events' | 'respond' | 'allowFrom'>;

/**
 * The example sender of hookguard's hmac() docs: "Acme CI" signs `<timestamp>.<body>` with
 * HMAC-SHA256 and sends `X-Acme-Signature: v1=<hex>`.
 */
export const ACME_CI_SCHEME: HmacScheme = {
  name: 'acme-ci',
  signature: { header: 'X-Acme-Signature', prefix: 'v1=' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'X-Acme-Timestamp', toleranceSeconds: 300 },
  id: { header: 'X-Acme-Delivery' },
  event: { body: 'event' },
};

const build = { id: 1042, pipeline: 'main', commit: '0d1a26e67d8f', branch: 'main' };

/** Bodies for the Acme CI scheme: a sender described with hmac() defines its own events. */
export const hmacFixtures: Readonly<Record<string, Record<string, unknown>>> = {
  'build.started': { event: 'build.started', build },
  'build.finished': { event: 'build.finished', build: { ...build, status: 'passed', duration_s: 184 } },
  'deploy.failed': {
    event: 'deploy.failed',
    deploy: { id: 77, target: 'prod', error: 'health check <timeout>' },
  },
};
