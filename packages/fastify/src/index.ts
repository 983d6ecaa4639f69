export { fastifyLogger } from './logger.js';
export { type FastifyWebhookOptions, fastifyWebhook, fastifyWebhook as default } from './plugin.js';
