import { hmac } from '@hookguard/core';

// Acme CI signs "<timestamp>.<body>" with HMAC-SHA256 and sends X-Acme-Signature: v1=<hex>.
export const acmeCi = hmac({
  name: 'acme-ci',
  secret: process.env.ACME_SECRET ?? '',
  signature: { header: 'X-Acme-Signature', prefix: 'v1=' },
  signed: '{timestamp}.{body}',
  timestamp: { header: 'X-Acme-Timestamp', toleranceSeconds: 300 },
  id: { header: 'X-Acme-Delivery' },
  event: { body: 'event' },
});
