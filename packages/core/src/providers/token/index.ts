export { type TokenOptions, type TokenProof, token } from './token.js';
