export { type HmacOptions, hmac } from './hmac.js';
