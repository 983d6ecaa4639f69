/**
 * `@hookguard/core/testing`: sign and build requests exactly as each sender does, plus one example
 * body per event. For your handler tests, and used by hookguard's own tests and CLI.
 */
export * from './github.js';
export * from './go-json.js';
export * from './hmac.js';
export * from './onebot.js';
export * from './standard-webhooks.js';
export * from './tencent-chat.js';
export * from './whatsapp.js';
