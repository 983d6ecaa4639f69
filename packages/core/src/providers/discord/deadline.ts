/**
 * Discord's answer budget, for interactions ("This interaction failed" after 3 s) and Webhook
 * Events (a 204 within 3 s, or the delivery counts as failed and is retried).
 */
export const DISCORD_TIMEOUT_MS = 3000;

export function deadlineWarnings(deadlineMs: number, factory: string): string[] {
  if (deadlineMs < DISCORD_TIMEOUT_MS) return [];
  return [
    `${factory}: deadlineMs ${deadlineMs} is not below Discord's 3 s limit; a late answer is never read.`,
  ];
}
