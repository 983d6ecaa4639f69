import type { SenderTimeout } from '../../sender-toolkit/sender-timeout.js';

/**
 * Discord's answer budget, for interactions ("This interaction failed" after 3 s) and Webhook
 * Events (a 204 within 3 s, or the delivery counts as failed and is retried).
 */
export const DISCORD_TIMEOUT: SenderTimeout = {
  ms: 3000,
  name: "Discord's 3 s limit",
  consequence: 'a late answer is never read.',
};
