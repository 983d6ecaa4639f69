/** Discord's two URLs, each its own sender kit: both signed alike, answered differently. */
export { discordKit } from './interactions-kit.js';
export { discordEventsKit } from './webhook-events-kit.js';
