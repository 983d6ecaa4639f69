import type { Framework, Variant } from '../variants.js';
import type { Running } from './running.js';

/** Starts one variant in one framework on loopback (in this process); loads only that framework. */
export async function startServer(framework: Framework, variant: Variant): Promise<Running> {
  switch (framework) {
    case 'node':
      return (await import('./node-http.js')).serveNode(variant);
    case 'express':
      return (await import('./express.js')).serveExpress(variant);
    case 'koa':
      return (await import('./koa.js')).serveKoa(variant);
    case 'fastify':
      return (await import('./fastify.js')).serveFastify(variant);
  }
}
